"""Working days and office hours for the demo world: nothing happens on a weekend or a holiday."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ..helpdesk.sla import is_working_day

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def today() -> date:
    """Today's date in Amsterdam."""
    return datetime.now(AMSTERDAM).date()


def working_day(day: date, forward: bool = True) -> date:
    """Return ``day`` if it is a working day, else the nearest working day after (or before) it."""
    step = timedelta(days=1 if forward else -1)
    while not is_working_day(day):
        day += step
    return day


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """Return an Amsterdam wall-clock time on ``day`` as an aware UTC moment."""
    return datetime.combine(day, time(hour, minute), tzinfo=AMSTERDAM).astimezone(UTC)


def after_office_hours(moment: datetime, hours: float) -> datetime:
    """Return the moment ``hours`` later, moved onto a working day between 9:00 and 17:00."""
    later = (moment + timedelta(hours=hours)).astimezone(AMSTERDAM)
    day, hour = later.date(), later.hour
    if hour >= 17:
        day, hour = day + timedelta(days=1), 9 + hour % 8
    elif hour < 9:
        hour = 9 + hour % 8
    shifted = working_day(day)
    return at(shifted, hour, later.minute)
