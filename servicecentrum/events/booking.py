"""Registration with exact capacity and a fair waitlist.

Seats are counted in ``events.seats_taken`` (confirmed registrations plus open offers) and
only ever changed by conditional UPDATEs: ``seats_taken < capacity`` to take one, ``> 0`` to
give one back. Under concurrent requests from several workers the database serialises those
statements (a row lock on PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite), so no request can take
one seat too many. A registration row is unique per member and event: a double submit meets
the unique constraint, rolls back its own seat and returns the first registration.

A seat freed by a cancellation is not put back on sale while people wait: it is offered to
the first in line (by registration time) for ``event.offer_hours`` (capped at the start). An
offer that is declined or expires passes to the next; only with nobody waiting does the seat
become free again.
"""

from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from ..database import utcnow
from ..extensions import db
from . import mails
from .models import SEAT_HOLDING, Event, Registration


class BookingError(Exception):
    """A registration rule was broken; the message is Dutch and may be shown."""


def _take_seat(event_id: int) -> bool:
    result = db.session.execute(
        update(Event).where(Event.id == event_id, Event.status == "published",
                            Event.seats_taken < Event.capacity)
        .values(seats_taken=Event.seats_taken + 1).execution_options(synchronize_session=False))
    return result.rowcount == 1


def _give_back_seat(event_id: int) -> None:
    db.session.execute(
        update(Event).where(Event.id == event_id, Event.seats_taken > 0)
        .values(seats_taken=Event.seats_taken - 1).execution_options(synchronize_session=False))


def registration_of(event_id: int, user_id: int, lock: bool = False) -> Registration | None:
    """The member's registration; ``lock``: wait for (and then see) a concurrent change to it."""
    query = select(Registration).where(Registration.event_id == event_id, Registration.user_id == user_id)
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    return db.session.scalar(query)


def check_window(event: Event, now: datetime) -> None:
    """Refuse outside the registration period, or once the event has started."""
    if event.status != "published":
        raise BookingError(_("Aanmelden voor deze bijeenkomst kan niet (meer)."))
    if event.registration_opens_at and now < event.registration_opens_at:
        opens = mails.local_text(event.registration_opens_at)
        raise BookingError(_("Aanmelden kan vanaf %(moment)s.", moment=opens))
    closes = event.registration_closes_at or event.starts_at
    if now >= min(closes, event.starts_at):
        raise BookingError(_("De aanmelding voor deze bijeenkomst is gesloten."))


def register(event: Event, user, answers: dict | None = None, now: datetime | None = None,
             added_by=None) -> Registration:
    """Give the member a seat, or a place on the waitlist; idempotent for a double submit.

    ``added_by``: an organiser adding the member (skips the registration window). Commits.
    """
    now = now or utcnow()
    if added_by is None:
        check_window(event, now)
    elif event.status != "published":
        raise BookingError(_("Publiceer de bijeenkomst eerst."))
    event_id, user_id = event.id, user.id
    existing = registration_of(event_id, user_id, lock=True)  # a re-registration sent twice: one seat
    if existing is not None and existing.status in ("confirmed", "waitlisted", "offered"):
        return existing
    seated = _take_seat(event_id)
    registration = existing or Registration(event_id=event_id, user_id=user_id)
    registration.status = "confirmed" if seated else "waitlisted"
    registration.answers = answers or {}
    registration.created_at = now  # a new place in line, also after an earlier cancellation
    registration.confirmed_at = now if seated else None
    registration.cancelled_at = registration.offered_at = registration.offer_expires_at = None
    registration.reminder_sent_at = registration.checked_in_at = None
    registration.added_by_id = getattr(added_by, "id", None)
    if existing is None:
        db.session.add(registration)
    try:
        db.session.flush()
    except IntegrityError:  # the same member's other request was first: keep that one
        db.session.rollback()
        first = registration_of(event_id, user_id)
        if first is None:
            raise
        return first
    db.session.refresh(event)
    mails.registered(registration)
    db.session.commit()
    return registration


def _offer_next(event: Event, now: datetime) -> Registration | None:
    """Offer the held seat to the first in line; with nobody waiting, free the seat."""
    expires = min(now + timedelta(hours=event.offer_hours), event.starts_at)
    while True:
        candidate = db.session.scalar(
            select(Registration).where(Registration.event_id == event.id,
                                       Registration.status == "waitlisted")
            .order_by(Registration.created_at, Registration.id).limit(1))
        if candidate is None or expires <= now:
            _give_back_seat(event.id)
            return None
        claimed = db.session.execute(
            update(Registration).where(Registration.id == candidate.id,
                                       Registration.status == "waitlisted")
            .values(status="offered", offered_at=now, offer_expires_at=expires)
            .execution_options(synchronize_session=False)).rowcount
        if claimed == 1:
            db.session.refresh(candidate)
            mails.offered(candidate)
            return candidate


def release(registration: Registration, new_status: str, now: datetime) -> bool:
    """Take the registration out; pass its seat on if it held one (no commit).

    Returns False when another request changed the registration first (nothing done here).
    """
    held = db.session.execute(
        update(Registration).where(Registration.id == registration.id,
                                   Registration.status == registration.status)
        .values(status=new_status, cancelled_at=now).execution_options(synchronize_session=False)
    ).rowcount == 1
    old_status = registration.status
    db.session.refresh(registration)
    if held and old_status in SEAT_HOLDING:
        _offer_next(registration.event, now)
    return held


def cancel(registration: Registration, now: datetime | None = None, by_organiser=None) -> None:
    """The member cancels (or an organiser removes them); a held seat goes to the waitlist."""
    now = now or utcnow()
    db.session.refresh(registration, with_for_update=True)  # a double submit waits, then sees it done
    if registration.status not in ("confirmed", "waitlisted", "offered"):
        raise BookingError(_("U bent al afgemeld."))
    if by_organiser is None and now >= registration.event.starts_at:
        raise BookingError(_("De bijeenkomst is al begonnen; afmelden kan niet meer."))
    release(registration, "removed" if by_organiser else "cancelled", now)
    mails.cancelled(registration, by_organiser=by_organiser)
    db.session.commit()


def accept_offer(registration: Registration, now: datetime | None = None) -> None:
    """The member takes the offered seat before the offer expires."""
    now = now or utcnow()
    accepted = db.session.execute(
        update(Registration).where(Registration.id == registration.id, Registration.status == "offered",
                                   Registration.offer_expires_at > now)
        .values(status="confirmed", confirmed_at=now).execution_options(synchronize_session=False)
    ).rowcount == 1
    db.session.refresh(registration)
    if not accepted:
        db.session.rollback()
        raise BookingError(_("Dit aanbod is niet meer geldig."))
    mails.registered(registration)
    db.session.commit()


def decline_offer(registration: Registration, now: datetime | None = None) -> None:
    """The member lets the offered seat go; it passes to the next in line."""
    now = now or utcnow()
    db.session.refresh(registration, with_for_update=True)
    if registration.status != "offered":
        raise BookingError(_("Dit aanbod is niet meer geldig."))
    release(registration, "declined", now)
    db.session.commit()


def expire_offers(now: datetime | None = None) -> int:
    """Pass every offer whose time is up to the next in line (cron); return how many expired."""
    now = now or utcnow()
    due = list(db.session.scalars(
        select(Registration).where(Registration.status == "offered", Registration.offer_expires_at <= now)
        .order_by(Registration.offer_expires_at, Registration.id)))
    expired = 0
    for registration in due:
        if registration.status != "offered":
            continue
        if release(registration, "expired", now):  # an overlapping run may have been first
            mails.offer_expired(registration)
            expired += 1
        db.session.commit()
    return expired


def fill_from_waitlist(event: Event, now: datetime | None = None) -> int:
    """After the capacity grew: offer each new free seat to the waitlist; return offers made."""
    now = now or utcnow()
    offers = 0
    while _take_seat(event.id):
        if _offer_next(event, now) is None:
            break
        offers += 1
    db.session.commit()
    return offers


def cancel_event(event: Event, reason: str = "", now: datetime | None = None) -> int:
    """Call the event off and tell everyone registered or waiting; return how many were told."""
    now = now or utcnow()
    if event.status == "cancelled":
        raise BookingError(_("Deze bijeenkomst is al geannuleerd."))
    event.status = "cancelled"
    event.cancelled_at = event.updated_at = now
    event.cancel_reason = (reason or "").strip()
    told = 0
    for registration in event.registrations:
        if registration.status in ("confirmed", "waitlisted", "offered"):
            mails.event_cancelled(registration)
            told += 1
    db.session.commit()
    return told
