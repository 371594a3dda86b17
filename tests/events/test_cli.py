"""The cron jobs: `flask --app wsgi events send-reminders | expire-offers | send-evaluations`."""

import importlib.util
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from servicecentrum.events import booking
from servicecentrum.events.models import Registration
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from tests.factories import make_event, make_user

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def _reminder_count() -> int:
    return db.session.scalar(select(func.count()).select_from(OutboxMail)
                             .where(OutboxMail.subject.startswith("Herinnering:")))


def test_send_reminders_sends_once_and_prints_the_count(app, runner):
    with app.app_context():
        event = make_event(starts_at=NOW + timedelta(days=1), ends_at=NOW + timedelta(days=1, hours=2))
        for _ in range(3):
            member = make_user()
            booking.register(event, member, now=NOW - timedelta(days=5), added_by=member)
    result = runner.invoke(args=["events", "send-reminders", "--now", "2027-03-01T10:00:00+01:00"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "3 reminder(s) queued."
    again = runner.invoke(args=["events", "send-reminders", "--now", "2027-03-01T09:30:00"])  # naive: UTC
    assert again.exit_code == 0 and again.output.strip() == "0 reminder(s) queued."
    with app.app_context():
        assert _reminder_count() == 3


def test_send_reminders_refuses_a_bad_moment(runner):
    result = runner.invoke(args=["events", "send-reminders", "--now", "gisteren"])
    assert result.exit_code == 2 and "ISO 8601" in result.output


def test_expire_offers_passes_expired_offers_on(app, runner):
    with app.app_context():
        event = make_event(capacity=1)
        holder = booking.register(event, make_user())
        waiting = booking.register(event, make_user())
        booking.cancel(holder)
        db.session.refresh(waiting)
        expires, waiting_id = waiting.offer_expires_at, waiting.id
    before = (expires - timedelta(minutes=1)).isoformat()
    early = runner.invoke(args=["events", "expire-offers", "--now", before])
    assert early.exit_code == 0 and early.output.strip() == "0 offer(s) expired."
    late = runner.invoke(args=["events", "expire-offers", "--now", expires.isoformat()])
    assert late.exit_code == 0 and late.output.strip() == "1 offer(s) expired."
    with app.app_context():
        assert db.session.get(Registration, waiting_id).status == "expired"


def test_all_three_jobs_exist(runner):
    result = runner.invoke(args=["events", "--help"])
    assert result.exit_code == 0
    for name in ("send-reminders", "expire-offers", "send-evaluations"):
        assert name in result.output


def test_send_evaluations_runs_when_the_evaluation_module_is_there(app, runner):
    if importlib.util.find_spec("servicecentrum.events.evaluation") is None:
        result = runner.invoke(args=["events", "send-evaluations"])
        assert result.exit_code == 1 and "not available" in result.output
        return
    result = runner.invoke(args=["events", "send-evaluations", "--now", NOW.isoformat()])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("evaluation invitation(s) queued.")
