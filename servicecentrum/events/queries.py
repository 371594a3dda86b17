"""Read-only queries of the event pages: the lists with filters, one event, and choices for forms."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import aliased, joinedload, selectinload

from .. import caching
from ..auth.models import User
from ..extensions import db
from ..paging import Page, paginate
from ..surveys.models import SurveyResponse
from ..taxonomy.models import Programme
from .models import Event, EventQuestion, Registration

PER_PAGE = 20
PERIODS = ("komend", "afgelopen")


@dataclass(frozen=True)
class EventFilters:
    period: str = "komend"  # komend (not yet ended) | afgelopen (ended)
    kind: str = ""
    theme_id: int | None = None


def event_page(user, filters: EventFilters, now: datetime, page: int = 1) -> Page:
    """One page of events this member may see: upcoming soonest first, past most recent first.

    Drafts only for staff. Two queries whatever the page holds: rows and themes (not counted).
    """
    statuses = ["published", "cancelled"] + (["draft"] if user.is_staff else [])
    query = select(Event).where(Event.status.in_(statuses)).options(selectinload(Event.theme))
    if filters.period == "afgelopen":
        query = query.where(Event.ends_at <= now).order_by(Event.starts_at.desc(), Event.id.desc())
    else:
        query = query.where(Event.ends_at > now).order_by(Event.starts_at, Event.id)
    if filters.kind:
        query = query.where(Event.kind == filters.kind)
    if filters.theme_id is not None:
        query = query.where(Event.theme_id == filters.theme_id)
    return paginate(query, page, PER_PAGE)


def own_registrations(user, event_ids: list[int]) -> dict[int, Registration]:
    """The member's registrations for these events, by event id (one query)."""
    if not event_ids:
        return {}
    rows = db.session.scalars(select(Registration).where(Registration.user_id == user.id,
                                                         Registration.event_id.in_(event_ids)))
    return {row.event_id: row for row in rows}


def get_event(event_id: int) -> Event | None:
    """The event with what its page shows: theme, programme, organisers and questions."""
    return db.session.scalar(
        select(Event).where(Event.id == event_id)
        .options(joinedload(Event.theme), joinedload(Event.programme),
                 selectinload(Event.organisers), selectinload(Event.questions)))


def waitlist_place(registration: Registration) -> int | None:
    """1 for the first in line; None when the registration is not on the waitlist."""
    if registration is None or registration.status != "waitlisted":
        return None
    ahead = db.session.scalar(
        select(func.count()).select_from(Registration).where(
            Registration.event_id == registration.event_id, Registration.status == "waitlisted",
            or_(Registration.created_at < registration.created_at,
                and_(Registration.created_at == registration.created_at, Registration.id < registration.id))))
    return int(ahead or 0) + 1


def waitlist_place_column():
    """SQL: a registration's place on its event's waitlist (NULL when it is not waiting)."""
    ahead = aliased(Registration)
    before = (select(func.count(ahead.id)).where(
        ahead.event_id == Registration.event_id, ahead.status == "waitlisted",
        or_(ahead.created_at < Registration.created_at,
            and_(ahead.created_at == Registration.created_at, ahead.id < Registration.id)))
        .correlate(Registration).scalar_subquery())
    return case((Registration.status == "waitlisted", before + 1), else_=None)


@dataclass(frozen=True)
class MemberPart:
    """The member's side of an event page."""

    registration: Registration | None = None
    waitlist_place: int | None = None
    evaluated: bool = False  # gave their evaluation of the event


def member_part(event_id: int, user) -> MemberPart:
    """The member's registration with its waitlist place and whether they evaluated, in one query.

    The registration and evaluation blocks both ask; the answer is kept until the session writes.
    """
    def ask() -> MemberPart:
        evaluated = exists().where(SurveyResponse.subject_type == "event",  # evaluation.EVENT
                                   SurveyResponse.subject_id == event_id,
                                   SurveyResponse.respondent_id == user.id)
        row = db.session.execute(
            select(Registration, waitlist_place_column(), evaluated)
            .where(Registration.event_id == event_id, Registration.user_id == user.id)).first()
        return MemberPart() if row is None else MemberPart(row[0], row[1], bool(row[2]))

    return caching.memo(("event_member_part", event_id, user.id), ask)


def themes() -> list:
    """Every theme by name (the kept list: the same for every member, for the filter and forms)."""
    return list(caching.themes())


def programmes() -> list[Programme]:
    return list(db.session.scalars(select(Programme).order_by(Programme.name)))


def possible_organisers() -> list[User]:
    """Active advisers and admins, by name: the people who can organise an event."""
    return list(db.session.scalars(
        select(User).where(User.role.in_(("adviser", "admin")), User.status == "active")
        .order_by(User.name, User.id)))


def users_by_ids(ids: list[int]) -> list[User]:
    if not ids:
        return []
    return list(db.session.scalars(select(User).where(User.id.in_(ids))))


def question_of(event_id: int, question_id: int) -> EventQuestion | None:
    return db.session.scalar(select(EventQuestion).where(EventQuestion.id == question_id,
                                                         EventQuestion.event_id == event_id))
