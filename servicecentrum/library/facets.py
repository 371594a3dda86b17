"""Browse the library: tabs, combinable facets with counts from aggregate SQL, sorting, pages.

Within one facet the chosen values widen the result (theme A or B); different facets narrow
it (theme A and province X). Each facet's counts apply every other facet's choices but not
its own, so a member sees how many practices another value of the same facet would add.
The list page costs one query for the rows and one for every facet's counts, which also give
the total; see docs/performance.md for the indexes behind them.
"""

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import String, and_, case, cast, func, literal, or_, select, union_all
from sqlalchemy.orm import joinedload, selectinload

from ..caching import cached_list
from ..extensions import db
from ..organisations.models import SIZE_CLASSES, Organisation
from ..paging import Page, paginate
from ..taxonomy.models import Spearhead, Theme
from .labels import KIND_LABELS
from .models import Practice, practice_organisations, practice_themes

FACETS = ("theme", "spearhead", "region", "size", "year", "kind")
SORTS = ("newest", "title", "useful")
VIEWS = ("published", "review", "mine")
PER_PAGE = 20
FACET_LEGENDS = {"theme": _l("Thema"), "spearhead": _l("Speerpunt"), "region": _l("Provincie"),
                 "size": _l("Grootte van de gemeente"), "year": _l("Jaar"), "kind": _l("Soort")}


@dataclass(frozen=True)
class ListQuery:
    """What a member asked the list for."""

    view: str = "published"
    selected: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "newest"
    page: int = 1

    def chosen(self, facet: str) -> tuple[str, ...]:
        """Return the values chosen for one facet."""
        return self.selected.get(facet, ())


@dataclass(frozen=True)
class FacetOption:
    """One value of a facet, with how many practices it would show."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class FacetChoice:
    """One checkbox of a facet, ready to print: its id, value, text and state."""

    id: str
    value: str
    text: str
    selected: bool


@dataclass(frozen=True)
class FacetGroup:
    """A facet as a fieldset of checkboxes."""

    name: str
    legend: str
    choices: list[FacetChoice]


def allowed_view(user, view: str) -> str:
    """Return the tab the member may open: only staff see the practices waiting for review."""
    if view == "review" and not user.is_staff:
        return "published"
    return view if view in VIEWS else "published"


def _base(user, view: str) -> list:
    if view == "review":
        return [Practice.status == "review"]
    if view == "mine":
        return [Practice.author_id == user.id, Practice.status.in_(("draft", "review"))]
    return [Practice.status == "published"]


def _organisation_filter(column, values):
    linked = (select(practice_organisations.c.practice_id)
              .join(Organisation, Organisation.id == practice_organisations.c.organisation_id)
              .where(column.in_(values)))
    return Practice.id.in_(linked)


def _facet_filter(facet: str, values: tuple[str, ...]):
    if facet == "theme":
        linked = (select(practice_themes.c.practice_id)
                  .join(Theme, Theme.id == practice_themes.c.theme_id).where(Theme.slug.in_(values)))
        return Practice.id.in_(linked)
    if facet == "spearhead":
        return Practice.spearhead_id.in_(select(Spearhead.id).where(Spearhead.slug.in_(values)))
    if facet == "region":
        return _organisation_filter(Organisation.region, values)
    if facet == "size":
        return _organisation_filter(Organisation.size_class, values)
    if facet == "year":
        years = [int(v) for v in values if v.isdigit() and len(v) == 4]
        return Practice.year.in_(years)
    return Practice.kind.in_(values)


def _conditions(user, query: ListQuery, leave_out: str | None = None) -> list:
    conditions = _base(user, allowed_view(user, query.view))
    for facet in FACETS:
        if facet != leave_out and query.chosen(facet):
            conditions.append(_facet_filter(facet, query.chosen(facet)))
    return conditions


def _order(sort: str, view: str) -> list:
    if sort == "title":
        return [func.lower(Practice.title), Practice.id]
    if sort == "useful":
        return [Practice.helpful_count.desc(), Practice.rating_count.asc(),
                func.coalesce(Practice.published_at, Practice.updated_at).desc(), Practice.id.desc()]
    if view == "published":  # every published practice has its date: ix_practices_listed serves this
        return [Practice.published_at.desc(), Practice.id.desc()]
    return [func.coalesce(Practice.published_at, Practice.updated_at).desc(), Practice.id.desc()]


def list_practices(user, query: ListQuery, per_page: int = PER_PAGE, total: int | None = None) -> Page:
    """Return one page of practices in the member's tab, filtered and sorted.

    ``total`` is the number of matches when already known (:func:`total_of` the facet counts);
    without it the matches are counted up to ``paging.COUNT_LIMIT``.
    """
    order = _order(query.sort, allowed_view(user, query.view))
    rows = (select(Practice).options(joinedload(Practice.spearhead), selectinload(Practice.themes),
                                     selectinload(Practice.organisations)).order_by(*order))

    def fetch(page_ids) -> list[Practice]:
        # The ids are sorted and cut on an index alone; only the page's rows are read.
        return list(db.session.scalars(rows.where(Practice.id.in_(page_ids))))

    ids = select(Practice.id).where(*_conditions(user, query)).order_by(*order)
    return paginate(ids, query.page, per_page, count=total is None, total=total, fetch=fetch)


def _row(name: str, value, label, count):
    return [literal(name, String).label("facet"), cast(value, String).label("value"),
            cast(label, String).label("label"), count.label("n")]


def _grouped(user, query: ListQuery, facet: str, key, joins=(), distinct=False, where=()):
    """The matching practices (every other facet applied) counted per ``key``: columns key, n."""
    # count(*), not count(id): PostgreSQL then answers from the (status, column) index alone.
    counted = func.count(Practice.id.distinct()) if distinct else func.count()
    statement = select(key.label("key"), counted.label("n")).select_from(Practice)
    for target, on in joins:
        statement = statement.join(target, on)
    return statement.where(*_conditions(user, query, leave_out=facet), *where).group_by(key)


def _plain(facet: str, counts):
    counts = counts.subquery()
    return select(*_row(facet, counts.c.key, counts.c.key, counts.c.n))


def _named(facet: str, counts, table):
    """Counts grouped on a foreign key, then given the slug and name of what it points to."""
    counts = counts.subquery()
    return (select(*_row(facet, table.slug, table.name, counts.c.n))
            .join_from(counts, table, table.id == counts.c.key))


def _facet_statements(user, query: ListQuery) -> list:
    themes = ((practice_themes, practice_themes.c.practice_id == Practice.id),)
    organisations = ((practice_organisations, practice_organisations.c.practice_id == Practice.id),
                     (Organisation, Organisation.id == practice_organisations.c.organisation_id))
    return [
        _named("theme", _grouped(user, query, "theme", practice_themes.c.theme_id, themes), Theme),
        _named("spearhead", _grouped(user, query, "spearhead", Practice.spearhead_id), Spearhead),
        # A practice of two organisations in one province counts once for that province.
        _plain("region", _grouped(user, query, "region", Organisation.region, organisations, distinct=True,
                                  where=(Organisation.region.is_not(None),))),
        _plain("size", _grouped(user, query, "size", Organisation.size_class, organisations, distinct=True,
                                where=(Organisation.size_class.is_not(None),))),
        _plain("year", _grouped(user, query, "year", Practice.year, where=(Practice.year.is_not(None),))),
        _plain("kind", _grouped(user, query, "kind", Practice.kind)),
    ]


def _label(facet: str, value: str, label: str) -> str:
    if facet == "size":
        return SIZE_CLASSES.get(value, value)
    if facet == "kind":
        return str(KIND_LABELS.get(value, value))
    return label


def _sort_key(facet: str, option: FacetOption):
    if facet == "year":
        return (-int(option.value) if option.value.isdigit() else 0,)
    if facet == "size":
        order = list(SIZE_CLASSES)
        return (order.index(option.value) if option.value in order else len(order),)
    if facet == "kind":
        order = list(KIND_LABELS)
        return (order.index(option.value) if option.value in order else len(order),)
    return (option.label.lower(),)


def facet_counts(user, query: ListQuery) -> dict[str, list[FacetOption]]:
    """Count per facet value in one aggregate query; keep values with results or chosen ones.

    The counts of the whole published library (no facet chosen) are the same for every member
    and are what most visits ask: they are kept per process (caching.py).
    """
    if allowed_view(user, query.view) == "published" and not any(query.selected.values()):
        rows = _published_facet_rows()
    else:
        rows = db.session.execute(union_all(*_facet_statements(user, query))).all()
    options: dict[str, list[FacetOption]] = {facet: [] for facet in FACETS}
    for facet, value, label, count in rows:
        selected = value in query.chosen(facet)
        if count or selected:
            options[facet].append(FacetOption(value, _label(facet, value, label), count, selected))
    for facet, chosen in query.selected.items():
        known = {option.value for option in options[facet]}
        # A chosen value that matches nothing at all still shows, so it can be unticked.
        options[facet].extend(FacetOption(value, value, 0, True) for value in chosen if value not in known)
    return {facet: sorted(found, key=lambda o, f=facet: _sort_key(f, o))
            for facet, found in options.items()}


@cached_list("library.published_facets", tables=(
    "practices", "practice_themes", "practice_organisations", "organisations", "themes", "spearheads"))
def _published_facet_rows() -> tuple:
    """The facet counts of every published practice, as plain tuples (facet, value, label, n)."""
    statements = _facet_statements(None, ListQuery(view="published"))
    return tuple(tuple(row) for row in db.session.execute(union_all(*statements)))


def total_of(options: dict[str, list[FacetOption]], query: ListQuery) -> int:
    """The number of matching practices, read from the facet counts (no query of its own).

    Every practice has exactly one kind, and the kind counts apply every other facet: so the
    matches are the sum over the chosen kinds, or over all kinds when none is chosen.
    """
    chosen = query.chosen("kind")
    return sum(option.count for option in options["kind"] if not chosen or option.selected)


def facet_groups(options: dict[str, list[FacetOption]], order=FACETS) -> list[FacetGroup]:
    """The facets as the checkbox partial shows them: legend, ids and "label (count)" made once."""
    groups = []
    for name in order:
        if options.get(name):
            choices = [FacetChoice(f"{name}-{index}", option.value, f"{option.label} ({option.count})",
                                   option.selected) for index, option in enumerate(options[name])]
            groups.append(FacetGroup(name, str(FACET_LEGENDS[name]), choices))
    return groups


def tab_counts(user) -> dict[str, int]:
    """Count the practices waiting for review and the member's own unpublished ones, in one query."""
    mine = and_(Practice.author_id == user.id, Practice.status.in_(("draft", "review")))
    in_review = Practice.status == "review" if user.is_staff else literal(False)
    row = db.session.execute(
        select(func.count(case((in_review, 1))), func.count(case((mine, 1))))
        .where(or_(Practice.status == "review", Practice.author_id == user.id))
    ).one()
    return {"review": row[0], "mine": row[1]}
