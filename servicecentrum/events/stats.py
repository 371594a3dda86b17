"""Event figures for the reports: attendance rates and evaluation ratings, one grouped query each.

Periods are [start, end) in UTC on the event's start; either end may be open (None). Cancelled
events and drafts are left out.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, func, select

from ..extensions import db
from ..surveys.models import SurveyResponse
from ..taxonomy.models import Programme
from .models import Event, Registration


def _rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _in_period(statement, start: datetime | None, end: datetime | None):
    statement = statement.where(Event.status == "published")
    if start is not None:
        statement = statement.where(Event.starts_at >= start)
    if end is not None:
        statement = statement.where(Event.starts_at < end)
    return statement


@dataclass(frozen=True)
class EventAttendance:
    """One event that used check-in: confirmed attendees and how many of them came."""

    event_id: int
    title: str
    kind: str
    starts_at: datetime
    confirmed: int
    checked_in: int

    @property
    def rate(self) -> float | None:
        """Percentage of confirmed attendees that were checked in (one decimal)."""
        return _rate(self.checked_in, self.confirmed)


@dataclass
class AttendanceRates:
    events: list[EventAttendance] = field(default_factory=list)

    @property
    def confirmed(self) -> int:
        return sum(e.confirmed for e in self.events)

    @property
    def checked_in(self) -> int:
        return sum(e.checked_in for e in self.events)

    @property
    def rate(self) -> float | None:
        """Overall percentage: all checked in over all confirmed, across the events."""
        return _rate(self.checked_in, self.confirmed)


def attendance_rates(start: datetime | None = None, end: datetime | None = None) -> AttendanceRates:
    """Confirmed vs checked in per event (only events where check-in was used), in one query."""
    checked_in = func.count(Registration.checked_in_at)
    statement = _in_period(
        select(Event.id, Event.title, Event.kind, Event.starts_at, func.count(Registration.id), checked_in)
        .join(Registration, and_(Registration.event_id == Event.id, Registration.status == "confirmed"))
        .group_by(Event.id, Event.title, Event.kind, Event.starts_at)
        .having(checked_in > 0).order_by(Event.starts_at, Event.id), start, end)
    rows = db.session.execute(statement)
    return AttendanceRates([EventAttendance(event_id, title, kind, starts_at, int(confirmed), int(came))
                            for event_id, title, kind, starts_at, confirmed, came in rows])


@dataclass(frozen=True)
class EvaluationFigure:
    """Evaluations of the events of one kind and programme: how many, their total and average."""

    kind: str
    programme_id: int | None
    programme: str | None
    count: int
    rating_sum: int

    @property
    def average(self) -> float | None:
        return round(self.rating_sum / self.count, 2) if self.count else None


@dataclass
class EvaluationFigures:
    rows: list[EvaluationFigure] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(r.count for r in self.rows)

    @property
    def average(self) -> float | None:
        return round(sum(r.rating_sum for r in self.rows) / self.count, 2) if self.count else None

    def by_kind(self) -> dict[str, tuple[int, float]]:
        """Kind -> (number of evaluations, average rating), from the grouped rows."""
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for row in self.rows:
            totals[row.kind][0] += row.count
            totals[row.kind][1] += row.rating_sum
        return {kind: (n, round(s / n, 2)) for kind, (n, s) in sorted(totals.items())}

    def by_programme(self) -> dict[str | None, tuple[int, float]]:
        """Programme name (None: no programme) -> (number of evaluations, average rating)."""
        totals: dict[str | None, list[int]] = defaultdict(lambda: [0, 0])
        for row in self.rows:
            totals[row.programme][0] += row.count
            totals[row.programme][1] += row.rating_sum
        return {name: (n, round(s / n, 2)) for name, (n, s) in totals.items()}


def evaluation_figures(start: datetime | None = None, end: datetime | None = None) -> EvaluationFigures:
    """Evaluations of the period's events per kind and programme (count, average), in one query."""
    statement = _in_period(
        select(Event.kind, SurveyResponse.programme_id, Programme.name,
               func.count(SurveyResponse.id), func.coalesce(func.sum(SurveyResponse.rating), 0))
        .select_from(SurveyResponse)
        .join(Event, and_(SurveyResponse.subject_type == "event", Event.id == SurveyResponse.subject_id))
        .outerjoin(Programme, Programme.id == SurveyResponse.programme_id)
        .group_by(Event.kind, SurveyResponse.programme_id, Programme.name)
        .order_by(Event.kind, Programme.name), start, end)
    return EvaluationFigures([EvaluationFigure(kind, programme_id, name, int(count), int(total))
                              for kind, programme_id, name, count, total in db.session.execute(statement)])
