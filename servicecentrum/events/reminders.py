"""Reminders before an event (for cron): each attendee gets exactly one.

A published event with ``reminder_days`` > 0 that starts within that many days and has not
started yet reminds every confirmed registration whose ``reminder_sent_at`` is still empty.
Each reminder is claimed with a conditional UPDATE (``reminder_sent_at IS NULL``) and queued
in the same transaction, so two runs at the same moment (two cron hosts, a retry) never send
one twice: the database lets only one of them set the column.
"""

from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.orm import joinedload

from ..database import utcnow
from ..extensions import db
from ..notifications.services import queue_mail
from ..urls import absolute_url
from .mails import local_text
from .models import Event, Registration


def _horizon(now: datetime) -> timedelta | None:
    """The furthest any upcoming event reminds ahead, or None when no event reminds."""
    days = db.session.scalar(select(func.max(Event.reminder_days)).where(
        Event.status == "published", Event.starts_at > now, Event.reminder_days > 0))
    return timedelta(days=days) if days else None


def due_registrations(now: datetime) -> list[Registration]:
    """Confirmed registrations still waiting for their reminder at this moment."""
    horizon = _horizon(now)
    if horizon is None:
        return []
    candidates = db.session.scalars(
        select(Registration).join(Event, Registration.event_id == Event.id)
        .where(Event.status == "published", Event.reminder_days > 0, Event.starts_at > now,
               Event.starts_at <= now + horizon, Registration.status == "confirmed",
               Registration.reminder_sent_at.is_(None))
        .options(joinedload(Registration.event), joinedload(Registration.user))
        .order_by(Event.starts_at, Registration.id))
    return [r for r in candidates if r.event.starts_at <= now + timedelta(days=r.event.reminder_days)]


def _claim(registration: Registration, now: datetime) -> bool:
    """Mark the reminder as sent, unless another run (or a cancellation) came first."""
    return db.session.execute(
        update(Registration).where(Registration.id == registration.id, Registration.status == "confirmed",
                                   Registration.reminder_sent_at.is_(None))
        .values(reminder_sent_at=now).execution_options(synchronize_session=False)).rowcount == 1


def _queue(registration: Registration) -> bool:
    user, event = registration.user, registration.event
    if user is None or not user.is_active:
        return False  # a disabled account gets no mail; its claim stands
    queue_mail(user.email, _("Herinnering: %(title)s", title=event.title), "events_reminder",
               recipient=user, event=event, registration=registration, starts=local_text(event.starts_at),
               ends=local_text(event.ends_at), url=absolute_url("events.detail", event_id=event.id),
               ics_url=absolute_url("events.event_ics", event_id=event.id))
    return True


def send_reminders(now: datetime | None = None) -> int:
    """Queue every due reminder once; return how many this run sent. Commits per reminder."""
    now = now or utcnow()
    sent = 0
    for registration in due_registrations(now):
        if _claim(registration, now) and _queue(registration):
            sent += 1
        db.session.commit()
    return sent
