"""Library figures for the dashboard: the most viewed practices and the searches that found nothing."""

from datetime import date, datetime

from flask_babel import gettext as _
from sqlalchemy import exists, func, select

from ...extensions import db
from ...library.models import Practice, PracticeDailyViews, PracticeRating, practice_themes
from ...search.models import SearchMiss
from ..tables import AMSTERDAM, Chart, Column, Filters, ReportTable, register

TOP_PRACTICES = 10
TOP_SEARCH_GAPS = 20


@register("top_practices", 70)
def top_practices(filters: Filters) -> ReportTable:
    """The most viewed published practices of the period, with their number of helpful ratings."""
    views = func.sum(PracticeDailyViews.views)
    top = (
        select(Practice.id.label("id"), Practice.title.label("title"), views.label("views"))
        .join(PracticeDailyViews, PracticeDailyViews.practice_id == Practice.id)
        .where(Practice.status == "published",
               PracticeDailyViews.day >= filters.start, PracticeDailyViews.day <= filters.end)
        .group_by(Practice.id, Practice.title)
        .order_by(views.desc(), Practice.title, Practice.id)
        .limit(TOP_PRACTICES))
    if filters.theme_id is not None:
        top = top.where(exists().where(practice_themes.c.practice_id == Practice.id,
                                       practice_themes.c.theme_id == filters.theme_id))
    top = top.subquery()
    helpful = (select(func.count(PracticeRating.id))
               .where(PracticeRating.practice_id == top.c.id, PracticeRating.helpful.is_(True))
               .scalar_subquery())
    statement = select(top.c.title, top.c.views, helpful).order_by(top.c.views.desc(), top.c.title, top.c.id)
    rows = [[title, int(count), int(useful)] for title, count, useful in db.session.execute(statement)]
    return ReportTable(
        key="top_practices",
        title=_("Meest bekeken praktijken"),
        columns=[Column(_("Praktijk")), Column(_("Weergaven"), "int"), Column(_("Nuttig"), "int")],
        rows=rows,
        chart=Chart(label_column=0, value_columns=[1],
                    caption=_("Aantal weergaven van de meest bekeken praktijken")),
        note=_("De %(n)s gepubliceerde praktijken die in de periode het vaakst zijn geopend; nuttig telt "
               "alle beoordelingen 'nuttig' ooit. Het themafilter geldt, het programmafilter niet.",
               n=TOP_PRACTICES),
    )


def _local_day(moment: datetime | None) -> date | None:
    return moment.astimezone(AMSTERDAM).date() if moment else None


@register("search_gaps", 80)
def search_gaps(filters: Filters) -> ReportTable:
    """The search terms of the period that most often found nothing: the library's content gaps."""
    term = func.lower(func.trim(SearchMiss.query))
    count = func.count(SearchMiss.id)
    statement = (
        select(term.label("term"), count, func.max(SearchMiss.created_at))
        .where(SearchMiss.created_at >= filters.start_utc, SearchMiss.created_at < filters.end_utc)
        .group_by(term)
        .having(term != "")
        .order_by(count.desc(), term)
        .limit(TOP_SEARCH_GAPS))
    rows = [[text, int(n), _local_day(last)] for text, n, last in db.session.execute(statement)]
    return ReportTable(
        key="search_gaps",
        title=_("Zoektermen zonder resultaat"),
        columns=[Column(_("Zoekterm")), Column(_("Aantal"), "int"), Column(_("Laatst gezocht"), "date")],
        rows=rows,
        chart=Chart(label_column=0, value_columns=[1],
                    caption=_("Aantal zoekopdrachten zonder resultaat, per zoekterm")),
        note=_("De %(n)s zoektermen die in de periode het vaakst niets vonden, zonder hoofdletters en "
               "spaties aan het begin of eind; programma en thema gelden hier niet.", n=TOP_SEARCH_GAPS),
    )
