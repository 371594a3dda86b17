"""Which days of a report period come from the roll-ups, and which are counted live.

A day comes from the roll-ups when it is listed in ``report_rolled_days`` and lies before today;
every other day of the period (today, days after the last roll-up, a day a run missed) is
counted from the raw tables. The two sets of days never overlap and together make the period,
so a figure adds its rolled part and its live part and gets what a live count of the whole
period gives. One query per page: the coverage is loaded once and handed to every table.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, false, or_, select
from sqlalchemy.sql import ColumnElement

from ..extensions import db
from ..helpdesk import sla
from .rollup_models import ReportRolledDay

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
UTC = ZoneInfo("UTC")

DayRange = tuple[date, date]  # both days included


def day_start_utc(day: date) -> datetime:
    """The first moment of an Amsterdam day, in UTC."""
    return datetime.combine(day, time(), tzinfo=AMSTERDAM).astimezone(UTC)


def day_ranges(days: Iterable[date]) -> tuple[DayRange, ...]:
    """Consecutive days joined into ranges: [1, 2, 3, 5] -> ((1, 3), (5, 5))."""
    found: list[list[date]] = []
    for day in sorted(set(days)):
        if found and found[-1][1] + timedelta(days=1) == day:
            found[-1][1] = day
        else:
            found.append([day, day])
    return tuple((first, last) for first, last in found)


@dataclass(frozen=True)
class Coverage:
    """The period split into rolled-up day ranges and live day ranges."""

    rolled: tuple[DayRange, ...] = ()
    live: tuple[DayRange, ...] = ()

    @property
    def last_rolled(self) -> date | None:
        return self.rolled[-1][1] if self.rolled else None

    def rolled_days(self, column) -> ColumnElement:
        """``column`` (a roll-up's day) lies on a rolled-up day of the period."""
        return or_(false(), *(column.between(first, last) for first, last in self.rolled))

    def live_days(self, column) -> ColumnElement:
        """``column`` (a raw Date column, e.g. a due date) lies on a live day of the period."""
        return or_(false(), *(column.between(first, last) for first, last in self.live))

    def live_moments(self, column) -> ColumnElement:
        """``column`` (a raw UTC moment) falls on a live day of the period, in Amsterdam time."""
        return or_(false(), *(and_(column >= day_start_utc(first),
                                   column < day_start_utc(last + timedelta(days=1)))
                              for first, last in self.live))


def load(start: date, end: date, today: date | None = None) -> Coverage:
    """The coverage of the period from ``start`` to ``end`` (one query)."""
    today = today or sla.today()
    last_closed = min(end, today - timedelta(days=1))
    rolled: set[date] = set()
    if last_closed >= start:
        rolled = {as_day(day) for day in db.session.scalars(
            select(ReportRolledDay.day).where(ReportRolledDay.day.between(start, last_closed)))}
    every = (start + timedelta(days=n) for n in range((end - start).days + 1))
    return Coverage(rolled=day_ranges(rolled), live=day_ranges(day for day in every if day not in rolled))


def as_day(value) -> date:
    """A day as SQLite (text) or PostgreSQL (a date) returns it."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def with_coverage(filters):
    """The filters with their coverage loaded (once per page; every table then shares it)."""
    if filters.coverage is not None:
        return filters
    return replace(filters, coverage=load(filters.start, filters.end))


def of(filters) -> Coverage:
    """The coverage the filters carry, or else loaded now."""
    return filters.coverage if filters.coverage is not None else load(filters.start, filters.end)
