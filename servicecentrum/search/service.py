"""The unified search: one ranked list over every document type, only what the member may see."""

import logging
import math
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from ..extensions import db
from . import fallback, query
from .backend import MAX_CANDIDATES, IndexUnavailable, get_backend
from .models import SearchMiss
from .registry import REGISTRY

log = logging.getLogger(__name__)
PER_PAGE = 20
MISS_LENGTH = 200

PROBLEM_TEXTS = {
    query.UNCLOSED_QUOTE: _l("Er ontbreekt een afsluitend aanhalingsteken. We hebben gezocht alsof het "
                             "er wel stond."),
    query.UNBALANCED_PARENS: _l("De haakjes in uw zoekvraag zijn niet in evenwicht. We hebben de losse "
                                "haakjes genegeerd."),
    query.DANGLING_OPERATOR: _l("EN, OF of NIET staat niet tussen twee zoekwoorden. We hebben dat woord "
                                "overgeslagen."),
    query.ONLY_NEGATIVE: _l("Met alleen NIET of een minteken vinden we niets. Voeg een woord toe dat "
                            "wel in de resultaten moet staan."),
    query.TOO_LONG: _l("Uw zoekvraag is erg lang of diep genest. We hebben alleen het eerste deel "
                       "gebruikt."),
    query.NO_WORDS: _l("Uw zoekvraag bevat geen woorden om op te zoeken. Gebruik letters of cijfers."),
}


@dataclass
class ResultItem:
    """One result as the page shows it."""

    doc_type: str
    doc_id: int
    type_label: object
    url: str
    title_html: Markup
    snippet_html: Markup
    children: list["ChildItem"] = field(default_factory=list)  # matching answers under a question
    more_children: int = 0  # further matching children not shown


@dataclass
class ChildItem:
    """A matching child shown under its parent result: an answer under its question."""

    doc_type: str
    doc_id: int
    type_label: object
    url: str  # the parent's page at the child's anchor
    snippet_html: Markup
    byline: str


# Labels of the facet names most document types use; a type's own facet_labels win.
FACET_LABELS = {"theme": _l("Thema"), "spearhead": _l("Speerpunt"), "kind": _l("Vorm"),
                "year": _l("Jaar"), "region": _l("Regio"), "programme": _l("Programma")}


@dataclass
class FacetOption:
    """One value of a facet with the number of visible results that have it."""

    value: str
    count: int
    selected: bool
    label: object = None
    toggled: list[str] = field(default_factory=list)  # the page's f= values with this one (un)ticked


@dataclass
class FacetGroup:
    """A facet (theme, year, …) and its values."""

    name: str
    label: object
    options: list[FacetOption]


@dataclass
class SearchPage:
    """Everything the search page shows."""

    query: str
    searched: bool = False  # False for an empty query
    items: list[ResultItem] = field(default_factory=list)
    total: int = 0
    page: int = 1
    pages: int = 0
    suggestion: str | None = None
    problems: list = field(default_factory=list)  # Dutch explanations
    degraded: bool = False  # the index is being rebuilt: titles only
    types: list[tuple[str, object, int]] = field(default_factory=list)  # (name, label, count)
    selected_type: str | None = None
    facets: list[FacetGroup] = field(default_factory=list)
    selected_facets: dict[str, list[str]] = field(default_factory=dict)
    capped: bool = False

    @property
    def facet_params(self) -> list[str]:
        """The chosen facets as the page's f= values ("theme:onderwijs")."""
        return _facet_params(self.selected_facets)


def _facet_params(selected: dict[str, list[str]]) -> list[str]:
    return [f"{name}:{value}" for name, values in selected.items() for value in values]


def _toggled(selected: dict[str, list[str]], name: str, value: str, on: bool) -> list[str]:
    """The f= values after ticking (or unticking) one facet value, made once per option."""
    chosen = dict(selected)
    others = [v for v in selected.get(name, ()) if v != value]
    chosen[name] = others if on else [*others, value]
    return _facet_params(chosen)


def document_types() -> list[tuple[str, object]]:
    """Return (name, label) of every searchable document type."""
    return [(name, kind.label) for name, kind in REGISTRY.items()]


def search(user, text: str, doc_type: str | None = None, facets: dict[str, list[str]] | None = None,
           page: int = 1, per_page: int = PER_PAGE) -> SearchPage:
    """Search every document type the member may see; record a search that found nothing."""
    parsed = query.parse(text)
    doc_type = doc_type if doc_type in REGISTRY else None
    facets = {k: sorted(set(v)) for k, v in (facets or {}).items() if v}
    result = SearchPage(query=parsed.text, selected_type=doc_type, selected_facets=facets,
                        problems=[PROBLEM_TEXTS[p] for p in parsed.problems])
    if not parsed.text:
        return result
    result.searched = True
    page = max(1, min(page, MAX_CANDIDATES // per_page))
    doc_types = [doc_type] if doc_type else None
    try:
        found = get_backend().search(parsed, doc_types=doc_types, facets=facets, limit=per_page,
                                     offset=(page - 1) * per_page, allowed=_allowed_for(user))
    except IndexUnavailable:
        log.warning("search index unavailable; searching titles only")
        hits, total = fallback.title_search(user, parsed, doc_types, per_page)
        result.degraded, result.items, result.total = True, _items(hits), total
        result.pages = 1 if total else 0
        return result
    if found.total and not found.hits and page > 1:
        return search(user, text, doc_type, facets, page=math.ceil(found.total / per_page))
    result.items = _items(found.hits)
    result.total, result.page, result.capped = found.total, page, found.capped
    result.pages = math.ceil(found.total / per_page)
    result.suggestion = found.suggestion
    result.types = [(name, kind.label, found.type_counts.get(name, 0)) for name, kind in REGISTRY.items()]
    result.facets = _facet_groups(found.facet_counts, facets)
    if parsed.searchable and not found.type_counts:
        record_miss(parsed.text)
    return result


def _allowed_for(user):
    def allowed(keys):
        by_type: dict[str, list[int]] = {}
        for doc_type, doc_id in keys:
            by_type.setdefault(doc_type, []).append(doc_id)
        visible = set()
        for doc_type, ids in by_type.items():
            kind = REGISTRY.get(doc_type)
            if kind is not None:  # a type no longer registered is never shown
                visible.update((doc_type, i) for i in kind.visible_ids(user, ids))
        return visible

    return allowed


def _items(hits) -> list[ResultItem]:
    items = []
    for hit in hits:
        kind = REGISTRY.get(hit.doc_type)
        if kind is None:
            continue
        url = kind.url(hit.doc_id)
        item = ResultItem(hit.doc_type, hit.doc_id, kind.label, url, hit.title_html, hit.snippet_html,
                          more_children=hit.more_children)
        for child in hit.children:
            label = REGISTRY[child.doc_type].label if child.doc_type in REGISTRY else ""
            anchor = f"#{child.parent.anchor}" if child.parent and child.parent.anchor else ""
            byline = child.parent.byline if child.parent else ""
            item.children.append(ChildItem(child.doc_type, child.doc_id, label, url + anchor,
                                           child.snippet_html, byline))
        items.append(item)
    return items


def _facet_groups(counts: dict[str, dict[str, int]], selected: dict[str, list[str]]) -> list[FacetGroup]:
    labels: dict = dict(FACET_LABELS)
    value_labels = []
    for kind in REGISTRY.values():
        labels.update(kind.facet_labels)
        if kind.facet_value_label is not None:
            value_labels.append(kind.facet_value_label)

    def label(name: str, value: str):
        for find in value_labels:
            found = find(name, value)
            if found:
                return found
        return value

    groups = []
    for name, values in counts.items():
        chosen = set(selected.get(name, ()))
        options = [FacetOption(v, n, v in chosen, label(name, v), _toggled(selected, name, v, v in chosen))
                   for v, n in values.items()]
        options += [FacetOption(v, 0, True, label(name, v), _toggled(selected, name, v, True))
                    for v in sorted(chosen - set(values))]
        if options:
            groups.append(FacetGroup(name, labels.get(name, name), options))
    return groups


def record_miss(text: str) -> None:
    """Store a search that found nothing (the words only, trimmed; nothing about who searched)."""
    db.session.add(SearchMiss(query=text.strip()[:MISS_LENGTH]))
    db.session.commit()
