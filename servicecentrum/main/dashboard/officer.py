"""An officer's blocks: open peer questions, helpdesk questions, registrations, new practices."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Integer, and_, case, cast, exists, func, null, or_, select, union_all
from sqlalchemy.orm import contains_eager

from ... import caching
from ...events.models import Event, Registration
from ...events.queries import waitlist_place_column
from ...extensions import db
from ...forum.models import Question
from ...helpdesk.models import Ticket
from ...library.models import Practice, practice_themes
from ...notifications.inbox import Follow, Notification
from ...taxonomy.models import Theme
from .common import LIMIT, Block, count_of

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


@dataclass
class PracticeItem:
    practice: Practice
    themes: list  # caching.ThemeItem, by name


def _my_questions(user) -> tuple:
    return (Question.author_id == user.id, Question.has_accepted_answer.is_(False),
            Question.is_hidden.is_(False))


def _my_tickets(user) -> tuple:
    return (Ticket.requester_id == user.id, Ticket.status != "closed")


def _holding(now: datetime):
    return or_(Registration.status.in_(HOLDING),
               and_(Registration.status == "offered", Registration.offer_expires_at > now))


def _my_registrations(user, now: datetime) -> tuple:
    return (Registration.user_id == user.id, _holding(now), Event.status == "published", Event.ends_at > now)


def _followed_theme_ids(user):
    return select(Follow.target_id).where(Follow.user_id == user.id, Follow.target_type == "theme")


def _recent_practices(user, now: datetime) -> tuple:
    return (Practice.status == "published", Practice.published_at >= now - timedelta(days=NEW_PRACTICE_DAYS),
            Practice.themes.any(Theme.id.in_(_followed_theme_ids(user))))


def totals(user, now: datetime) -> dict:
    """The officer's totals, as columns of the start page's one totals query."""
    return {
        "my_questions": count_of(Question.id, *_my_questions(user)),
        "my_tickets": count_of(Ticket.id, *_my_tickets(user)),
        "my_registrations": select(func.count(Registration.id)).join(Registration.event)
        .where(*_my_registrations(user, now)).scalar_subquery(),
        "followed_themes": count_of(Follow.id, Follow.user_id == user.id, Follow.target_type == "theme"),
        "new_practices": count_of(Practice.id, *_recent_practices(user, now)),
    }


def blocks(user, now: datetime, total: dict) -> dict:
    """Every block of an officer's start page; a block with nothing to show costs no query."""
    return {"my_questions": open_questions(user, total["my_questions"]),
            "my_tickets": open_tickets(user, total["my_tickets"]),
            "my_registrations": registrations(user, now, total["my_registrations"]),
            "new_practices": new_practices(user, now, total["followed_themes"], total["new_practices"])}


def open_questions(user, total: int) -> Block:
    """Peer questions the member asked that have no accepted answer, with their unread news."""
    if not total:
        return Block()
    new_answers = (select(func.count(Notification.id))
                   .where(Notification.user_id == user.id, Notification.read_at.is_(None),
                          Notification.subject_type == "question", Notification.kind == "answer",
                          Notification.subject_id == Question.id)
                   .correlate(Question).scalar_subquery())
    rows = db.session.execute(
        select(Question, new_answers).where(*_my_questions(user))
        .order_by(Question.last_activity_at.desc(), Question.id.desc()).limit(LIMIT)).all()
    return Block(total=total, items=[QuestionItem(q, int(n or 0)) for q, n in rows])


def whose_turn(ticket: Ticket) -> str:
    """From the requester's point of view: do they need to act, or FORUM?"""
    if ticket.status == "waiting":
        return "requester"
    if ticket.status == "resolved":
        return "resolved"
    return "forum"


def open_tickets(user, total: int) -> Block:
    """Helpdesk questions the member filed that are not closed, most recently changed first."""
    if not total:
        return Block()
    unread = (exists().where(Notification.user_id == user.id, Notification.read_at.is_(None),
                             Notification.subject_type == "ticket", Notification.subject_id == Ticket.id)
              .correlate(Ticket))
    rows = db.session.execute(
        select(Ticket, unread).where(*_my_tickets(user))
        .order_by(Ticket.updated_at.desc(), Ticket.id.desc()).limit(LIMIT)).all()
    return Block(total=total, items=[TicketItem(t, whose_turn(t), bool(u)) for t, u in rows])


def registrations(user, now: datetime, total: int) -> Block:
    """Registrations, waitlist places (with their place) and open offers for upcoming events."""
    if not total:
        return Block()
    rows = db.session.execute(
        select(Registration, waitlist_place_column())
        .join(Registration.event).where(*_my_registrations(user, now))
        .options(contains_eager(Registration.event))
        # An offer waits for an answer, so it comes first; then the soonest event.
        .order_by(case((Registration.status == "offered", 0), else_=1), Event.starts_at, Event.id)
        .limit(LIMIT)).all()
    return Block(total=total, items=[RegistrationItem(r, p) for r, p in rows])


def new_practices(user, now: datetime, followed: int, total: int) -> Block:
    """Practices published in the last 30 days in the themes the member follows.

    ``extra["themes"]`` holds the followed themes; without any, ``extra["suggestions"]``
    holds every theme to offer a follow button for. Themes come from the shared list, so
    the followed ones and those of the practices shown cost one query together.
    """
    if not followed:
        return Block(extra={"themes": [], "suggestions": list(caching.themes())})
    practices = list(db.session.scalars(
        select(Practice).where(*_recent_practices(user, now))
        .order_by(Practice.published_at.desc(), Practice.id.desc()).limit(LIMIT))) if total else []
    # (None, theme): a theme the member follows; (practice, theme): a theme of a practice shown.
    pairs = [select(cast(null(), Integer).label("practice_id"), Follow.target_id.label("theme_id"))
             .where(Follow.user_id == user.id, Follow.target_type == "theme")]
    if practices:
        pairs.append(select(practice_themes.c.practice_id, practice_themes.c.theme_id)
                     .where(practice_themes.c.practice_id.in_([p.id for p in practices])))
    theme_ids: dict[int, set[int]] = {}
    for practice_id, theme_id in db.session.execute(union_all(*pairs) if len(pairs) > 1 else pairs[0]):
        theme_ids.setdefault(practice_id, set()).add(theme_id)
    known = {t.id: t for t in caching.themes_with_ids(set().union(*theme_ids.values()))}
    themes = [t for t in known.values() if t.id in theme_ids.get(None, ())]
    items = [PracticeItem(p, [t for t in known.values() if t.id in theme_ids.get(p.id, ())])
             for p in practices]
    return Block(total=total, items=items, extra={"themes": themes})
