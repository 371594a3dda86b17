"""Document types for the search tests: practices as a test type, and a corpus in memory.

The library registers the real "practice" type itself; these tests use their own
"testpractice" type on the same table, so they do not depend on the library's code.
"""

from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.library.models import PRACTICE_KINDS, Practice
from servicecentrum.search.outbox import enqueue
from servicecentrum.search.registry import REGISTRY, DocumentType, IndexedDoc, register

TYPE = "testpractice"


def _load(ids):
    rows = db.session.scalars(select(Practice).where(Practice.id.in_(ids))).all()
    return {
        p.id: IndexedDoc(TYPE, p.id, p.title, f"{p.summary}\n\n{p.body}",
                         facets={"kind": [p.kind], **({"year": [str(p.year)]} if p.year else {})})
        for p in rows
    }


def _all_ids():
    return db.session.scalars(select(Practice.id).order_by(Practice.id)).all()


def _visible_ids(user, ids):
    rows = db.session.execute(select(Practice.id, Practice.status, Practice.author_id)
                              .where(Practice.id.in_(ids))).all()
    return {r.id for r in rows
            if r.status == "published" or r.author_id == user.id or user.role in ("adviser", "admin")}


def _find_by_title(words, limit):
    query = select(Practice.id)
    for word in words:
        query = query.where(Practice.title.ilike(f"%{word}%"))
    return db.session.scalars(query.limit(limit)).all()


TEST_PRACTICE = DocumentType(
    name=TYPE, label="Testpraktijk", load=_load, all_ids=_all_ids, visible_ids=_visible_ids,
    url=lambda doc_id: f"/praktijken/{doc_id}", find_by_title=_find_by_title,
    facet_labels={"kind": "Soort praktijk"},
    facet_value_label=lambda name, value: PRACTICE_KINDS.get(value) if name == "kind" else None,
)


class Notes:
    """A second document type held in memory: shows that results mix types."""

    def __init__(self):
        self.docs: dict[int, tuple[str, str]] = {}

    def type(self) -> DocumentType:
        return DocumentType(
            name="note", label="Notitie",
            load=lambda ids: {i: IndexedDoc("note", i, *self.docs[i]) for i in ids if i in self.docs},
            all_ids=lambda: sorted(self.docs), visible_ids=lambda user, ids: set(ids),
            url=lambda doc_id: f"/notities/{doc_id}",
        )


def use_test_types(notes: Notes | None = None) -> None:
    """Make the test types the only registered ones."""
    REGISTRY.clear()
    register(TEST_PRACTICE)
    if notes is not None:
        register(notes.type())


def add_practice(title, body="", status="published", author=None, year=None, kind="praktijk",
                 summary="") -> Practice:
    """Create a practice and queue it for the index in the same transaction, as the library does."""
    practice = Practice(title=title, summary=summary, body=body, status=status, year=year, kind=kind,
                        author_id=author.id if author else None)
    db.session.add(practice)
    db.session.flush()
    enqueue(TYPE, practice.id)
    db.session.commit()
    return practice
