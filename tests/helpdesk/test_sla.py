"""Working-day SLAs: due dates skip weekends and Dutch public holidays; overdue detection.

All dates are fixed; nothing depends on the day the tests run.
"""

from datetime import UTC, date, datetime

import pytest

from servicecentrum.admin.settings import set_setting
from servicecentrum.helpdesk import sla
from servicecentrum.helpdesk.models import Ticket

# (case id, start, working days, due date)
CASES = [
    ("Friday + 1 skips the weekend", date(2026, 11, 27), 1, date(2026, 11, 30)),
    ("Friday + 2 lands on Tuesday", date(2026, 11, 27), 2, date(2026, 12, 1)),
    ("Saturday + 1 is Monday", date(2026, 11, 28), 1, date(2026, 11, 30)),
    ("Sunday + 1 is Monday", date(2026, 11, 29), 1, date(2026, 11, 30)),
    ("Monday + 5 is next Monday", date(2026, 11, 30), 5, date(2026, 12, 7)),
    ("Monday + 10 is two weeks on", date(2026, 11, 30), 10, date(2026, 12, 14)),
    ("zero days is the start itself", date(2026, 11, 30), 0, date(2026, 11, 30)),
    ("Easter Monday 2027 (29 March) is skipped", date(2027, 3, 27), 1, date(2027, 3, 30)),
    ("Easter weekend 2027 from Thursday", date(2027, 3, 25), 1, date(2027, 3, 30)),
    ("King's Day 2027 (Tuesday 27 April) is skipped", date(2027, 4, 26), 1, date(2027, 4, 28)),
    ("King's Day 2027 over a longer span", date(2027, 4, 23), 3, date(2027, 4, 29)),
    ("King's Day 2025 on Saturday 26 April: Monday 28 is a working day", date(2025, 4, 25), 1,
     date(2025, 4, 28)),
    ("Christmas 2026: Friday 25 and Saturday 26 December", date(2026, 12, 24), 1, date(2026, 12, 28)),
    ("Christmas 2026, two days", date(2026, 12, 24), 2, date(2026, 12, 29)),
    ("New Year's Day 2027 (Friday) is skipped", date(2026, 12, 31), 1, date(2027, 1, 4)),
    ("across Christmas and New Year", date(2026, 12, 23), 7, date(2027, 1, 5)),
    ("Whit Monday 2027 (17 May) is skipped", date(2027, 5, 14), 1, date(2027, 5, 18)),
    ("Ascension Day 2027 (Thursday 6 May) is skipped", date(2027, 5, 5), 1, date(2027, 5, 7)),
]


@pytest.mark.parametrize(("start", "days", "due"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_add_working_days(start, days, due):
    assert sla.add_working_days(start, days) == due


@pytest.mark.parametrize(("day", "working"), [
    (date(2027, 3, 29), False),   # Easter Monday
    (date(2027, 4, 27), False),   # King's Day
    (date(2025, 4, 26), False),   # King's Day on a Saturday
    (date(2025, 4, 28), True),    # ... is not moved to the Monday
    (date(2026, 12, 25), False),  # Christmas
    (date(2027, 1, 1), False),    # New Year's Day
    (date(2026, 12, 24), True),   # Christmas Eve is a normal working day
    (date(2026, 12, 31), True),   # so is New Year's Eve
    (date(2027, 3, 26), False),   # Good Friday: the holiday library counts it as a day off
])
def test_is_working_day(day, working):
    assert sla.is_working_day(day) is working


def _ticket(level="basic", created=datetime(2026, 12, 22, 9, 0, tzinfo=UTC), **fields):
    fields.setdefault("status", "new")
    return Ticket(subject="Vraag", service_level=level, created_at=created, **fields)


def test_due_dates_follow_the_default_targets_per_service_level(app_ctx):
    basic, additional = _ticket("basic"), _ticket("additional")
    for ticket in (basic, additional):
        sla.set_due_dates(ticket, ticket.created_at)
    # Tuesday 22 December 2026; Christmas, the weekend and New Year's Day do not count.
    assert (basic.first_response_due, basic.resolution_due) == (date(2026, 12, 24), date(2027, 1, 7))
    assert (additional.first_response_due, additional.resolution_due) == (
        date(2026, 12, 23), date(2027, 1, 21))


def test_due_dates_use_the_admins_settings(app_ctx):
    set_setting("sla_basic_first_response_days", 3, None)
    set_setting("sla_basic_resolution_days", 5, None)
    ticket = _ticket("basic")
    sla.set_due_dates(ticket, ticket.created_at)
    assert (ticket.first_response_due, ticket.resolution_due) == (date(2026, 12, 28), date(2026, 12, 30))
    additional = _ticket("additional")
    sla.set_due_dates(additional, additional.created_at)
    assert additional.first_response_due == date(2026, 12, 23)  # the other level is untouched


def test_due_dates_count_from_the_amsterdam_date(app_ctx):
    # 23:30 UTC on Wednesday 23 December is already Thursday 24 December in Amsterdam.
    late = _ticket("additional", created=datetime(2026, 12, 23, 23, 30, tzinfo=UTC))
    sla.set_due_dates(late, late.created_at)
    assert late.first_response_due == date(2026, 12, 28)


def test_due_dates_use_now_for_a_ticket_without_creation_moment(app_ctx):
    ticket = Ticket(subject="Vraag", service_level="basic", status="new")
    sla.set_due_dates(ticket, datetime(2027, 4, 26, 10, 0, tzinfo=UTC))
    assert ticket.first_response_due == date(2027, 4, 29)  # Monday + 2, skipping King's Day


DUE = date(2027, 1, 8)


@pytest.mark.parametrize(("today", "fields", "first", "resolution"), [
    (date(2026, 12, 24), {}, False, False),                                 # on the first due date
    (date(2026, 12, 28), {}, True, False),                                  # first response passed
    (date(2027, 1, 8), {}, True, False),                                    # on the resolution due date
    (date(2027, 1, 9), {}, True, True),                                     # a day after: both passed
    (date(2027, 1, 9), {"first_responded_at": datetime(2026, 12, 23, tzinfo=UTC)}, False, True),
    (date(2027, 1, 9), {"status": "waiting"}, True, True),                  # waiting is still open
    (date(2027, 1, 9), {"status": "resolved"}, False, False),               # done: never overdue
    (date(2027, 1, 9), {"status": "closed"}, False, False),
])
def test_overdue_detection(today, fields, first, resolution):
    ticket = _ticket(first_response_due=date(2026, 12, 24), resolution_due=DUE, **fields)
    assert sla.first_response_overdue(ticket, today) is first
    assert sla.resolution_overdue(ticket, today) is resolution
    assert sla.is_overdue(ticket, today) is (first or resolution)


def test_a_ticket_without_due_dates_is_never_overdue():
    ticket = _ticket()
    assert sla.is_overdue(ticket, date(2030, 1, 1)) is False


def test_today_is_a_date_in_amsterdam():
    assert isinstance(sla.today(), date)
