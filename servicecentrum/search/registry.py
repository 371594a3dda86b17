"""Document types register here; the search backends and the unified search use them.

A feature makes its content searchable with one call, e.g. in library/search_docs.py:

    register(DocumentType(name="practice", label=_l("Praktijk"), load=..., all_ids=...,
                          visible_ids=..., url=...))

and calls ``search.outbox.enqueue("practice", practice.id)`` in every transaction that
changes a practice (create, edit, publish, archive, delete).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class IndexedDoc:
    """What the index holds of one document. Everything in it may be shown to its readers."""

    doc_type: str
    doc_id: int
    title: str
    body: str  # summary, text and attachment text, joined
    facets: dict[str, list[str]] = field(default_factory=dict)  # e.g. {"theme": ["onderwijs"]}


@dataclass(frozen=True)
class Parent:
    """The document a result is shown under (an answer under its question), with its byline."""

    doc_type: str
    doc_id: int
    anchor: str = ""  # the place of the child on the parent's page, e.g. "antwoord-12"
    byline: str = ""  # who wrote the child, e.g. "Sanne Jansen"


@dataclass(frozen=True)
class DocumentType:
    """How to load, list, authorise and link one kind of searchable document."""

    name: str
    label: object  # lazy Dutch label, e.g. _l("Praktijk")
    # Return {id: IndexedDoc} for the ids that should be in the index; missing ids are removed.
    load: Callable[[list[int]], dict[int, IndexedDoc]]
    # Every id that should be in the index (for reindex and verify).
    all_ids: Callable[[], Iterable[int]]
    # The subset of ids the user may see (checked again at query time: never trust the index).
    visible_ids: Callable[[object, list[int]], set[int]]
    # The page of a document.
    url: Callable[[int], str]
    # Optional: ids whose title contains every one of the folded words (a LIKE query), at
    # most `limit`; used while the index is being rebuilt. Without it, titles are scanned.
    find_by_title: Callable[[list[str], int], list[int]] | None = None
    # Optional: Dutch labels of the facet names in IndexedDoc.facets, e.g. {"theme": _l("Thema")}.
    facet_labels: dict = field(default_factory=dict)
    # Optional: the Dutch label of one facet value, e.g. ("theme", "onderwijs") -> "Onderwijs".
    facet_value_label: Callable[[str, str], object] | None = None
    # Optional: {id: Parent} for these ids, in one query. Results of this type are then shown
    # nested under their parent (answers under their question); the child's indexed title must
    # be the parent's title, so the group's heading can be highlighted from either.
    parents: Callable[[list[int]], dict[int, "Parent"]] | None = None


REGISTRY: dict[str, DocumentType] = {}


def register(doc_type: DocumentType) -> None:
    """Make a document type searchable (idempotent: the last registration wins)."""
    REGISTRY[doc_type.name] = doc_type
