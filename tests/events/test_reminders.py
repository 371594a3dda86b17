"""Reminders before an event: once per attendee, within reminder_days, with a controlled clock."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from servicecentrum.database import utcnow
from servicecentrum.events import booking
from servicecentrum.events.models import Registration
from servicecentrum.events.reminders import send_reminders
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from tests.conftest import TEST_DATABASE_URL, app_for
from tests.factories import make_event, make_user

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def _reminders(user=None) -> list[OutboxMail]:
    query = select(OutboxMail).where(OutboxMail.subject.startswith("Herinnering:"))
    if user is not None:
        query = query.where(OutboxMail.to_address == user.email)
    return list(db.session.scalars(query.order_by(OutboxMail.id)))


def _event(days_ahead: float, **fields):
    starts = NOW + timedelta(days=days_ahead)
    return make_event(starts_at=starts, ends_at=starts + timedelta(hours=2), **fields)


def _attend(event, user):
    return booking.register(event, user, now=NOW - timedelta(days=20), added_by=user)


def test_each_attendee_gets_one_reminder_in_amsterdam_time(app_ctx):
    event = _event(1.5, title="Kennisatelier wonen", location="Stadhuis Utrecht",
                   online_url="https://meet.example.test/wonen", reminder_days=2)
    a, b = make_user(), make_user()
    _attend(event, a)
    _attend(event, b)
    assert send_reminders(NOW) == 2
    assert send_reminders(NOW + timedelta(hours=1)) == 0  # a second run sends nothing
    (mail,) = _reminders(a)
    assert mail.subject == "Herinnering: Kennisatelier wonen"
    assert "2 maart 2027 om 22:00" in mail.body_text  # 21:00 UTC is 22:00 in Amsterdam (winter)
    assert "Stadhuis Utrecht" in mail.body_text and "https://meet.example.test/wonen" in mail.body_text
    assert f"/bijeenkomsten/{event.id}\n" in mail.body_text  # where to cancel
    assert f"/bijeenkomsten/{event.id}.ics" in mail.body_text
    assert len(_reminders(b)) == 1
    reg = booking.registration_of(event.id, a.id)
    assert reg.reminder_sent_at == NOW


def test_no_reminder_too_early_for_cancelled_or_started_or_switched_off(app_ctx):
    member = make_user()
    far = _event(3, reminder_days=2)
    off = _event(0.5, reminder_days=0)
    started = _event(-0.01, reminder_days=2)
    called_off = _event(1, reminder_days=2)
    cancelled_reg = _event(1, reminder_days=2)
    waiting = _event(1, reminder_days=2, capacity=1)
    for event in (far, off, started, called_off, cancelled_reg):
        _attend(event, member)
    _attend(waiting, make_user())
    _attend(waiting, member)  # on the waitlist: no reminder
    booking.cancel_event(called_off, "Ziekte", now=NOW - timedelta(days=1))
    booking.cancel(booking.registration_of(cancelled_reg.id, member.id), now=NOW - timedelta(days=1))
    assert send_reminders(NOW) == 1  # only the waiting event's confirmed attendee
    assert _reminders(member) == []
    # two days later the far event is within its window
    assert send_reminders(NOW + timedelta(days=1, hours=1)) == 1
    assert len(_reminders(member)) == 1


def test_a_late_registration_still_gets_its_reminder(app_ctx):
    event = _event(1, reminder_days=3)
    first, late = make_user(), make_user()
    _attend(event, first)
    assert send_reminders(NOW) == 1
    _attend(event, late)
    assert send_reminders(NOW + timedelta(hours=2)) == 1
    assert len(_reminders(late)) == 1 and len(_reminders(first)) == 1


def test_disabled_member_gets_no_mail(app_ctx):
    event = _event(1)
    member = make_user()
    _attend(event, member)
    member.status = "disabled"
    db.session.commit()
    assert send_reminders(NOW) == 0
    assert _reminders() == []


def _concurrent_runs(application, runs: int) -> list:
    barrier = threading.Barrier(runs)
    results, errors = [], []

    def run():
        with application.app_context():
            try:
                barrier.wait()
                results.append(send_reminders(NOW))
            except Exception as error:  # noqa: BLE001 - reported by the test
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run) for _ in range(runs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results, errors


def _check_concurrent(application):
    with application.app_context():
        event = _event(1, capacity=30)
        for _ in range(25):
            _attend(event, make_user())
        event_id = event.id
    results, errors = _concurrent_runs(application, 4)
    assert errors == []
    assert sum(results) == 25
    with application.app_context():
        assert db.session.scalar(select(func.count()).select_from(OutboxMail)
                                 .where(OutboxMail.subject.startswith("Herinnering:"))) == 25
        assert db.session.scalar(select(func.count()).select_from(Registration).where(
            Registration.event_id == event_id, Registration.reminder_sent_at.is_(None))) == 0


def test_concurrent_runs_on_a_file_sqlite_database_send_each_reminder_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'reminders.db'}"
    with app_for(tmp_path, None, DATABASE_URL=url) as application:
        _check_concurrent(application)


@pytest.mark.skipif(not TEST_DATABASE_URL, reason="needs PostgreSQL (TEST_DATABASE_URL)")
def test_concurrent_runs_on_postgresql_send_each_reminder_once(app):
    _check_concurrent(app)


def test_default_clock_is_now(app_ctx):
    event = make_event(starts_at=utcnow() + timedelta(hours=20), reminder_days=1)
    _attend_now = booking.register(event, make_user())
    assert _attend_now.status == "confirmed"
    assert send_reminders() == 1
