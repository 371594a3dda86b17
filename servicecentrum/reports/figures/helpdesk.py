"""Helpdesk figures: tickets per programme per month and the first-response SLA.

Each figure adds two parts in one aggregate query: the days of the period that are rolled up
(reports/rollup.py) from the roll-up tables, and the other days (today, and any day not rolled
up yet) live from the tickets. The expressions both parts count with are defined here once
(resolution times: figures/resolution.py).
"""

from flask_babel import gettext as _
from sqlalchemy import case, false, func, select, true, union_all

from ...extensions import db
from ...helpdesk import sla
from ...helpdesk.models import Ticket
from ...taxonomy.models import Programme
from .. import coverage
from ..rollup_models import ReportTicketDay
from ..sql import day_month_key, days_between, local_date, month_key, month_keys, years_of
from ..tables import Chart, Column, Filters, ReportTable, register


def scoped(query, filters: Filters, model=Ticket):
    """Restrict a query on tickets (or on a roll-up of them) to the chosen programme and theme.

    A daily roll-up holds both the totals over all themes and a row per theme: without a theme
    filter only the totals count, with one only that theme's rows.
    """
    if filters.programme_id is not None:
        query = query.where(model.programme_id == filters.programme_id)
    if hasattr(model, "all_themes"):
        query = query.where(model.all_themes == (true() if filters.theme_id is None else false()))
    if filters.theme_id is not None:
        query = query.where(model.theme_id == filters.theme_id)
    return query


def response_on_time(years: range):
    """A ticket's first response came by its due date (Amsterdam time)."""
    # A late answer in a later year than covered here is late whatever its hour.
    return Ticket.first_responded_at.is_not(None) & (
        local_date(Ticket.first_responded_at, years) <= Ticket.first_response_due)


def live_programme():
    """A ticket's programme, for grouping the live part without steering SQLite to the wrong index.

    Grouped or sorted by the bare column, SQLite walks ``ix_tickets_programme_id`` over every
    ticket instead of first keeping those of the period: ``+ 0`` leaves it the better plan.
    """
    return Ticket.programme_id + 0


def resolution_days():
    """Calendar days from filing to resolution, as a decimal number."""
    return days_between(Ticket.created_at, Ticket.resolved_at)


def union(parts):
    """The parts as one subquery (a UNION ALL when there are two)."""
    return (parts[0] if len(parts) == 1 else union_all(*parts)).subquery("parts")


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _monthly_counts(filters: Filters) -> dict[tuple[str, str], int]:
    """(month, programme name) -> tickets filed."""
    cover, rolled = coverage.of(filters), ReportTicketDay
    parts = []
    if cover.rolled:
        month = day_month_key(rolled.day).label("month")
        parts.append(scoped(select(month, rolled.programme_id.label("programme_id"),
                                   func.sum(rolled.created).label("n"))
                            .where(cover.rolled_days(rolled.day)), filters, rolled)
                     .group_by(month, rolled.programme_id))
    if cover.live or not parts:
        month = month_key(Ticket.created_at, years_of(filters)).label("month")
        parts.append(scoped(select(month, Ticket.programme_id.label("programme_id"),
                                   func.count(Ticket.id).label("n"))
                            .where(cover.live_moments(Ticket.created_at)), filters)
                     .group_by(month, Ticket.programme_id))
    both = union(parts)
    query = (select(both.c.month, Programme.name, func.sum(both.c.n))
             .join(Programme, Programme.id == both.c.programme_id)
             .group_by(both.c.month, Programme.name))
    return {(m, name): int(n) for m, name, n in db.session.execute(query) if n}


@register("tickets_per_month", 10)
def tickets_per_month(filters: Filters) -> ReportTable:
    counts = _monthly_counts(filters)
    names = sorted({name for _m, name in counts})
    rows = []
    for key in month_keys(filters.start, filters.end):
        values = [counts.get((key, name), 0) for name in names]
        rows.append([key, *values, sum(values)])
    columns = [Column(_("Maand"), "month"), *(Column(name, "int") for name in names),
               Column(_("Totaal"), "int")]
    chart = Chart(label_column=0, value_columns=list(range(1, len(names) + 1)), stacked=True,
                  caption=_("Aantal nieuwe helpdeskvragen per maand, per programma"))
    return ReportTable(
        key="tickets_per_month", title=_("Helpdeskvragen per programma per maand"),
        columns=columns, rows=rows,
        chart=chart if names else None,
        note=_("Nieuwe helpdeskvragen per maand (Nederlandse tijd), naar het programma waar de vraag "
               "nu ligt; alleen programma's met vragen in de periode."))


@register("first_response_sla", 20)
def first_response_sla(filters: Filters) -> ReportTable:
    cover, rolled = coverage.of(filters), ReportTicketDay
    # A rolled-up day lies before today: every ticket due then counts, answered or not.
    parts = [scoped(select(rolled.programme_id.label("programme_id"),
                           func.sum(rolled.response_on_time).label("on_time"),
                           func.sum(rolled.response_due).label("counted"))
                    .where(cover.rolled_days(rolled.day)), filters, rolled)
             .group_by(rolled.programme_id)] if cover.rolled else []
    if cover.live or not parts:
        counted = Ticket.first_responded_at.is_not(None) | (Ticket.first_response_due < sla.today())
        programme = live_programme()
        parts.append(scoped(select(programme.label("programme_id"),
                                   func.sum(case((response_on_time(years_of(filters, 1)), 1), else_=0))
                                   .label("on_time"),
                                   func.sum(case((counted, 1), else_=0)).label("counted"))
                            .where(cover.live_days(Ticket.first_response_due)), filters)
                     .group_by(programme))
    both = union(parts)
    query = (select(Programme.name, func.sum(both.c.on_time), func.sum(both.c.counted))
             .join(Programme, Programme.id == both.c.programme_id)
             .group_by(Programme.name).order_by(Programme.name))
    rows = []
    for name, in_time, total in db.session.execute(query):
        in_time, total = int(in_time or 0), int(total or 0)
        if total:
            rows.append([name, in_time, total, _share(in_time, total)])
    all_in_time, all_total = sum(r[1] for r in rows), sum(r[2] for r in rows)
    rows.append([_("Totaal"), all_in_time, all_total, _share(all_in_time, all_total)])
    return ReportTable(
        key="first_response_sla", title=_("Eerste reactie binnen de reactietermijn"),
        columns=[Column(_("Programma")), Column(_("Op tijd"), "int"), Column(_("Aantal"), "int"),
                 Column(_("Aandeel op tijd"), "percent")],
        rows=rows, chart=Chart(label_column=0, value_columns=[3], caption=_(
            "Aandeel helpdeskvragen met een eerste reactie binnen de reactietermijn, in procenten, "
            "per programma")),
        note=_("Vragen met een uiterste reactiedatum in de periode; op tijd als de eerste reactie "
               "uiterlijk op die datum (Nederlandse tijd) kwam. Onbeantwoorde vragen over die datum "
               "tellen als te laat; onbeantwoorde vragen waarvan de datum nog niet voorbij is, tellen "
               "niet mee."))
