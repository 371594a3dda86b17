"""Nest children (answers) under their parent (question) in search results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .prepare import DocKey
from .registry import REGISTRY, Parent

if TYPE_CHECKING:
    from .backend import Candidate


def parents_of(candidates: list[Candidate]) -> dict[DocKey, Parent]:
    """The parent of every candidate whose type nests under another (one query per such type)."""
    by_type: dict[str, list[int]] = {}
    for candidate in candidates:
        kind = REGISTRY.get(candidate.key[0])
        if kind is not None and kind.parents is not None:
            by_type.setdefault(candidate.key[0], []).append(candidate.key[1])
    found: dict[DocKey, Parent] = {}
    for doc_type, ids in by_type.items():
        for doc_id, parent in REGISTRY[doc_type].parents(ids).items():
            found[(doc_type, doc_id)] = parent
    return found


def group_key(candidate: Candidate, parents: dict[DocKey, Parent]) -> DocKey:
    parent = parents.get(candidate.key)
    return (parent.doc_type, parent.doc_id) if parent else candidate.key


def group_candidates(candidates: list[Candidate], parents: dict[DocKey, Parent]) -> list[tuple[DocKey, list]]:
    """Gather children under their parent, ranked by the group's best match (a parent comes first)."""
    groups: dict[DocKey, list[Candidate]] = {}
    for candidate in candidates:
        groups.setdefault(group_key(candidate, parents), []).append(candidate)
    for key, members in groups.items():
        members.sort(key=lambda c: c.key != key)  # stable: the parent first, children by score
    return list(groups.items())
