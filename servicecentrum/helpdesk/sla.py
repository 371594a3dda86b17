"""Working-day service levels: due dates that skip weekends and Dutch public holidays.

Holidays come from the maintained ``holidays`` package (python-holidays), so a new year or a
moved King's Day needs no code change. Due dates are calendar dates in Europe/Amsterdam: a
ticket is on time while today is not after its due date.
"""

from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from ..admin.settings import get_setting

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@lru_cache(maxsize=64)
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("NL", years=year)


def is_working_day(day: date) -> bool:
    """Monday to Friday, and not a Dutch public holiday."""
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """Return the date ``days`` working days after ``start`` (start itself does not count)."""
    day = start
    remaining = days
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def local_date(moment: datetime) -> date:
    """The Amsterdam calendar date of a UTC moment."""
    return moment.astimezone(AMSTERDAM).date()


def targets(service_level: str) -> tuple[int, int]:
    """Working days for first response and resolution at this service level (admin settings)."""
    return (int(get_setting(f"sla_{service_level}_first_response_days")),
            int(get_setting(f"sla_{service_level}_resolution_days")))


def set_due_dates(ticket, now: datetime) -> None:
    """Compute the ticket's due dates from its creation moment and service level (no commit)."""
    first, resolution = targets(ticket.service_level)
    start = local_date(ticket.created_at or now)
    ticket.first_response_due = add_working_days(start, first)
    ticket.resolution_due = add_working_days(start, resolution)


def first_response_overdue(ticket, today: date) -> bool:
    return (ticket.first_responded_at is None and ticket.first_response_due is not None
            and today > ticket.first_response_due and ticket.is_open)


def resolution_overdue(ticket, today: date) -> bool:
    return ticket.resolution_due is not None and today > ticket.resolution_due and ticket.is_open


def is_overdue(ticket, today: date) -> bool:
    """Either target passed while the ticket is still open."""
    return first_response_overdue(ticket, today) or resolution_overdue(ticket, today)


def today() -> date:
    """Today's date in Amsterdam."""
    return datetime.now(AMSTERDAM).date()
