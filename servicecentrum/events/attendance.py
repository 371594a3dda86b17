"""Attendance: the organisers' attendee list and its CSV, check-in on the day, adding and removing.

The list is loaded with one query (registrations joined to their members and organisations),
whatever the number of attendees. Adding and removing go through ``booking`` so seats and the
waitlist stay exact; this module only adds the organiser's checks and the audit trail.
"""

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from flask_babel import format_datetime
from flask_babel import gettext as _
from sqlalchemy import case, func, select, update
from sqlalchemy.orm import joinedload

from ..audit.services import record
from ..auth.models import User
from ..auth.services import find_user_by_email
from ..database import utcnow
from ..extensions import db
from ..spreadsheets import excel_csv
from . import booking
from .labels import REGISTRATION_LABELS
from .models import Event, EventQuestion, Registration

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
LISTED = ("confirmed", "offered", "waitlisted")  # the order of the list's sections
ACTIVE = LISTED


class AttendanceError(Exception):
    """An attendance action was refused; the message is Dutch and may be shown."""


@dataclass
class AttendeeList:
    """The registrations of one event by section, with the event's registration questions."""

    event: Event
    questions: list[EventQuestion]
    confirmed: list[Registration] = field(default_factory=list)
    offered: list[Registration] = field(default_factory=list)
    waitlisted: list[Registration] = field(default_factory=list)

    @property
    def rows(self) -> list[tuple[Registration, int | None]]:
        """Every listed registration with its waitlist position (1 = first in line)."""
        return ([(r, None) for r in self.confirmed] + [(r, None) for r in self.offered]
                + [(r, n) for n, r in enumerate(self.waitlisted, start=1)])


@dataclass(frozen=True)
class AttendanceCounts:
    """How many hold a seat, wait, have been offered a seat, and were checked in."""

    confirmed: int = 0
    offered: int = 0
    waitlisted: int = 0
    checked_in: int = 0


def get_event(event_id: int) -> Event | None:
    return db.session.get(Event, event_id)


def find_registration(event: Event, registration_id: int) -> Registration | None:
    """The registration with this id, only if it belongs to the event."""
    registration = db.session.get(Registration, registration_id)
    return registration if registration is not None and registration.event_id == event.id else None


def questions_of(event: Event, purpose: str) -> list[EventQuestion]:
    return [q for q in event.questions if q.purpose == purpose]


def attendee_list(event: Event) -> AttendeeList:
    """The confirmed, offered and waitlisted registrations (line order), in one query."""
    section = case({status: n for n, status in enumerate(LISTED)}, value=Registration.status)
    registrations = db.session.scalars(
        select(Registration).where(Registration.event_id == event.id, Registration.status.in_(LISTED))
        .options(joinedload(Registration.user).joinedload(User.organisation))
        .order_by(section, Registration.created_at, Registration.id))
    listing = AttendeeList(event, questions_of(event, "registration"))
    for registration in registrations:
        getattr(listing, registration.status).append(registration)
    return listing


def answer_text(registration: Registration, question: EventQuestion) -> str:
    """The member's answer to one question as text ('' when not answered)."""
    value = (registration.answers or {}).get(str(question.id))
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def local_moment(moment: datetime | None) -> str:
    """A moment as short Dutch text in Amsterdam time, for the list and the CSV."""
    return format_datetime(moment, "dd-MM-yyyy HH:mm") if moment else ""


def attendees_csv(listing: AttendeeList) -> bytes:
    """The attendee list for Excel: semicolons, UTF-8 with a byte order mark, no formulas."""
    header = [_("Status"), _("Plaats op de wachtlijst"), _("Naam"), _("E-mailadres"), _("Organisatie"),
              _("Aangemeld op"), _("Aanwezig"), *(q.label for q in listing.questions)]
    rows = []
    for registration, position in listing.rows:
        user = registration.user
        organisation = user.organisation.name if user.organisation else ""
        cells = [str(REGISTRATION_LABELS[registration.status]), position or "", user.name, user.email,
                 organisation,
                 local_moment(registration.created_at), local_moment(registration.checked_in_at),
                 *(answer_text(registration, q) for q in listing.questions)]
        rows.append(cells)
    return excel_csv(header, rows)


def csv_filename(event: Event) -> str:
    return f"deelnemers-bijeenkomst-{event.id}.csv"


def attendance_counts(event: Event) -> AttendanceCounts:
    """Counts per listed status and of checked-in attendees, in one grouped query."""
    rows = db.session.execute(
        select(Registration.status, func.count(Registration.id), func.count(Registration.checked_in_at))
        .where(Registration.event_id == event.id, Registration.status.in_(LISTED))
        .group_by(Registration.status))
    counts = {status: (total, checked) for status, total, checked in rows}
    confirmed, checked_in = counts.get("confirmed", (0, 0))
    return AttendanceCounts(confirmed=confirmed, offered=counts.get("offered", (0, 0))[0],
                            waitlisted=counts.get("waitlisted", (0, 0))[0], checked_in=checked_in)


def check_in_opens(event: Event, now: datetime) -> bool:
    """Check-in is open from the event's day (Amsterdam calendar) on."""
    return now.astimezone(AMSTERDAM).date() >= event.starts_at.astimezone(AMSTERDAM).date()


def toggle_check_in(registration: Registration, organiser, now: datetime | None = None,
                    ip_address: str | None = None) -> bool:
    """Mark a confirmed attendee present, or take that back; return whether they are now present.

    :raises AttendanceError: not a confirmed registration, or before the event's day.
    """
    now = now or utcnow()
    event = registration.event
    if registration.status != "confirmed" or event.status != "published":
        raise AttendanceError(_("Alleen aangemelde deelnemers kunt u als aanwezig markeren."))
    if not check_in_opens(event, now):
        raise AttendanceError(_("Aanwezigheid registreren kan vanaf de dag van de bijeenkomst (%(day)s).",
                                day=format_datetime(event.starts_at, "d MMMM yyyy")))
    present = registration.checked_in_at is None
    # Conditional on the state the organiser saw: two organisers clicking at once toggle once.
    changed = db.session.execute(
        update(Registration).where(Registration.id == registration.id, Registration.status == "confirmed",
                                   (Registration.checked_in_at.is_(None) if present
                                    else Registration.checked_in_at.is_not(None)))
        .values(checked_in_at=now if present else None).execution_options(synchronize_session=False)
    ).rowcount == 1
    if changed:
        record("event_check_in" if present else "event_check_in_undone", actor=organiser,
               target=registration, ip_address=ip_address, event_id=event.id, user_id=registration.user_id)
    db.session.commit()
    db.session.refresh(registration)
    return registration.checked_in_at is not None


def add_attendee(event: Event, email: str, organiser, now: datetime | None = None,
                 ip_address: str | None = None) -> Registration:
    """Register the member with this address for the event (the waitlist when it is full).

    :raises AttendanceError: no active member has this address, or they are on the list already.
    :raises booking.BookingError: the event takes no registrations (not published).
    """
    member = find_user_by_email(email or "")
    if member is None or not member.is_active:
        raise AttendanceError(_("Er is geen actief lid met dit e-mailadres."))
    existing = booking.registration_of(event.id, member.id)
    if existing is not None and existing.status in ACTIVE:
        raise AttendanceError(_("%(name)s staat al op de lijst van deze bijeenkomst.", name=member.name))
    registration = booking.register(event, member, now=now, added_by=organiser)
    record("event_attendee_added", actor=organiser, target=registration, ip_address=ip_address,
           event_id=event.id, user_id=member.id, status=registration.status)
    db.session.commit()
    return registration


def remove_attendee(registration: Registration, organiser, now: datetime | None = None,
                    ip_address: str | None = None) -> None:
    """Take the member off the list; a seat they held goes to the first on the waitlist.

    :raises AttendanceError: the registration is no longer on the list.
    """
    if registration.status not in ACTIVE:
        raise AttendanceError(_("Deze deelnemer staat niet meer op de lijst."))
    old_status = registration.status
    booking.cancel(registration, now=now, by_organiser=organiser)
    record("event_attendee_removed", actor=organiser, target=registration, ip_address=ip_address,
           event_id=registration.event_id, user_id=registration.user_id, old=old_status)
    db.session.commit()
