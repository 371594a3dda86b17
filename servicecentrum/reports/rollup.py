"""Build the dashboard's daily roll-ups, for cron (``flask --app wsgi reports rollup``) or a task.

``roll_up()`` rolls up every day up to yesterday that has no roll-up yet, and again every day
that changes since its previous run can have touched: from the filing day of the earliest
ticket changed (or added) since then, as whatever changed on a ticket (programme, theme,
due date, resolution, its survey) lies on or after the day it was filed. Days go in chunks of
``CHUNK_DAYS``; each chunk is read first, then replaced (rows and the days' lines in
``report_rolled_days``) in one short write transaction, so running twice, or two runs at once,
leaves the same rows. A plain function: no request, no Flask-Login; it never runs in a GET.
"""

import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, insert, or_, select, text

from ..database import intent, utcnow
from ..events.models import Event
from ..extensions import db
from ..helpdesk import sla
from ..helpdesk.models import Ticket
from ..surveys.models import SurveyResponse
from . import rollup_sql
from .coverage import AMSTERDAM, as_day
from .rollup_models import (
    ReportResolution,
    ReportRolledDay,
    ReportRollupRun,
    ReportSurveyDay,
    ReportTicketDay,
)
from .sql import is_postgres

CHUNK_DAYS = 14  # a chunk holds SQLite's write lock for some 50 ms at the `demo generate` size
# A change committed just before a run started may carry a slightly earlier time: look back a little.
CHANGE_MARGIN = timedelta(minutes=10)
# PostgreSQL: chunk writes of two runs at once take turns (SQLite's BEGIN IMMEDIATE does that).
LOCK_KEY = 140011


@dataclass
class RollupResult:
    days: int
    first: date | None
    last: date | None
    seconds: float


def _local_day(moment: datetime | None) -> date | None:
    return moment.astimezone(AMSTERDAM).date() if moment else None


def _earliest(*days: date | None) -> date | None:
    found = [day for day in days if day is not None]
    return min(found) if found else None


def first_day_with_data() -> date | None:
    """The Amsterdam day of the first ticket or survey response."""
    tickets = db.session.scalar(select(func.min(Ticket.created_at)))
    surveys = db.session.scalar(select(func.min(SurveyResponse.created_at)))
    return _earliest(_local_day(tickets), _local_day(surveys))


def _changed_since(previous: ReportRollupRun) -> date | None:
    """The earliest day that changes since the previous run can have touched."""
    since = previous.started_at - CHANGE_MARGIN
    tickets = db.session.scalar(select(func.min(Ticket.created_at)).where(
        or_(Ticket.updated_at >= since, Ticket.id > previous.max_ticket_id)))
    surveys = db.session.scalar(select(func.min(SurveyResponse.created_at)).where(
        SurveyResponse.id > previous.max_survey_id))
    # An event's kind, programme or theme moves its responses to another service or programme.
    events = db.session.scalar(
        select(func.min(SurveyResponse.created_at))
        .join(Event, (SurveyResponse.subject_type == "event") & (Event.id == SurveyResponse.subject_id))
        .where(Event.updated_at >= since))
    return _earliest(_local_day(tickets), _local_day(surveys), _local_day(events))


def _first_missing(start: date, yesterday: date) -> date | None:
    """The first day from ``start`` to yesterday without a roll-up."""
    rolled = {as_day(day) for day in db.session.scalars(
        select(ReportRolledDay.day).where(ReportRolledDay.day.between(start, yesterday)))}
    day = start
    while day <= yesterday:
        if day not in rolled:
            return day
        day += timedelta(days=1)
    return None


def days_to_roll(yesterday: date, days: int = 0, rebuild: bool = False) -> date | None:
    """The first day to roll up (every day from there to yesterday is), or None when all is done."""
    recent = yesterday - timedelta(days=days - 1) if days else None
    start = first_day_with_data()
    if start is None or start > yesterday:
        first = recent  # nothing to count; asked-for days are still marked as rolled up (empty)
    elif rebuild:
        first = _earliest(start, recent)
    else:
        previous = db.session.scalar(
            select(ReportRollupRun).where(ReportRollupRun.finished_at.is_not(None))
            .order_by(ReportRollupRun.started_at.desc(), ReportRollupRun.id.desc()).limit(1))
        changed = start if previous is None else _changed_since(previous)
        first = _earliest(_first_missing(start, yesterday), changed, recent)
    return first if first is not None and first <= yesterday else None


def _roll_chunk(first: date, last: date, rolled_at: datetime) -> None:
    """Replace the roll-ups of the days ``first`` to ``last`` (read, then one write transaction)."""
    with intent(write=False):  # SQLite: read without holding the write lock
        tickets = rollup_sql.ticket_days(first, last)
        resolved = rollup_sql.resolutions(first, last)
        surveys = rollup_sql.survey_days(first, last)
        db.session.commit()
    if is_postgres():  # the statements after the lock see what a run before us committed
        db.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    for model in (ReportTicketDay, ReportResolution, ReportSurveyDay, ReportRolledDay):
        db.session.execute(delete(model).where(model.day.between(first, last)))
    for model, rows in ((ReportTicketDay, tickets), (ReportResolution, resolved), (ReportSurveyDay, surveys)):
        if rows:
            db.session.execute(insert(model), rows)
    db.session.execute(insert(ReportRolledDay), [
        {"day": first + timedelta(days=n), "rolled_at": rolled_at} for n in range((last - first).days + 1)])
    db.session.commit()


def roll_up(days: int = 0, rebuild: bool = False, today: date | None = None,
            now: datetime | None = None) -> RollupResult:
    """Roll up the missing and changed days up to yesterday; also the last ``days``; all with ``rebuild``.

    Returns how many days were rolled up, the first and the last.
    """
    started, clock = now or utcnow(), time.perf_counter()
    yesterday = (today or sla.today()) - timedelta(days=1)
    with intent(write=False):
        # Read first: a row added from here on has a higher id and is looked at again next run.
        max_ticket = db.session.scalar(select(func.max(Ticket.id))) or 0
        max_survey = db.session.scalar(select(func.max(SurveyResponse.id))) or 0
        first = days_to_roll(yesterday, days, rebuild)
        db.session.commit()
    run = ReportRollupRun(started_at=started, first_day=first, max_ticket_id=max_ticket,
                          max_survey_id=max_survey)
    db.session.add(run)
    db.session.commit()
    day = first
    while day is not None and day <= yesterday:
        last = min(yesterday, day + timedelta(days=CHUNK_DAYS - 1))
        _roll_chunk(day, last, started)
        day = last + timedelta(days=1)
    count = (yesterday - first).days + 1 if first is not None else 0
    run.last_day, run.days, run.finished_at = (yesterday if count else None), count, utcnow()
    db.session.commit()
    return RollupResult(days=count, first=first, last=run.last_day, seconds=time.perf_counter() - clock)
