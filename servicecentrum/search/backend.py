"""The SearchBackend interface, its results, and the factory that picks one by SEARCH_BACKEND.

A backend implements a few primitives (match, render, write, list); the shared ``search``
below turns a query into a plan, filters by what the member may see, pages, counts the
facets and makes a "bedoelde u …?" suggestion, so both backends behave the same.
"""

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import lru_cache

from flask import Flask, current_app
from markupsafe import Markup

from .grouping import group_candidates as _group
from .grouping import group_key as _group_key
from .grouping import parents_of as _parents
from .plan import Plan, build
from .prepare import DocKey, parse_facet_token
from .query import ParsedQuery, parse
from .registry import IndexedDoc, Parent
from .suggest import Vocabulary, suggest

# Ranked matches checked against the member's rights per search; deeper ones are not shown.
MAX_CANDIDATES = 1000
# Matching children (answers) shown under one parent (question) in the results.
MAX_CHILDREN = 3


class IndexUnavailable(Exception):
    """The index is missing or cannot be read; search degrades until it is rebuilt."""


class IndexBusy(Exception):
    """Another process holds the index writer lock."""


@dataclass
class Hit:
    """One result: highlighted title and snippet are safe HTML (escaped, with <mark> only)."""

    doc_type: str
    doc_id: int
    score: float
    title_html: Markup
    snippet_html: Markup
    parent: Parent | None = None  # set on a child shown under its parent
    children: list["Hit"] = field(default_factory=list)  # matching children, best first
    more_children: int = 0  # matching children beyond those in `children`


@dataclass
class SearchResults:
    """What a search found: a page of hits, the total, counts and a suggestion."""

    hits: list[Hit]
    total: int
    suggestion: str | None = None
    problems: list[str] = field(default_factory=list)
    type_counts: dict[str, int] = field(default_factory=dict)
    facet_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    capped: bool = False  # more matches than MAX_CANDIDATES were checked


@dataclass
class Candidate:
    """A ranked match before rights, filters and paging are applied."""

    key: DocKey
    score: float
    facet_tokens: tuple[str, ...] = ()
    ref: object = None  # the backend's own handle (a Whoosh document number)

    def facet_values(self) -> dict[str, frozenset[str]]:
        """Return {facet name: values} (shared between candidates: do not change it)."""
        return _facet_values(self.facet_tokens)


@lru_cache(maxsize=50_000)
def _facet_values(tokens: tuple[str, ...]) -> dict[str, frozenset[str]]:
    values: dict[str, set[str]] = {}
    for token in tokens:
        parsed = parse_facet_token(token)
        if parsed:
            values.setdefault(parsed[0], set()).add(parsed[1])
    return {name: frozenset(found) for name, found in values.items()}


Allowed = Callable[[list[DocKey]], set[DocKey]]


class SearchBackend(ABC):
    """What every search backend offers; see WhooshBackend and PostgresBackend."""

    name = ""
    stores_in_database = False  # True: index writes share the caller's DB transaction

    # --- writing -----------------------------------------------------------------------

    @abstractmethod
    def write_lock(self, blocking: bool = True, timeout: float = 30) -> AbstractContextManager[bool]:
        """Hold the single-writer lock; yields False when it could not be had in time."""

    @abstractmethod
    def apply(self, docs: list[IndexedDoc], delete_keys: list[DocKey]) -> None:
        """Add or replace docs and remove keys (caller holds write_lock; PostgreSQL: caller commits)."""

    def upsert(self, docs: Iterable[IndexedDoc]) -> None:
        """Add or replace documents, now."""
        with self.write_lock() as held:
            if not held:
                raise IndexBusy()
            self.apply(list(docs), [])
            self._commit()

    def delete(self, keys: Iterable[DocKey]) -> None:
        """Remove documents by (doc_type, doc_id), now."""
        with self.write_lock() as held:
            if not held:
                raise IndexBusy()
            self.apply([], list(keys))
            self._commit()

    @abstractmethod
    def _commit(self) -> None:
        """Make direct writes durable (PostgreSQL commits the session; Whoosh already did)."""

    @abstractmethod
    def rebuild(self, docs: Iterable[IndexedDoc], progress: Callable[[int], None] | None = None) -> int:
        """Replace the whole index by docs; return how many were indexed (caller holds write_lock)."""

    @abstractmethod
    def keys_with_fingerprints(self) -> dict[DocKey, str]:
        """Return every indexed key with the fingerprint it was indexed with."""

    @abstractmethod
    def check(self) -> None:
        """Raise IndexUnavailable when the index is missing or unreadable."""

    # --- reading -----------------------------------------------------------------------

    @abstractmethod
    def match(self, plan: Plan, doc_types, facets, limit: int) -> tuple[list[Candidate], int, object]:
        """Return the best `limit` candidates, the number of matches, and a context for render."""

    @abstractmethod
    def render(self, plan: Plan, candidates: list[Candidate], context) -> dict[DocKey, tuple[Markup, Markup]]:
        """Return the highlighted title and snippet of each candidate."""

    @abstractmethod
    def vocabulary(self) -> Vocabulary:
        """Return the indexed words with their document frequencies (for suggestions)."""

    def search(self, query: str | ParsedQuery, doc_types: list[str] | None = None,
               facets: dict[str, list[str]] | None = None, limit: int = 20, offset: int = 0,
               allowed: Allowed | None = None) -> SearchResults:
        """Search; with `allowed`, only keys it returns are counted and shown.

        With `allowed` the type and facet filters are applied to the ranked candidates, so the
        counts of every type and facet value describe what this member can see.
        """
        parsed = query if isinstance(query, ParsedQuery) else parse(query)
        plan = build(parsed)
        if plan.root is None:
            return SearchResults(hits=[], total=0, problems=list(parsed.problems))
        facets = {name: list(values) for name, values in (facets or {}).items() if values}
        if allowed is None:
            candidates, total, context = self.match(plan, doc_types, facets, offset + limit)
            results = SearchResults(hits=[], total=total, problems=list(parsed.problems))
        else:
            candidates, raw_total, context = self.match(plan, None, {}, MAX_CANDIDATES)
            results = SearchResults(hits=[], total=0, problems=list(parsed.problems),
                                    capped=raw_total > MAX_CANDIDATES)
            visible = allowed([c.key for c in candidates])
            candidates = [c for c in candidates if c.key in visible]
            parents = _parents(candidates)
            candidates = _filter_and_count(candidates, doc_types, facets, results, parents)
            groups = _group(candidates, parents)
            results.total = len(groups)
            self._add_groups(plan, context, groups[offset:offset + limit], parents, results)
            if results.total == 0:
                results.suggestion = suggest(parsed.text, self.vocabulary())
            return results
        page = candidates[offset:offset + limit]
        rendered = self.render(plan, page, context) if page else {}
        for candidate in page:
            title, snippet = rendered.get(candidate.key, (Markup(""), Markup("")))
            results.hits.append(Hit(candidate.key[0], candidate.key[1], candidate.score, title, snippet))
        if results.total == 0:
            results.suggestion = suggest(parsed.text, self.vocabulary())
        return results


    def _add_groups(self, plan: Plan, context, groups, parents: dict, results: SearchResults) -> None:
        """Render one page of groups: each parent with its best matching children nested under it.

        A child is indexed with its parent's title, so it matches whenever the parent's title does;
        only children whose own text matched (a highlight in the snippet) are nested.
        """
        shown = [c for _key, members in groups for c in members]
        rendered = self.render(plan, shown, context) if shown else {}
        empty = (Markup(""), Markup(""))
        for key, members in groups:
            head = next((c for c in members if c.key == key), None)
            children = [c for c in members if c.key != key]
            if head is not None:
                title, snippet = rendered.get(head.key, empty)
            else:
                # Without a matching parent, the heading is the child's title: the parent's, highlighted.
                title, snippet = rendered.get(children[0].key, empty)[0], Markup("")
            marked = [c for c in children if "<mark>" in rendered.get(c.key, empty)[1]]
            if head is None and not marked:
                marked = children[:1]
            hit = Hit(key[0], key[1], max(c.score for c in members), title, snippet)
            for child in marked[:MAX_CHILDREN]:
                child_title, child_snippet = rendered.get(child.key, empty)
                hit.children.append(Hit(child.key[0], child.key[1], child.score, child_title, child_snippet,
                                        parent=parents[child.key]))
            hit.more_children = max(0, len(marked) - MAX_CHILDREN)
            results.hits.append(hit)


def _filter_and_count(candidates: list[Candidate], doc_types, facets, results: SearchResults,
                      parents: dict[DocKey, Parent] | None = None):
    """Apply type and facet filters in Python; count each facet as if its own filter were off.

    Counts are of results as shown: children under the same parent count once, as that parent does.
    """
    values = [c.facet_values() for c in candidates]
    wanted = {name: set(v) for name, v in facets.items()}
    empty: frozenset[str] = frozenset()

    def passes(i: int, skip: str | None = None) -> bool:
        return all(vals & values[i].get(name, empty) for name, vals in wanted.items() if name != skip)

    passing = [passes(i) for i in range(len(candidates))] if wanted else [True] * len(candidates)
    groups = [_group_key(c, parents or {}) for c in candidates]
    per_type: dict[str, set[DocKey]] = {}
    for i, candidate in enumerate(candidates):
        if passing[i]:
            per_type.setdefault(candidate.key[0], set()).add(groups[i])
    results.type_counts.update((name, len(keys)) for name, keys in per_type.items())
    in_type = [i for i, c in enumerate(candidates) if not doc_types or c.key[0] in doc_types]
    counts: dict[str, dict[str, set[DocKey]]] = {name: {} for name in wanted}
    for i in in_type:
        for name, vals in values[i].items():
            # A facet counts the results that pass every other facet's filter.
            if passing[i] or (name in wanted and passes(i, skip=name)):
                group = counts.setdefault(name, {})
                for value in vals:
                    group.setdefault(value, set()).add(groups[i])
    for name in sorted(counts):
        sized = {value: len(keys) for value, keys in counts[name].items()}
        results.facet_counts[name] = dict(sorted(sized.items(), key=lambda kv: (-kv[1], kv[0])))
    return [candidates[i] for i in in_type if passing[i]]


def make_backend(name: str, app: Flask) -> SearchBackend:
    """Build the backend called `name` ("whoosh" or "postgres") for the app."""
    if name == "whoosh":
        from .whoosh_backend import WhooshBackend

        return WhooshBackend(app.config["SEARCH_INDEX_DIR"])
    if name == "postgres":
        from .postgres_backend import PostgresBackend

        return PostgresBackend()
    raise RuntimeError(f"SEARCH_BACKEND must be 'whoosh' or 'postgres', not {name!r}")


def get_backend(app: Flask | None = None) -> SearchBackend:
    """Return the app's backend, chosen by SEARCH_BACKEND (made once per app)."""
    app = app or current_app._get_current_object()
    backend = app.extensions.get("search_backend")
    if backend is None:
        backend = make_backend(app.config["SEARCH_BACKEND"], app)
        app.extensions["search_backend"] = backend
    return backend
