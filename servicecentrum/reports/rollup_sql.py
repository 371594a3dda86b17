"""The roll-up's aggregates for a range of days: the sums the figures would count live, per day.

Each function reads the raw tables for the Amsterdam days ``first`` to ``last`` and returns rows
for one roll-up table, with the same expressions the figures use for their live part
(figures/helpdesk.py, figures/satisfaction.py), so a rolled-up day and a live day count alike.
"""

from datetime import date, timedelta

from sqlalchemy import case, func, select

from ..extensions import db
from ..helpdesk.models import Ticket
from ..surveys.models import SurveyResponse
from .coverage import as_day, day_start_utc
from .figures.helpdesk import resolution_days, response_on_time
from .figures.satisfaction import survey_dimensions, survey_select, survey_sums
from .sql import local_date


def _moments(column, first: date, last: date):
    return (column >= day_start_utc(first)) & (column < day_start_utc(last + timedelta(days=1)))


def _years(first: date, last: date) -> range:
    return range(first.year - 1, last.year + 2)


def ticket_days(first: date, last: date) -> list[dict]:
    """Per day, programme and theme: tickets filed, first responses due, and due ones given in time."""
    years = _years(first, last)
    day = local_date(Ticket.created_at, years)
    filed = (select(day, Ticket.programme_id, Ticket.theme_id, func.count(Ticket.id))
             .where(_moments(Ticket.created_at, first, last))
             .group_by(day, Ticket.programme_id, Ticket.theme_id))
    due = (select(Ticket.first_response_due, Ticket.programme_id, Ticket.theme_id, func.count(Ticket.id),
                  func.sum(case((response_on_time(years), 1), else_=0)))
           .where(Ticket.first_response_due.between(first, last))
           .group_by(Ticket.first_response_due, Ticket.programme_id, Ticket.theme_id))
    rows: dict[tuple, dict] = {}

    def row(day_value, programme_id, theme_id) -> dict:
        key = (as_day(day_value), programme_id, theme_id)
        return rows.setdefault(key, {"day": key[0], "programme_id": programme_id, "theme_id": theme_id,
                                     "created": 0, "response_due": 0, "response_on_time": 0})

    for day_value, programme_id, theme_id, n in db.session.execute(filed):
        row(day_value, programme_id, theme_id)["created"] = int(n)
    for day_value, programme_id, theme_id, n, on_time in db.session.execute(due):
        found = row(day_value, programme_id, theme_id)
        found["response_due"], found["response_on_time"] = int(n), int(on_time or 0)
    return with_totals(list(rows.values()), ("day", "programme_id"),
                       ("created", "response_due", "response_on_time"))


def with_totals(rows: list[dict], key: tuple[str, ...], sums: tuple[str, ...]) -> list[dict]:
    """The rows per theme (``all_themes`` false), and their totals over all themes per ``key``."""
    totals: dict[tuple, dict] = {}
    for row in rows:
        row["all_themes"] = False
        total = totals.setdefault(tuple(row[name] for name in key),
                                  {**{name: row[name] for name in key}, "theme_id": None, "all_themes": True,
                                   **dict.fromkeys(sums, 0)})
        for name in sums:
            total[name] += row[name]
    return rows + list(totals.values())


def resolutions(first: date, last: date) -> list[dict]:
    """One row per ticket resolved on these days, with its resolution time in days."""
    query = (select(local_date(Ticket.resolved_at, _years(first, last)), Ticket.programme_id,
                    Ticket.theme_id, resolution_days())
             .where(_moments(Ticket.resolved_at, first, last)))
    return [{"day": as_day(day), "programme_id": programme_id, "theme_id": theme_id, "days": float(days)}
            for day, programme_id, theme_id, days in db.session.execute(query)]


def survey_days(first: date, last: date) -> list[dict]:
    """Per day, service, programme and theme: responses, the sum of ratings, satisfied responses."""
    day = local_date(SurveyResponse.created_at, _years(first, last))
    service, programme, theme = survey_dimensions()
    query = (survey_select(day, service, programme, theme, *survey_sums())
             .where(_moments(SurveyResponse.created_at, first, last))
             .group_by(day, service, programme, theme))
    rows = [{"day": as_day(day_value), "service": service_key, "programme_id": programme_id,
             "theme_id": theme_id, "responses": int(n), "rating_sum": int(total or 0),
             "satisfied": int(happy or 0)}
            for day_value, service_key, programme_id, theme_id, n, total, happy in db.session.execute(query)]
    return with_totals(rows, ("day", "service", "programme_id"), ("responses", "rating_sum", "satisfied"))
