"""SQL helpers for report figures that differ between SQLite and PostgreSQL.

Times are stored as naive UTC. Reports bucket them by Amsterdam calendar periods, so every
helper here first turns a UTC column into Amsterdam wall-clock time, in SQL:

* PostgreSQL: ``timezone('Europe/Amsterdam', timezone('UTC', col))``.
* SQLite has no time zones; the offset follows the EU rule in force since 1996 (summer time
  from the last Sunday of March, 01:00 UTC, to the last Sunday of October, 01:00 UTC: +2 hours,
  else +1 hour), computed per row in one expression. That is exact for all dates since 1996.

Use them inside ``select(...)``/``group_by(...)``; they are plain SQL expressions, so a figure
stays a single aggregate query.
"""

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Date, Float, Integer, String, and_, case, cast, func, literal
from sqlalchemy.sql import ColumnElement

from ..extensions import db

TIMEZONE = "Europe/Amsterdam"


def dialect_name() -> str:
    """'sqlite' or 'postgresql' (the session's current database)."""
    return db.session.get_bind().dialect.name


def is_postgres() -> bool:
    return dialect_name() == "postgresql"


def _sqlite_dst_switch(col, month: str) -> ColumnElement:
    """The UTC moment (text) of the switch in ``col``'s year: last Sunday of ``month``, 01:00."""
    year = func.strftime("%Y", col, type_=String)
    last_sunday = func.date(year + f"-{month}-25", "weekday 0", type_=String)
    return func.datetime(last_sunday, "+1 hour", type_=String)


def summer_time(year: int) -> tuple[datetime, datetime]:
    """The UTC moments summer time starts and ends in ``year`` (EU rule, since 1996)."""
    def last_sunday(month: int) -> datetime:
        day = date(year, month, 31)
        day -= timedelta(days=(day.weekday() + 1) % 7)
        return datetime.combine(day, time(1), tzinfo=UTC)
    return last_sunday(3), last_sunday(10)


def years_of(filters, margin: int = 0) -> range:
    """The calendar years of a report period (``Filters``), widened by ``margin`` on each side."""
    return range(filters.start.year - margin, filters.end.year + 1 + margin)


def local_datetime(col, years: range | None = None) -> ColumnElement:
    """``col`` (naive UTC) as naive Amsterdam wall-clock time.

    PostgreSQL: a timestamp; SQLite: text 'YYYY-MM-DD HH:MM:SS'. On SQLite, passing the
    ``years`` that matter (see ``years_of``) makes it much cheaper: the summer-time periods of
    those years are then fixed parameters instead of being computed per row; moments outside
    those years are taken as winter time.
    """
    if is_postgres():
        return func.timezone(TIMEZONE, func.timezone("UTC", col))
    if years is None:
        summer = and_(col >= _sqlite_dst_switch(col, "03"), col < _sqlite_dst_switch(col, "10"))
        offset = case((summer, "+2 hours"), else_="+1 hour")
    else:
        whens = []
        for year in years:
            begins, ends = summer_time(year)
            whens += [(col < begins, "+1 hour"), (col < ends, "+2 hours")]
        offset = case(*whens, else_="+1 hour") if whens else literal("+1 hour")
    return func.datetime(col, offset, type_=String)


def local_date(col, years: range | None = None) -> ColumnElement:
    """The Amsterdam calendar date of ``col``; compares with Date columns and date parameters."""
    if is_postgres():
        return cast(local_datetime(col), Date)
    return func.date(local_datetime(col, years), type_=String)


def month_key(col, years: range | None = None) -> ColumnElement:
    """The Amsterdam month of ``col`` as text 'YYYY-MM' (sorts chronologically)."""
    if is_postgres():
        return func.to_char(local_datetime(col), "YYYY-MM", type_=String)
    return func.strftime("%Y-%m", local_datetime(col, years), type_=String)


def day_month_key(col) -> ColumnElement:
    """The month of a Date column as text 'YYYY-MM', like ``month_key`` (no time zone: a day is a day)."""
    if is_postgres():
        return func.to_char(col, "YYYY-MM", type_=String)
    return func.substr(col, 1, 7, type_=String)  # SQLite stores a date as 'YYYY-MM-DD'


def quarter_key(col, years: range | None = None) -> ColumnElement:
    """The Amsterdam quarter of ``col`` as text 'YYYY-Qn'."""
    if is_postgres():
        return func.to_char(local_datetime(col), 'YYYY-"Q"Q', type_=String)
    local = local_datetime(col, years)
    quarter = (cast(func.strftime("%m", local), Integer) + 2) / 3
    return func.strftime("%Y", local, type_=String) + "-Q" + cast(quarter, String)


def days_between(start, end) -> ColumnElement:
    """Calendar days from ``start`` to ``end`` (two UTC timestamps) as a decimal number."""
    if is_postgres():
        return cast(func.extract("epoch", end - start), Float) / 86400.0
    return cast(func.julianday(end) - func.julianday(start), Float)


def percentiles_of(ordered: list[float], fractions: dict[str, float]) -> dict[str, float]:
    """The percentiles of sorted values, as PostgreSQL's ``percentile_cont``.

    Position ``f * (n - 1)`` (0-based), linear interpolation between the two closest values
    (the SQLite emulation in SQL that this replaced took the very same floating-point steps).
    """
    found = {}
    for name, f in fractions.items():
        exact = f * (len(ordered) - 1)
        low = int(exact)
        frac = exact - low
        value = ordered[low] * (1 - frac)
        found[name] = value + ordered[low + 1] * frac if low + 1 < len(ordered) else value + 0.0
    return found


MONTHS_NL = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def month_keys(start, end) -> list[str]:
    """Every month 'YYYY-MM' from date ``start`` to date ``end``, both included."""
    keys, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def month_label(key: str) -> str:
    """'2026-03' -> 'mrt 2026'."""
    year, month = key.split("-")
    return f"{MONTHS_NL[int(month) - 1]} {year}"
