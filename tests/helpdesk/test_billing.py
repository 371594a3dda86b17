"""Free and paid service: the yearly allowance to the minute, quote arithmetic, and the quote flow."""

import threading
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from servicecentrum.admin.settings import set_setting
from servicecentrum.auth.models import User
from servicecentrum.extensions import db
from servicecentrum.helpdesk import billing
from servicecentrum.helpdesk.billing import BillingError, TimeData
from servicecentrum.helpdesk.billing_forms import parse_hours
from servicecentrum.helpdesk.models import Quote, Ticket, TimeEntry
from servicecentrum.notifications.models import OutboxMail
from tests.conftest import TEST_DATABASE_URL
from tests.factories import make_organisation, make_programme, make_ticket, make_user

TODAY = date(2026, 6, 15)


def _setup(**organisation_fields):
    adviser = make_user("adviser", name="Adviseur Anna")
    organisation = make_organisation(**organisation_fields)
    officer = make_user("officer", organisation=organisation)
    ticket = make_ticket(requester=officer, programme=make_programme(advisers=[adviser]), assignee=adviser)
    return adviser, officer, ticket


def _log(ticket, adviser, minutes, day=TODAY, note=""):
    return billing.log_time(ticket, adviser, TimeData(day, minutes, note), today=TODAY)


def _entries() -> int:
    return db.session.scalar(select(func.count(TimeEntry.id)))


def _mails_to(address):
    return list(db.session.scalars(select(OutboxMail).where(OutboxMail.to_address == address)))


def test_the_allowance_can_be_reached_exactly_but_not_passed_by_one_minute(app_ctx):
    adviser, _officer, ticket = _setup()
    _log(ticket, adviser, 7 * 60)
    entry = _log(ticket, adviser, 60)
    assert entry.billable is False
    assert billing.allowance_used(ticket.organisation_id, 2026) == 480
    with pytest.raises(BillingError) as refused:
        _log(ticket, adviser, billing.hours_to_minutes(parse_hours("0,01")))
    assert "basisbudget" in str(refused.value) and "offerte" in str(refused.value)
    assert "8 van 8 uur gebruikt" in str(refused.value)
    assert _entries() == 2


def test_the_allowance_is_per_organisation_and_calendar_year_and_counts_only_free_time(app_ctx):
    adviser, officer, ticket = _setup(helpdesk_allowance_minutes=120)
    colleague_ticket = make_ticket(requester=make_user("officer", organisation=officer.organisation),
                                   programme=ticket.programme)
    _log(ticket, adviser, 120, day=date(2025, 12, 31))  # last year's allowance
    _log(ticket, adviser, 90)
    with pytest.raises(BillingError):
        _log(colleague_ticket, adviser, 31)  # the colleague's ticket draws on the same allowance
    _log(colleague_ticket, adviser, 30)
    other_adviser, _other, other_ticket = _setup(helpdesk_allowance_minutes=120)
    _log(other_ticket, other_adviser, 120)  # another organisation has its own
    status = billing.allowance_status(officer.organisation, 2026)
    assert (status.used, status.allowance) == (120, 120)
    assert billing.allowance_status(officer.organisation, 2025).used == 120


@pytest.mark.parametrize(("typed", "minutes"), [
    ("1,5", 90), ("1.5", 90), ("0,25", 15), ("0,01", 1), ("0,33", 20), ("24", 1440), ("1,25", 75),
])
def test_hours_become_whole_minutes_rounded_half_up(typed, minutes):
    assert billing.hours_to_minutes(parse_hours(typed)) == minutes


@pytest.mark.parametrize("typed", ["", "abc", "1,234", "-1", "1,5 uur", "1:30", "1e3", ",5"])
def test_text_that_is_not_hours_with_two_decimals_is_not_read(typed):
    assert parse_hours(typed) is None


@pytest.mark.parametrize(("minutes", "rate", "cents"), [
    (75, 9500, 11875),    # 1,25 h x € 95,00 = € 118,75
    (60, 9500, 9500),
    (1, 9500, 158),       # 158,33 cents: down
    (20, 9500, 3167),     # 3166,67 cents: up
    (30, 9501, 4751),     # 4750,5 cents: the half goes up
    (90, 9999, 14999),    # 14998,5 cents: the half goes up
    (450, 12345, 92588),  # 92587,5 cents
])
def test_a_quote_is_minutes_times_rate_rounded_half_up_to_cents(minutes, rate, cents):
    assert billing.quote_amount_cents(minutes, rate) == cents


@pytest.mark.parametrize(("minutes", "text"), [(210, "3,5"), (480, "8"), (45, "0,75"), (1, "0,02"),
                                               (0, "0"), (60000, "1.000"), (75, "1,25")])
def test_hours_are_shown_the_dutch_way(minutes, text):
    assert billing.format_hours(minutes) == text


@pytest.mark.parametrize(("cents", "text"), [(11875, "€ 118,75"), (123456, "€ 1.234,56"), (5, "€ 0,05"),
                                             (9500, "€ 95,00")])
def test_amounts_are_shown_in_euros_the_dutch_way(cents, text):
    assert billing.format_euros(cents) == text


def test_a_quote_makes_the_ticket_additional_and_waiting_and_mails_the_requester(app_ctx):
    adviser, officer, ticket = _setup()
    quote = billing.create_quote(ticket, adviser, 75, "Twee werksessies met het projectteam")
    assert (quote.rate_cents, quote.amount_cents, quote.status) == (9500, 11875, "sent")
    assert (ticket.service_level, ticket.status) == ("additional", "waiting")
    actions = [change.action for change in ticket.changes]
    assert {"service_level", "status", "quote"} <= set(actions)
    (mail,) = [m for m in _mails_to(officer.email) if "Offerte" in m.subject]
    assert "€ 118,75" in mail.body_text and "1,25" in mail.body_text
    assert "Twee werksessies" in mail.body_text
    assert f"/helpdesk/{ticket.id}" in mail.body_text


def test_the_quote_uses_the_hourly_rate_the_admins_set(app_ctx):
    adviser, _officer, ticket = _setup()
    set_setting("helpdesk_hourly_rate_cents", 10000, make_user("admin"))
    assert billing.create_quote(ticket, adviser, 90, "Werk").amount_cents == 15000


def test_no_time_while_a_quote_waits_and_only_one_open_quote(app_ctx):
    adviser, _officer, ticket = _setup()
    billing.create_quote(ticket, adviser, 120, "Werk")
    with pytest.raises(BillingError, match="offerte open"):
        _log(ticket, adviser, 30)
    with pytest.raises(BillingError, match="al een offerte open"):
        billing.create_quote(ticket, adviser, 60, "Nog meer werk")
    assert _entries() == 0


def test_after_acceptance_time_is_billable_and_leaves_the_allowance_alone(app_ctx):
    adviser, officer, ticket = _setup()
    quote = billing.create_quote(ticket, adviser, 120, "Werk")
    billing.decide_quote(quote, officer, accept=True)
    assert (quote.status, quote.decided_by_id) == ("accepted", officer.id) and quote.decided_at
    assert (ticket.status, ticket.service_level) == ("open", "additional")
    entry = _log(ticket, adviser, 600)  # beyond the basic allowance: paid now
    assert entry.billable is True
    assert billing.allowance_used(ticket.organisation_id, 2026) == 0
    (mail,) = [m for m in _mails_to(adviser.email) if "geaccepteerd" in m.subject]
    assert officer.name in mail.body_text


def test_a_declined_quote_sends_the_ticket_back_to_basic_service_within_the_allowance(app_ctx):
    adviser, officer, ticket = _setup()
    quote = billing.create_quote(ticket, adviser, 120, "Werk")
    billing.decide_quote(quote, officer, accept=False)
    assert quote.status == "declined"
    assert (ticket.status, ticket.service_level) == ("open", "basic")
    assert _log(ticket, adviser, 60).billable is False
    with pytest.raises(BillingError, match="basisbudget"):
        _log(ticket, adviser, 421)
    with pytest.raises(BillingError, match="al beslist"):
        billing.decide_quote(quote, officer, accept=True)


def test_marking_additional_guidance_requires_a_quote_before_more_time(app_ctx):
    adviser, _officer, ticket = _setup()
    billing.mark_additional(ticket, adviser)
    assert ticket.service_level == "additional"
    assert ticket.changes[-1].action == "service_level"
    with pytest.raises(BillingError, match="Stuur eerst een offerte"):
        _log(ticket, adviser, 30)
    with pytest.raises(BillingError, match="al aanvullende"):
        billing.mark_additional(ticket, adviser)


def test_time_in_the_future_or_beyond_a_day_is_refused(app_ctx):
    adviser, _officer, ticket = _setup()
    with pytest.raises(BillingError, match="toekomst"):
        _log(ticket, adviser, 30, day=TODAY + timedelta(days=1))
    with pytest.raises(BillingError, match="24 uur"):
        _log(ticket, adviser, 24 * 60 + 1)
    assert _entries() == 0
    assert _log(ticket, adviser, 24 * 60 // 4, note="  Gesprek met de wethouder  ").note == \
        "Gesprek met de wethouder"


def test_a_finished_ticket_gets_no_quote(app_ctx):
    adviser, _officer, ticket = _setup()
    ticket.status = "resolved"
    db.session.commit()
    with pytest.raises(BillingError, match="afgerond"):
        billing.create_quote(ticket, adviser, 60, "Werk")


def test_the_boundary_hour_with_decimal_input(app_ctx):
    adviser, _officer, ticket = _setup(helpdesk_allowance_minutes=billing.hours_to_minutes(Decimal("2.5")))
    _log(ticket, adviser, billing.hours_to_minutes(parse_hours("1,75")))
    _log(ticket, adviser, billing.hours_to_minutes(parse_hours("0.75")))
    with pytest.raises(BillingError):
        _log(ticket, adviser, 1)


def _race(app, work) -> list[str]:
    """Run work(n) in two threads at the same moment, each in its own app context and transaction."""
    barrier = threading.Barrier(2)
    outcomes = []

    def run(n: int) -> None:
        with app.app_context():
            try:
                barrier.wait()
                work(n)
                outcomes.append("done")
            except BillingError:
                outcomes.append("refused")
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return sorted(outcomes)


@pytest.mark.skipif(not TEST_DATABASE_URL, reason="needs PostgreSQL: real concurrent transactions")
def test_two_advisers_taking_the_last_free_hour_at_once_get_it_once(app):
    with app.app_context():
        adviser, _officer, ticket = _setup()
        ticket_id, adviser_id = ticket.id, adviser.id
        _log(ticket, adviser, 7 * 60)

    def log(_n):
        ticket = db.session.get(Ticket, ticket_id)
        _log(ticket, db.session.get(User, adviser_id), 60)

    assert _race(app, log) == ["done", "refused"]
    with app.app_context():
        assert billing.allowance_used(db.session.get(Ticket, ticket_id).organisation_id, 2026) == 480


@pytest.mark.skipif(not TEST_DATABASE_URL, reason="needs PostgreSQL: real concurrent transactions")
def test_two_colleagues_deciding_a_quote_at_once_decide_it_once(app):
    with app.app_context():
        adviser, officer, ticket = _setup()
        colleague = make_user("officer", organisation=officer.organisation)
        quote_id = billing.create_quote(ticket, adviser, 60, "Werk").id
        deciders = [officer.id, colleague.id]

    def decide(n):
        quote = db.session.get(Quote, quote_id)
        billing.decide_quote(quote, db.session.get(User, deciders[n]), accept=n == 0)

    assert _race(app, decide) == ["done", "refused"]
    with app.app_context():
        quote = db.session.get(Quote, quote_id)
        assert quote.status in ("accepted", "declined")
        assert [c.action for c in quote.ticket.changes].count("status") == 2  # to waiting, back to open
