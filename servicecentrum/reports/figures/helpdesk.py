"""Helpdesk figures: tickets per programme per month, first-response SLA, resolution time.

Each figure adds two parts in one aggregate query: the days of the period that are rolled up
(reports/rollup.py) from the roll-up tables, and the other days (today, and any day not rolled
up yet) live from the tickets. The expressions both parts count with are defined here once.
"""

from flask_babel import gettext as _
from sqlalchemy import case, func, null, select, union_all

from ...extensions import db
from ...helpdesk import sla
from ...helpdesk.models import Ticket
from ...taxonomy.models import Programme
from .. import coverage
from ..rollup_models import ReportResolution, ReportTicketDay
from ..sql import day_month_key, days_between, local_date, month_key, month_keys, percentiles, years_of
from ..tables import Chart, Column, Filters, ReportTable, register


def scoped(query, filters: Filters, model=Ticket):
    """Restrict a query on tickets (or on a roll-up of them) to the chosen programme and theme."""
    if filters.programme_id is not None:
        query = query.where(model.programme_id == filters.programme_id)
    if filters.theme_id is not None:
        query = query.where(model.theme_id == filters.theme_id)
    return query


def response_on_time(years: range):
    """A ticket's first response came by its due date (Amsterdam time)."""
    # A late answer in a later year than covered here is late whatever its hour.
    return Ticket.first_responded_at.is_not(None) & (
        local_date(Ticket.first_responded_at, years) <= Ticket.first_response_due)


def resolution_days():
    """Calendar days from filing to resolution, as a decimal number."""
    return days_between(Ticket.created_at, Ticket.resolved_at)


def _union(parts):
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
    both = _union(parts)
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
        parts.append(scoped(select(Ticket.programme_id.label("programme_id"),
                                   func.sum(case((response_on_time(years_of(filters, 1)), 1), else_=0))
                                   .label("on_time"),
                                   func.sum(case((counted, 1), else_=0)).label("counted"))
                            .where(cover.live_days(Ticket.first_response_due)), filters)
                     .group_by(Ticket.programme_id))
    both = _union(parts)
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


def _resolution_values(filters: Filters) -> list:
    """Selects of (grp, value): per programme, then overall (grp NULL), rolled and live."""
    cover, rolled = coverage.of(filters), ReportResolution
    sources = []  # (programme, value, which rows, the model the filters apply to)
    if cover.rolled:
        sources.append((rolled.programme_id, rolled.days, cover.rolled_days(rolled.day), rolled))
    if cover.live or not sources:
        sources.append((Ticket.programme_id, resolution_days(), cover.live_moments(Ticket.resolved_at),
                        Ticket))
    per_programme = [scoped(select(grp.label("grp"), value.label("value")).where(where), filters, model)
                     for grp, value, where, model in sources]
    overall = [scoped(select(null().label("grp"), value.label("value")).where(where), filters, model)
               for _grp, value, where, model in sources]
    return per_programme + overall


@register("resolution_time", 30)
def resolution_time(filters: Filters) -> ReportTable:
    stats = percentiles(union_all(*_resolution_values(filters)), {"p50": 0.5, "p90": 0.9}).subquery("stats")
    query = (select(Programme.name, stats.c.grp, stats.c.n,
                    stats.c.p50, stats.c.p90)
             .outerjoin(Programme, Programme.id == stats.c.grp))
    per_programme, total = [], [_("Totaal"), 0, None, None]
    for name, grp, n, p50, p90 in db.session.execute(query):
        row = [name, int(n), round(float(p50), 2), round(float(p90), 2)]
        if grp is None:
            total[1:] = row[1:]
        else:
            per_programme.append(row)
    per_programme.sort(key=lambda row: row[0])
    return ReportTable(
        key="resolution_time", title=_("Doorlooptijd tot oplossing"),
        columns=[Column(_("Programma")), Column(_("Opgelost"), "int"),
                 Column(_("Mediaan (dagen)"), "days"), Column(_("9 van de 10 binnen (dagen)"), "days")],
        rows=[*per_programme, total], chart=Chart(label_column=0, value_columns=[2, 3], caption=_(
            "Doorlooptijd tot oplossing in kalenderdagen, per programma: de mediaan en de termijn "
            "waarbinnen 9 van de 10 vragen zijn opgelost")),
        note=_("Vragen opgelost in de periode: kalenderdagen van indienen tot oplossen. De mediaan is "
               "de middelste doorlooptijd; '9 van de 10 binnen' is de termijn waarbinnen 9 van de 10 "
               "vragen waren opgelost (tussen twee vragen in wordt geïnterpoleerd)."))
