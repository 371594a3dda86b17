"""Satisfaction per service: helpdesk, each event kind, and the library's "was dit nuttig?".

One aggregate query: survey responses grouped per service (tickets, or events by kind), and the
library's practice ratings. The survey responses of rolled-up days come from the roll-up
(reports/rollup.py), the other days live; both count with the expressions defined here.
"""

from flask_babel import gettext as _
from sqlalchemy import case, exists, func, literal, or_, select, union_all

from ...events.labels import KIND_LABELS
from ...events.models import Event
from ...extensions import db
from ...helpdesk.models import Ticket
from ...library.models import PracticeRating, practice_themes
from ...surveys.models import SurveyResponse
from .. import coverage
from ..rollup_models import ReportSurveyDay
from ..tables import Chart, Column, Filters, ReportTable, register
from .helpdesk import scoped

HELPDESK = "helpdesk"
LIBRARY = "library"  # not a survey: the library's "was dit nuttig?", counted in the same query


def survey_dimensions():
    """A response's service (helpdesk or the event's kind), and its ticket's or event's programme, theme."""
    service = case((SurveyResponse.subject_type == "ticket", literal(HELPDESK)), else_=Event.kind)
    return (service, func.coalesce(Ticket.programme_id, Event.programme_id),
            func.coalesce(Ticket.theme_id, Event.theme_id))


def survey_sums():
    """Responses, the sum of their ratings, and how many were satisfied (4 or 5)."""
    return (func.count(SurveyResponse.id), func.sum(SurveyResponse.rating),
            func.sum(case((SurveyResponse.rating >= 4, 1), else_=0)))


def survey_select(*columns):
    """``columns`` of survey responses with their ticket or event (responses of a vanished event left out)."""
    is_ticket = SurveyResponse.subject_type == "ticket"
    is_event = SurveyResponse.subject_type == "event"
    return (select(*columns).select_from(SurveyResponse)
            .outerjoin(Ticket, is_ticket & (Ticket.id == SurveyResponse.subject_id))
            .outerjoin(Event, is_event & (Event.id == SurveyResponse.subject_id))
            .where(or_(is_ticket, Event.id.is_not(None))))


def _survey_parts(filters: Filters) -> list:
    cover, rolled, parts = coverage.of(filters), ReportSurveyDay, []
    if cover.rolled:
        parts.append(scoped(
            select(rolled.service.label("service"), func.sum(rolled.responses).label("n"),
                   func.sum(rolled.rating_sum).label("total"), func.sum(rolled.satisfied).label("happy"))
            .where(cover.rolled_days(rolled.day)), filters, rolled).group_by(rolled.service))
    if cover.live or not parts:
        service, programme, theme = survey_dimensions()
        n, total, happy = survey_sums()
        query = (survey_select(service.label("service"), n.label("n"), total.label("total"),
                               happy.label("happy"))
                 .where(cover.live_moments(SurveyResponse.created_at)).group_by(service))
        if filters.programme_id is not None:
            query = query.where(programme == filters.programme_id)
        if filters.theme_id is not None:
            query = query.where(theme == filters.theme_id)
        parts.append(query)
    return parts


def _library_part(filters: Filters):
    """Practice ratings of the period (the theme through the practice): as a service of its own."""
    helpful = func.sum(case((PracticeRating.helpful, 1), else_=0))
    query = (select(literal(LIBRARY).label("service"), func.count(PracticeRating.id).label("n"),
                    literal(0).label("total"), helpful.label("happy"))
             .where(PracticeRating.created_at >= filters.start_utc,
                    PracticeRating.created_at < filters.end_utc))
    if filters.theme_id is not None:
        query = query.where(exists().where(practice_themes.c.practice_id == PracticeRating.practice_id,
                                           practice_themes.c.theme_id == filters.theme_id))
    return query


def _totals(filters: Filters) -> dict[str, tuple[int, int, int]]:
    """Service key (helpdesk, an event kind, the library) -> (responses, sum of ratings, satisfied)."""
    both = union_all(*_survey_parts(filters), _library_part(filters)).subquery("parts")
    query = (select(both.c.service, func.sum(both.c.n), func.sum(both.c.total), func.sum(both.c.happy))
             .group_by(both.c.service))
    return {key: (int(n), int(total or 0), int(happy or 0))
            for key, n, total, happy in db.session.execute(query) if n}


@register("satisfaction", 40)
def satisfaction(filters: Filters) -> ReportTable:
    surveys = _totals(filters)
    rows = []
    for key, label in [(HELPDESK, _("Helpdesk")), *((k, str(v)) for k, v in KIND_LABELS.items())]:
        n, total, happy = surveys.get(key, (0, 0, 0))
        rows.append([label, n, round(total / n, 2) if n else None, happy / n if n else None])
    n, _sum, helpful = surveys.get(LIBRARY, (0, 0, 0))
    rows.append([_("Bibliotheek"), n, None, helpful / n if n else None])
    note = _("Helpdesk en bijeenkomsten: tevredenheidsonderzoek (cijfer 1–5, tevreden is 4 of 5), "
             "naar de datum van de reactie. Bibliotheek: aandeel \u2018ja\u2019 op \u2018Was dit "
             "nuttig?\u2019; het thema via de thema's van de praktijk.")
    if filters.programme_id is not None:
        note += " " + _("Praktijken horen niet bij een programma: het programmafilter geldt niet "
                        "voor de bibliotheek.")
    return ReportTable(
        key="satisfaction", title=_("Tevredenheid per dienst"),
        columns=[Column(_("Dienst")), Column(_("Aantal reacties"), "int"),
                 Column(_("Gemiddeld cijfer"), "decimal"), Column(_("Aandeel tevreden"), "percent")],
        rows=rows, note=note,
        chart=Chart(label_column=0, value_columns=[3],
                    caption=_("Aandeel tevreden reacties in procenten, per dienst")))
