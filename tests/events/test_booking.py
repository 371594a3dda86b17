"""Exact seats and a fair waitlist, with a controlled clock."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from servicecentrum.database import utcnow
from servicecentrum.events import booking
from servicecentrum.events.booking import BookingError
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from tests.factories import make_event, make_user


def _subjects(user):
    return [m.subject for m in db.session.scalars(
        select(OutboxMail).where(OutboxMail.to_address == user.email).order_by(OutboxMail.id))]


def test_full_event_waitlists_and_a_freed_seat_goes_to_the_first_in_line(app_ctx):
    now = utcnow()
    event = make_event(capacity=2, title="Masterclass taal")
    a, b, c, d = (make_user() for _ in range(4))
    ra = booking.register(event, a, now=now)
    booking.register(event, b, now=now)
    rc = booking.register(event, c, now=now + timedelta(minutes=1))
    rd = booking.register(event, d, now=now + timedelta(minutes=2))
    assert (ra.status, rc.status, rd.status) == ("confirmed", "waitlisted", "waitlisted")
    assert event.seats_left == 0
    attachments = db.session.scalars(
        select(OutboxMail.attachments).where(OutboxMail.to_address == a.email)).one()
    assert attachments[0]["filename"].endswith(".ics") and "BEGIN:VEVENT" in attachments[0]["content"]

    booking.cancel(ra, now=now + timedelta(hours=1))
    db.session.refresh(rc)
    db.session.refresh(event)
    assert rc.status == "offered" and event.seats_taken == 2
    assert rc.offer_expires_at == now + timedelta(hours=49)
    assert _subjects(c)[-1] == "Er is een plaats voor u vrij: Masterclass taal"

    booking.decline_offer(rc, now=now + timedelta(hours=2))
    db.session.refresh(rd)
    assert rd.status == "offered"
    assert booking.expire_offers(now=now + timedelta(hours=60)) == 1
    db.session.refresh(rd)
    db.session.refresh(event)
    assert rd.status == "expired" and event.seats_taken == 1  # nobody left in line: the seat is free


def test_accepting_in_time_confirms_and_late_is_refused(app_ctx):
    now = utcnow()
    event = make_event(capacity=1)
    first, second = make_user(), make_user()
    r1 = booking.register(event, first, now=now)
    r2 = booking.register(event, second, now=now)
    booking.cancel(r1, now=now)
    db.session.refresh(r2)
    booking.accept_offer(r2, now=now + timedelta(hours=47))
    assert r2.status == "confirmed"
    third = make_user()
    r3 = booking.register(event, third, now=now)
    booking.cancel(r2, now=now)
    db.session.refresh(r3)
    with pytest.raises(BookingError):
        booking.accept_offer(r3, now=now + timedelta(hours=49))


def test_double_submit_gives_one_registration_and_closed_windows_refuse(app_ctx):
    now = utcnow()
    event = make_event(capacity=3)
    member = make_user()
    assert booking.register(event, member, now=now).id == booking.register(event, member, now=now).id
    db.session.refresh(event)
    assert event.seats_taken == 1
    with pytest.raises(BookingError):
        booking.register(event, make_user(), now=event.starts_at)
    closed = make_event(registration_closes_at=now - timedelta(minutes=1))
    with pytest.raises(BookingError):
        booking.register(closed, make_user(), now=now)
