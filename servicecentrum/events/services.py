"""Organisers' use cases: create, edit, publish and cancel an event, and its own questions.

Every change is written to the audit log in the same transaction. The capacity is changed by a
conditional UPDATE, so it can never drop below the seats already taken, even while members are
registering at the same moment.
"""

from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import update

from ..audit.services import record
from ..database import utcnow
from ..extensions import db
from . import booking, mails, queries
from .models import Event, EventQuestion

EDITABLE = ("kind", "title", "description", "theme_id", "programme_id", "starts_at", "ends_at", "location",
            "online_url", "registration_opens_at", "registration_closes_at", "audience", "audience_kinds",
            "reminder_days", "offer_hours")
MAX_QUESTIONS = 20


class EventError(Exception):
    """An organiser's change was refused; the message is Dutch and may be shown."""


@dataclass
class EventData:
    kind: str
    title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    capacity: int
    theme_id: int | None = None
    programme_id: int | None = None
    location: str = ""
    online_url: str = ""
    registration_opens_at: datetime | None = None
    registration_closes_at: datetime | None = None
    audience: str = "all"
    audience_kinds: str = ""
    organiser_ids: list[int] = field(default_factory=list)
    reminder_days: int = 2
    offer_hours: int = 48


def _organisers(data: EventData, actor) -> list:
    ids = [i for i in data.organiser_ids if i != actor.id]
    chosen = [u for u in queries.users_by_ids(ids) if u.is_staff]
    return [actor] + chosen if actor.is_staff else chosen


def create_event(actor, data: EventData, now: datetime | None = None) -> Event:
    """A new draft; its creator organises it. Commits."""
    now = now or utcnow()
    event = Event(status="draft", capacity=data.capacity, seats_taken=0, created_by_id=actor.id,
                  created_at=now, updated_at=now, **{name: getattr(data, name) for name in EDITABLE})
    event.organisers = _organisers(data, actor)
    db.session.add(event)
    db.session.flush()
    record("event_created", actor=actor, target=event, title=event.title, kind=event.kind)
    db.session.commit()
    return event


def update_event(event: Event, actor, data: EventData, now: datetime | None = None) -> int:
    """Save the organiser's changes; return how many waitlisted members got a freed seat. Commits.

    Lowering the capacity below the seats already taken is refused (nothing is saved).
    """
    now = now or utcnow()
    old_capacity = event.capacity
    if data.capacity != old_capacity:
        changed = db.session.execute(
            update(Event).where(Event.id == event.id, Event.seats_taken <= data.capacity)
            .values(capacity=data.capacity).execution_options(synchronize_session=False)).rowcount
        if changed != 1:
            db.session.rollback()
            db.session.refresh(event)
            raise EventError(_("Er zijn al %(taken)s plaatsen bezet; de capaciteit kan niet lager zijn dan "
                               "dat.", taken=event.seats_taken))
        db.session.refresh(event)
    changes = {name: getattr(data, name) for name in EDITABLE if getattr(event, name) != getattr(data, name)}
    for name, value in changes.items():
        setattr(event, name, value)
    organisers = {u.id: u for u in event.organisers}
    wanted = {u.id: u for u in queries.users_by_ids(data.organiser_ids) if u.is_staff}
    if not wanted:
        wanted = organisers  # an event always keeps at least one organiser
    if set(wanted) != set(organisers):
        event.organisers = sorted(wanted.values(), key=lambda u: (u.name, u.id))
        changes["organisers"] = ",".join(str(i) for i in sorted(wanted))
    if data.capacity != old_capacity:
        changes["capacity"] = f"{old_capacity} -> {data.capacity}"
    event.updated_at = now
    record("event_updated", actor=actor, target=event, fields=",".join(sorted(changes)) or "-",
           capacity=event.capacity)
    _tell_registrants_of_changes(event, set(changes))
    db.session.commit()
    if data.capacity > old_capacity and event.status == "published":
        return booking.fill_from_waitlist(event, now)
    return 0


def _tell_registrants_of_changes(event: Event, changed: set[str]) -> None:
    """Notify everyone registered or waiting when the time or place of a published event changed."""
    description = mails.describe_changes(event, changed)
    if event.status != "published" or not description:
        return
    for registration in event.registrations:
        if registration.status in ("confirmed", "waitlisted", "offered"):
            mails.event_changed(registration, description)


def publish_event(event: Event, actor, now: datetime | None = None) -> None:
    """Make a draft visible to members (and open for registration). Commits."""
    if event.status != "draft":
        raise EventError(_("Alleen een concept kan gepubliceerd worden."))
    event.status = "published"
    event.updated_at = now or utcnow()
    record("event_published", actor=actor, target=event, title=event.title)
    db.session.commit()


def cancel_event(event: Event, actor, reason: str, now: datetime | None = None) -> int:
    """Call the event off; everyone registered or waiting gets an e-mail. Returns how many."""
    if event.status == "cancelled":
        raise EventError(_("Deze bijeenkomst is al geannuleerd."))
    record("event_cancelled", actor=actor, target=event, title=event.title, reason=reason[:200])
    try:
        return booking.cancel_event(event, reason, now)
    except booking.BookingError as error:
        db.session.rollback()
        raise EventError(str(error)) from error


# --- The event's own questions ---------------------------------------------------------------

def questions_of(event: Event, purpose: str) -> list[EventQuestion]:
    return [q for q in event.questions if q.purpose == purpose]


def add_question(event: Event, actor, purpose: str, label: str, required: bool,
                 choices: str) -> EventQuestion:
    """Add a question at the end of its list. Commits."""
    existing = questions_of(event, purpose)
    if len(existing) >= MAX_QUESTIONS:
        raise EventError(_("Een bijeenkomst heeft hoogstens 20 vragen per soort."))
    lines = "\n".join(line.strip() for line in (choices or "").splitlines() if line.strip())
    question = EventQuestion(event=event, purpose=purpose, label=label.strip(), required=required,
                             choices=lines, position=max((q.position for q in existing), default=0) + 1)
    db.session.add(question)
    db.session.flush()
    record("event_question_added", actor=actor, target=event, question=question.id, purpose=purpose,
           label=question.label)
    event.updated_at = utcnow()
    db.session.commit()
    return question


def remove_question(event: Event, actor, question: EventQuestion) -> None:
    """Remove a question; answers already given stay stored with the registrations. Commits."""
    record("event_question_removed", actor=actor, target=event, question=question.id,
           purpose=question.purpose, label=question.label)
    event.questions.remove(question)
    db.session.delete(question)
    event.updated_at = utcnow()
    db.session.commit()


def move_question(event: Event, actor, question: EventQuestion, step: int) -> None:
    """Move a question one place up (step -1) or down (+1) in its list. Commits."""
    ordered = questions_of(event, question.purpose)
    index = ordered.index(question)
    target = index + step
    if not 0 <= target < len(ordered):
        return
    ordered[index], ordered[target] = ordered[target], ordered[index]
    for position, item in enumerate(ordered, start=1):
        item.position = position
    record("event_question_moved", actor=actor, target=event, question=question.id,
           position=question.position)
    event.updated_at = utcnow()
    db.session.commit()
