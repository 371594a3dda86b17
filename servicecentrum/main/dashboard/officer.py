"""An officer's blocks: open peer questions, helpdesk questions, registrations, new practices."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import aliased, contains_eager, selectinload

from ...events.models import Event, Registration
from ...extensions import db
from ...forum.models import Question
from ...helpdesk.models import Ticket
from ...library.models import Practice
from ...notifications import centre
from ...notifications.inbox import Follow, Notification
from ...taxonomy.models import Theme
from .common import LIMIT, Block, count_where

NEW_PRACTICE_DAYS = 30
HOLDING = ("confirmed", "waitlisted")  # plus an offer that has not expired


@dataclass
class QuestionItem:
    question: Question
    new_answers: int  # unread "answer" notifications about the question


@dataclass
class TicketItem:
    ticket: Ticket
    turn: str  # requester | forum | resolved
    unread: bool


@dataclass
class RegistrationItem:
    registration: Registration
    waitlist_place: int | None


def blocks(user, now: datetime) -> dict:
    """Every block of an officer's start page."""
    return {"my_questions": open_questions(user), "my_tickets": open_tickets(user),
            "my_registrations": registrations(user, now), "new_practices": new_practices(user, now)}


def open_questions(user) -> Block:
    """Peer questions the member asked that have no accepted answer, with their unread news."""
    mine = (Question.author_id == user.id, Question.has_accepted_answer.is_(False),
            Question.is_hidden.is_(False))
    questions = list(db.session.scalars(
        select(Question).where(*mine).order_by(Question.last_activity_at.desc(), Question.id.desc())
        .limit(LIMIT)))
    unread = dict(db.session.execute(
        select(Notification.subject_id, func.count(Notification.id))
        .where(Notification.user_id == user.id, Notification.read_at.is_(None),
               Notification.subject_type == "question", Notification.kind == "answer",
               Notification.subject_id.in_([q.id for q in questions]))
        .group_by(Notification.subject_id)).all()) if questions else {}
    return Block(total=count_where(Question.id, *mine),
                 items=[QuestionItem(q, unread.get(q.id, 0)) for q in questions])


def whose_turn(ticket: Ticket) -> str:
    """From the requester's point of view: do they need to act, or FORUM?"""
    if ticket.status == "waiting":
        return "requester"
    if ticket.status == "resolved":
        return "resolved"
    return "forum"


def open_tickets(user) -> Block:
    """Helpdesk questions the member filed that are not closed, most recently changed first."""
    mine = (Ticket.requester_id == user.id, Ticket.status != "closed")
    tickets = list(db.session.scalars(
        select(Ticket).where(*mine).order_by(Ticket.updated_at.desc(), Ticket.id.desc()).limit(LIMIT)))
    unread = centre.unread_subject_ids(user, "ticket", [t.id for t in tickets])
    return Block(total=count_where(Ticket.id, *mine),
                 items=[TicketItem(t, whose_turn(t), t.id in unread) for t in tickets])


def _holding(now: datetime):
    return or_(Registration.status.in_(HOLDING),
               and_(Registration.status == "offered", Registration.offer_expires_at > now))


def registrations(user, now: datetime) -> Block:
    """Registrations, waitlist places (with their place) and open offers for upcoming events."""
    upcoming = (Registration.user_id == user.id, _holding(now), Event.status == "published",
                Event.ends_at > now)
    ahead = aliased(Registration)
    place = (select(func.count(ahead.id)).where(
        ahead.event_id == Registration.event_id, ahead.status == "waitlisted",
        or_(ahead.created_at < Registration.created_at,
            and_(ahead.created_at == Registration.created_at, ahead.id < Registration.id)))
        .correlate(Registration).scalar_subquery())
    rows = db.session.execute(
        select(Registration, case((Registration.status == "waitlisted", place + 1), else_=None))
        .join(Registration.event).where(*upcoming).options(contains_eager(Registration.event))
        # An offer waits for an answer, so it comes first; then the soonest event.
        .order_by(case((Registration.status == "offered", 0), else_=1), Event.starts_at, Event.id)
        .limit(LIMIT)).all()
    total = int(db.session.scalar(
        select(func.count(Registration.id)).join(Registration.event).where(*upcoming)) or 0)
    return Block(total=total, items=[RegistrationItem(r, p) for r, p in rows])


def new_practices(user, now: datetime) -> Block:
    """Practices published in the last 30 days in the themes the member follows.

    ``extra["themes"]`` holds the followed themes; without any, ``extra["suggestions"]``
    holds every theme to offer a follow button for.
    """
    followed_ids = select(Follow.target_id).where(Follow.user_id == user.id, Follow.target_type == "theme")
    themes = list(db.session.scalars(select(Theme).where(Theme.id.in_(followed_ids)).order_by(Theme.name)))
    if not themes:
        suggestions = list(db.session.scalars(select(Theme).order_by(Theme.name)))
        return Block(extra={"themes": [], "suggestions": suggestions})
    since = now - timedelta(days=NEW_PRACTICE_DAYS)
    recent = (Practice.status == "published", Practice.published_at >= since,
              Practice.themes.any(Theme.id.in_([t.id for t in themes])))
    practices = list(db.session.scalars(
        select(Practice).where(*recent).options(selectinload(Practice.themes))
        .order_by(Practice.published_at.desc(), Practice.id.desc()).limit(LIMIT)))
    return Block(total=count_where(Practice.id, *recent), items=practices, extra={"themes": themes})
