"""Satisfaction per service: helpdesk, each event kind, and the library's "was dit nuttig?".

Two aggregate queries: survey responses grouped per service (tickets, or events by kind), and
the library's practice ratings.
"""

from flask_babel import gettext as _
from sqlalchemy import case, exists, func, literal, or_, select

from ...events.labels import KIND_LABELS
from ...events.models import Event
from ...extensions import db
from ...helpdesk.models import Ticket
from ...library.models import PracticeRating, practice_themes
from ...surveys.models import SurveyResponse
from ..tables import Chart, Column, Filters, ReportTable, register

HELPDESK = "helpdesk"


def _survey_totals(filters: Filters) -> dict[str, tuple[int, int, int]]:
    """Service key (helpdesk or an event kind) -> (responses, sum of ratings, ratings 4-5)."""
    is_ticket = SurveyResponse.subject_type == "ticket"
    is_event = SurveyResponse.subject_type == "event"
    service = case((is_ticket, literal(HELPDESK)), else_=Event.kind).label("service")
    query = (
        select(service, func.count(SurveyResponse.id), func.sum(SurveyResponse.rating),
               func.sum(case((SurveyResponse.rating >= 4, 1), else_=0)))
        .select_from(SurveyResponse)
        .outerjoin(Ticket, is_ticket & (Ticket.id == SurveyResponse.subject_id))
        .outerjoin(Event, is_event & (Event.id == SurveyResponse.subject_id))
        .where(SurveyResponse.created_at >= filters.start_utc, SurveyResponse.created_at < filters.end_utc,
               or_(is_ticket, Event.id.is_not(None)))
        .group_by(service))
    if filters.programme_id is not None:
        query = query.where(func.coalesce(Ticket.programme_id, Event.programme_id) == filters.programme_id)
    if filters.theme_id is not None:
        query = query.where(func.coalesce(Ticket.theme_id, Event.theme_id) == filters.theme_id)
    return {key: (int(n), int(total or 0), int(happy or 0))
            for key, n, total, happy in db.session.execute(query)}


def _library_totals(filters: Filters) -> tuple[int, int]:
    """(ratings, helpful ratings) of practices in the period; the theme through the practice."""
    query = (
        select(func.count(PracticeRating.id), func.sum(case((PracticeRating.helpful, 1), else_=0)))
        .where(PracticeRating.created_at >= filters.start_utc, PracticeRating.created_at < filters.end_utc))
    if filters.theme_id is not None:
        query = query.where(exists().where(practice_themes.c.practice_id == PracticeRating.practice_id,
                                           practice_themes.c.theme_id == filters.theme_id))
    n, helpful = db.session.execute(query).one()
    return int(n or 0), int(helpful or 0)


@register("satisfaction", 40)
def satisfaction(filters: Filters) -> ReportTable:
    surveys = _survey_totals(filters)
    rows = []
    for key, label in [(HELPDESK, _("Helpdesk")), *((k, str(v)) for k, v in KIND_LABELS.items())]:
        n, total, happy = surveys.get(key, (0, 0, 0))
        rows.append([label, n, round(total / n, 2) if n else None, happy / n if n else None])
    n, helpful = _library_totals(filters)
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
