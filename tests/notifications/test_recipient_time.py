"""Mails show times in the recipient's time zone, whoever caused them."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from servicecentrum.events import booking
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from tests import factories

# 3 December 2026, 13:30 UTC: 14:30 in Amsterdam, 13:30 in London.
STARTS = datetime(2026, 12, 3, 13, 30, tzinfo=UTC)


def _offer_mail(time_zone):
    event = factories.make_event(capacity=1, title="Kennisatelier wijkaanpak", starts_at=STARTS,
                                 ends_at=STARTS + timedelta(hours=2))
    first, waiting = factories.make_user(), factories.make_user(time_zone=time_zone)
    now = STARTS - timedelta(days=7)
    registration = booking.register(event, first, now=now)
    booking.register(event, waiting, now=now + timedelta(minutes=1))
    booking.cancel(registration, now=now + timedelta(hours=1))
    return db.session.scalar(select(OutboxMail).where(OutboxMail.to_address == waiting.email,
                                                      OutboxMail.subject.like("Er is een plaats%")))


def test_a_member_in_london_reads_the_start_of_an_event_in_london_time(app_ctx):
    mail = _offer_mail("Europe/London")
    # The start, and the offer's deadline (48 hours after the seat came free at 14:30 UTC).
    assert "3 december 2026 om 13:30" in mail.body_text
    assert "28 november 2026 om 14:30" in mail.body_text


def test_a_member_without_a_zone_reads_amsterdam_time(app_ctx):
    mail = _offer_mail(None)
    assert "3 december 2026 om 14:30" in mail.body_text
    assert "28 november 2026 om 15:30" in mail.body_text
