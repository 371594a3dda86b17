"""Helpdesk figures: tickets per programme per month, first-response SLA, resolution time.

Each builder runs one or two aggregate queries, whatever the number of tickets.
"""

from flask_babel import gettext as _
from sqlalchemy import case, func, null, select, union_all

from ...extensions import db
from ...helpdesk import sla
from ...helpdesk.models import Ticket
from ...taxonomy.models import Programme
from ..sql import days_between, local_date, month_key, month_keys, percentiles, years_of
from ..tables import Chart, Column, Filters, ReportTable, register


def _scoped(query, filters: Filters):
    """Restrict a ticket query to the chosen programme and theme."""
    if filters.programme_id is not None:
        query = query.where(Ticket.programme_id == filters.programme_id)
    if filters.theme_id is not None:
        query = query.where(Ticket.theme_id == filters.theme_id)
    return query


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@register("tickets_per_month", 10)
def tickets_per_month(filters: Filters) -> ReportTable:
    month = month_key(Ticket.created_at, years_of(filters)).label("month")
    query = _scoped(
        select(month, Programme.name, func.count(Ticket.id))
        .join(Programme, Programme.id == Ticket.programme_id)
        .where(Ticket.created_at >= filters.start_utc, Ticket.created_at < filters.end_utc),
        filters).group_by(month, Programme.name)
    counts = {(m, name): n for m, name, n in db.session.execute(query)}
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
    today = sla.today()
    answered = Ticket.first_responded_at.is_not(None)
    # A late answer in a later year than covered here is late whatever its hour.
    on_time = answered & (local_date(Ticket.first_responded_at, years_of(filters, 1))
                          <= Ticket.first_response_due)
    counted = answered | (Ticket.first_response_due < today)
    query = _scoped(
        select(Programme.name,
               func.sum(case((on_time, 1), else_=0)),
               func.sum(case((counted, 1), else_=0)))
        .join(Programme, Programme.id == Ticket.programme_id)
        .where(Ticket.first_response_due >= filters.start, Ticket.first_response_due <= filters.end),
        filters).group_by(Programme.name).order_by(Programme.name)
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


@register("resolution_time", 30)
def resolution_time(filters: Filters) -> ReportTable:
    days = days_between(Ticket.created_at, Ticket.resolved_at)
    in_period = _scoped(
        select(Ticket.programme_id.label("grp"), days.label("value"))
        .where(Ticket.resolved_at.is_not(None),
               Ticket.resolved_at >= filters.start_utc, Ticket.resolved_at < filters.end_utc),
        filters)
    overall = _scoped(
        select(null().label("grp"), days.label("value"))
        .where(Ticket.resolved_at.is_not(None),
               Ticket.resolved_at >= filters.start_utc, Ticket.resolved_at < filters.end_utc),
        filters)
    stats = percentiles(union_all(in_period, overall), {"p50": 0.5, "p90": 0.9}).subquery("stats")
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
