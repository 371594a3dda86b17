"""Make published practices searchable: the "practice" document type for the search index."""

from flask import current_app, g, has_request_context, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from ..extensions import db
from ..search.registry import DocumentType, IndexedDoc, register
from ..taxonomy.models import Spearhead, Theme
from ..text import strip_markdown
from .models import PRACTICE_KINDS, Practice

DOC_TYPE = "practice"


def _facets(practice: Practice) -> dict[str, list[str]]:
    regions = sorted({o.region for o in practice.organisations if o.region})
    return {
        "theme": [t.slug for t in practice.themes],
        "spearhead": [practice.spearhead.slug] if practice.spearhead else [],
        "kind": [practice.kind],
        "year": [str(practice.year)] if practice.year else [],
        "region": regions,
    }


def indexed_doc(practice: Practice) -> IndexedDoc:
    """Return what the index holds of a practice: title, text with attachment text, facets."""
    parts = [practice.summary or "", strip_markdown(practice.body)]
    parts += [a.text for a in practice.attachments if a.text]
    return IndexedDoc(doc_type=DOC_TYPE, doc_id=practice.id, title=practice.title,
                      body="\n\n".join(p for p in parts if p), facets=_facets(practice))


def load(ids: list[int]) -> dict[int, IndexedDoc]:
    """Return the index entries of the published practices among ids."""
    if not ids:
        return {}
    statement = (select(Practice).where(Practice.id.in_(list(ids)), Practice.status == "published")
                 .options(joinedload(Practice.spearhead), selectinload(Practice.themes),
                          selectinload(Practice.organisations), selectinload(Practice.attachments)))
    return {practice.id: indexed_doc(practice) for practice in db.session.scalars(statement)}


def all_ids() -> list[int]:
    """Return the ids of every published practice: those belong in the index."""
    return list(db.session.scalars(select(Practice.id).where(Practice.status == "published")
                                   .order_by(Practice.id)))


def visible_ids(user, ids: list[int]) -> set[int]:
    """Return the ids among these that are published now (every member may read those)."""
    if not ids or not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    return set(db.session.scalars(select(Practice.id).where(Practice.id.in_(list(ids)),
                                                            Practice.status == "published")))


def url(practice_id: int) -> str:
    """Return the practice's page (also outside a request, e.g. in a CLI report)."""
    if has_request_context():
        return url_for("library.practice_detail", practice_id=practice_id)
    with current_app.test_request_context():
        return url_for("library.practice_detail", practice_id=practice_id)


def _taxonomy_names() -> dict[str, dict[str, str]]:
    """Theme and spearhead names by slug: two queries per app context, whatever the facet count."""
    if "practice_facet_names" not in g:
        g.practice_facet_names = {
            "theme": dict(db.session.execute(select(Theme.slug, Theme.name)).all()),
            "spearhead": dict(db.session.execute(select(Spearhead.slug, Spearhead.name)).all()),
        }
    return g.practice_facet_names


def facet_value_label(name: str, value: str):
    """Return the readable label of a facet value (a theme's name instead of its slug)."""
    if name == "kind":
        return PRACTICE_KINDS.get(value)
    if name in ("theme", "spearhead"):
        return _taxonomy_names()[name].get(value)
    return None


register(DocumentType(name=DOC_TYPE, label=_l("Praktijk"), load=load, all_ids=all_ids,
                      visible_ids=visible_ids, url=url, facet_value_label=facet_value_label))
