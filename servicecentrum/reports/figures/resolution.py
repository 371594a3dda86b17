"""Resolution time per programme: the median and the time within which 9 of 10 tickets were resolved.

Percentiles cannot be added up, so the roll-up keeps each resolved ticket's time
(``report_resolutions``); the days not rolled up come live from the tickets. PostgreSQL computes
the percentiles with ``percentile_cont`` over both parts (GROUPING SETS: per programme and
overall in one pass); on SQLite the values come back per programme and Python sorts and
interpolates them in the same steps as the SQL emulation in sql.py (window functions over tens of
thousands of rows are slow there).
"""

from collections import defaultdict

from flask_babel import gettext as _
from sqlalchemy import case, func, null, select, tuple_, union_all

from ...extensions import db
from ...helpdesk.models import Ticket
from ...taxonomy.models import Programme
from .. import coverage
from ..rollup_models import ReportResolution
from ..sql import is_postgres, percentiles_of
from ..tables import Chart, Column, Filters, ReportTable, register
from .helpdesk import live_programme, resolution_days, scoped

FRACTIONS = {"p50": 0.5, "p90": 0.9}


def _sources(filters: Filters) -> list:
    """(programme, value, which rows, the model the filters apply to): rolled-up days, then live days."""
    cover, rolled, sources = coverage.of(filters), ReportResolution, []
    if cover.rolled:
        sources.append((rolled.programme_id, rolled.days, cover.rolled_days(rolled.day), rolled))
    if cover.live or not sources:
        sources.append((live_programme(), resolution_days(), cover.live_moments(Ticket.resolved_at), Ticket))
    return sources


def _postgres_stats(filters: Filters) -> list[tuple]:
    """(programme name, programme id or None for all, n, p50, p90) per programme and overall."""
    parts = [scoped(select(grp.label("grp"), value.label("value")).where(where), filters, model)
             for grp, value, where, model in _sources(filters)]
    both = (parts[0] if len(parts) == 1 else union_all(*parts)).subquery("parts")
    # One pass: per programme and over all at once (GROUPING SETS), each with percentile_cont.
    stats = (select(both.c.grp, func.grouping(both.c.grp).label("overall"), func.count().label("n"),
                    *(func.percentile_cont(f).within_group(both.c.value).label(name)
                      for name, f in FRACTIONS.items()))
             .group_by(func.grouping_sets(both.c.grp, tuple_()))).subquery("stats")
    query = (select(Programme.name, case((stats.c.overall == 1, null()), else_=stats.c.grp), stats.c.n,
                    stats.c.p50, stats.c.p90)
             .outerjoin(Programme, (Programme.id == stats.c.grp) & (stats.c.overall == 0))
             .where(stats.c.n > 0))  # the overall set has its row even without any value
    return list(db.session.execute(query))


def _sqlite_stats(filters: Filters) -> list[tuple]:
    """The same as ``_postgres_stats``, from the values per programme, sorted here (one query)."""
    parts = [scoped(select(grp.label("grp"), value.label("value")).where(where), filters, model)
             for grp, value, where, model in _sources(filters)]
    both = (parts[0] if len(parts) == 1 else union_all(*parts)).subquery("parts")
    query = select(both.c.grp, Programme.name, both.c.value).outerjoin(Programme, Programme.id == both.c.grp)
    groups: dict = defaultdict(list)
    result = db.session.connection().execute(query)
    try:
        # Tens of thousands of plain tuples from the driver: SQLAlchemy's rows cost 5 to 7 times more.
        for grp, name, value in result.cursor.fetchall():
            groups[grp, name].append(value)
    finally:
        result.close()
    stats = []
    for (grp, name), values in groups.items():
        values.sort()
        stats.append((name, grp, len(values), *percentiles_of(values, FRACTIONS).values()))
    every = sorted(value for values in groups.values() for value in values)
    if every:
        stats.append((None, None, len(every), *percentiles_of(every, FRACTIONS).values()))
    return stats


@register("resolution_time", 30)
def resolution_time(filters: Filters) -> ReportTable:
    per_programme, total = [], [_("Totaal"), 0, None, None]
    for name, grp, n, p50, p90 in (_postgres_stats if is_postgres() else _sqlite_stats)(filters):
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
