"""Browse the library: tabs, combinable facets with counts from aggregate SQL, sorting, pages.

Within one facet the chosen values widen the result (theme A or B); different facets narrow
it (theme A and province X). Each facet's counts apply every other facet's choices but not
its own, so a member sees how many practices another value of the same facet would add.
"""

from dataclasses import dataclass, field

from sqlalchemy import String, and_, case, cast, func, literal, or_, select, union_all
from sqlalchemy.orm import joinedload, selectinload

from ..extensions import db
from ..organisations.models import SIZE_CLASSES, Organisation
from ..taxonomy.models import Spearhead, Theme
from .labels import KIND_LABELS
from .models import Practice, practice_organisations, practice_themes

FACETS = ("theme", "spearhead", "region", "size", "year", "kind")
SORTS = ("newest", "title", "useful")
VIEWS = ("published", "review", "mine")
PER_PAGE = 20


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


def _order(sort: str) -> list:
    if sort == "title":
        return [func.lower(Practice.title), Practice.id]
    if sort == "useful":
        return [Practice.helpful_count.desc(), Practice.rating_count.asc(),
                func.coalesce(Practice.published_at, Practice.updated_at).desc(), Practice.id.desc()]
    return [func.coalesce(Practice.published_at, Practice.updated_at).desc(), Practice.id.desc()]


def list_practices(user, query: ListQuery, per_page: int = PER_PAGE):
    """Return one page of practices in the member's tab, filtered and sorted."""
    statement = (select(Practice).where(*_conditions(user, query))
                 .options(joinedload(Practice.spearhead), selectinload(Practice.themes),
                          selectinload(Practice.organisations))
                 .order_by(*_order(query.sort)))
    return db.paginate(statement, page=query.page, per_page=per_page, error_out=False)


def _matching_ids(user, query: ListQuery, facet: str):
    return select(Practice.id).where(*_conditions(user, query, leave_out=facet))


def _row(name: str, value, label, count):
    return [literal(name, String).label("facet"), cast(value, String).label("value"),
            cast(label, String).label("label"), count.label("n")]


def _facet_statements(user, query: ListQuery) -> list:
    ids = {facet: _matching_ids(user, query, facet) for facet in FACETS}
    linked_practice = practice_organisations.c.practice_id
    return [
        select(*_row("theme", Theme.slug, Theme.name, func.count(practice_themes.c.practice_id)))
        .select_from(Theme)
        .outerjoin(practice_themes, and_(practice_themes.c.theme_id == Theme.id,
                                         practice_themes.c.practice_id.in_(ids["theme"])))
        .group_by(Theme.slug, Theme.name),
        select(*_row("spearhead", Spearhead.slug, Spearhead.name, func.count(Practice.id)))
        .select_from(Spearhead)
        .outerjoin(Practice, and_(Practice.spearhead_id == Spearhead.id, Practice.id.in_(ids["spearhead"])))
        .group_by(Spearhead.slug, Spearhead.name),
        select(*_row("region", Organisation.region, Organisation.region,
                     func.count(linked_practice.distinct())))
        .select_from(practice_organisations)
        .join(Organisation, Organisation.id == practice_organisations.c.organisation_id)
        .where(linked_practice.in_(ids["region"]), Organisation.region.is_not(None))
        .group_by(Organisation.region),
        select(*_row("size", Organisation.size_class, Organisation.size_class,
                     func.count(linked_practice.distinct())))
        .select_from(practice_organisations)
        .join(Organisation, Organisation.id == practice_organisations.c.organisation_id)
        .where(linked_practice.in_(ids["size"]), Organisation.size_class.is_not(None))
        .group_by(Organisation.size_class),
        select(*_row("year", Practice.year, Practice.year, func.count(Practice.id)))
        .where(Practice.id.in_(ids["year"]), Practice.year.is_not(None)).group_by(Practice.year),
        select(*_row("kind", Practice.kind, Practice.kind, func.count(Practice.id)))
        .where(Practice.id.in_(ids["kind"])).group_by(Practice.kind),
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
    """Count per facet value in one aggregate query; keep values with results or chosen ones."""
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


def tab_counts(user) -> dict[str, int]:
    """Count the practices waiting for review and the member's own unpublished ones, in one query."""
    mine = and_(Practice.author_id == user.id, Practice.status.in_(("draft", "review")))
    in_review = Practice.status == "review" if user.is_staff else literal(False)
    row = db.session.execute(
        select(func.count(case((in_review, 1))), func.count(case((mine, 1))))
        .where(or_(Practice.status == "review", Practice.author_id == user.id))
    ).one()
    return {"review": row[0], "mine": row[1]}
