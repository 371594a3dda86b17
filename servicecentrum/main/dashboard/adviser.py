"""An adviser's blocks: the queue in numbers, first responses due today, unanswered peer questions, events."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import joinedload, selectinload

from ...auth.models import User, user_expertise
from ...events.models import Event
from ...extensions import db
from ...forum.models import Question
from ...helpdesk.models import OPEN_STATUSES, Ticket
from ...helpdesk.queue import overdue_clause
from ...helpdesk.turns import first_response_due_today_clause, waiting_for_clause
from ...taxonomy.models import Theme, programme_advisers
from .common import LIMIT, Block, count_of

UNANSWERED_AFTER = timedelta(days=1)


@dataclass
class QueueNumbers:
    """The adviser's open tickets in four numbers."""

    new: int = 0  # nobody has taken it yet
    mine: int = 0  # assigned to me and open
    overdue: int = 0  # a service-level target passed
    waiting_for_me: int = 0  # mine, and the requester spoke last (or nobody from FORUM did yet)
    has_programmes: bool = True


def _programme_ids(user):
    return select(programme_advisers.c.programme_id).where(programme_advisers.c.user_id == user.id)


def _expertise(user):
    return select(user_expertise.c.theme_id).where(user_expertise.c.user_id == user.id)


def _unanswered(user, now: datetime) -> tuple:
    return (Question.is_hidden.is_(False), Question.answer_count == 0,
            Question.created_at <= now - UNANSWERED_AFTER,
            Question.themes.any(Theme.id.in_(_expertise(user))))


def _upcoming_events(user, now: datetime) -> tuple:
    return (Event.organisers.any(User.id == user.id), Event.ends_at > now, Event.status != "cancelled")


def totals(user, now: datetime, today: date) -> dict:
    """The adviser's totals, as columns of the start page's one totals query.

    The queue's numbers count the open tickets of the adviser's programmes in one pass
    (a conditional count each); ``advises`` tells whether there are such programmes at all.
    """
    def number(condition):
        return func.count(case((condition, 1)))

    queue = (select(number(Ticket.assignee_id.is_(None)).label("new"),
                    number(Ticket.assignee_id == user.id).label("mine"),
                    number(overdue_clause(today)).label("overdue"),
                    number(waiting_for_clause(user)).label("waiting_for_me"),
                    number(first_response_due_today_clause(today)).label("due_today"))
             .where(Ticket.programme_id.in_(_programme_ids(user)), Ticket.status.in_(OPEN_STATUSES))
             .subquery("queue"))
    return {"queue_new": queue.c.new, "queue_mine": queue.c.mine, "queue_overdue": queue.c.overdue,
            "queue_waiting_for_me": queue.c.waiting_for_me, "due_today": queue.c.due_today,
            "advises": _programme_ids(user).exists(),
            "unanswered_questions": count_of(Question.id, *_unanswered(user, now)),
            "has_expertise": _expertise(user).exists(),
            "my_events": count_of(Event.id, *_upcoming_events(user, now))}


def blocks(user, now: datetime, today: date, total: dict) -> dict:
    """Every block of an adviser's start page; a block with nothing to show costs no query."""
    return {"queue_numbers": queue_numbers(total),
            "due_today": first_response_due_today(user, today, total["due_today"]),
            "unanswered_questions": unanswered_questions(user, now, total),
            "my_events": next_events(user, now, total["my_events"])}


def queue_numbers(total: dict) -> QueueNumbers:
    """The open tickets of the adviser's programmes, counted four ways (from the totals)."""
    if not total["advises"]:
        return QueueNumbers(has_programmes=False)
    return QueueNumbers(new=total["queue_new"], mine=total["queue_mine"], overdue=total["queue_overdue"],
                        waiting_for_me=total["queue_waiting_for_me"])


def first_response_due_today(user, today: date, total: int) -> Block:
    """Open tickets of the adviser's programmes whose first answer is due today and not given yet."""
    if not total:
        return Block()
    due = (Ticket.programme_id.in_(_programme_ids(user)), first_response_due_today_clause(today))
    tickets = db.session.scalars(
        select(Ticket).where(*due)
        .options(joinedload(Ticket.organisation), joinedload(Ticket.assignee), joinedload(Ticket.programme))
        .order_by(Ticket.created_at, Ticket.id).limit(LIMIT))
    return Block(total=total, items=list(tickets))


def unanswered_questions(user, now: datetime, total: dict) -> Block:
    """Peer questions without answers, older than a day, in the themes of the adviser's expertise.

    Programmes have no themes of their own, so the adviser's expertise stands in for them.
    ``extra["has_expertise"]`` is False when the adviser chose no themes yet.
    """
    extra = {"has_expertise": bool(total["has_expertise"])}
    if not total["unanswered_questions"]:
        return Block(extra=extra)
    questions = db.session.scalars(
        select(Question).where(*_unanswered(user, now)).options(selectinload(Question.themes))
        .order_by(Question.created_at, Question.id).limit(LIMIT))
    return Block(total=total["unanswered_questions"], items=list(questions), extra=extra)


def next_events(user, now: datetime, total: int) -> Block:
    """Events the member organises that have not ended, soonest first (drafts included)."""
    if not total:
        return Block()
    events = db.session.scalars(
        select(Event).where(*_upcoming_events(user, now)).order_by(Event.starts_at, Event.id).limit(LIMIT))
    return Block(total=total, items=list(events))
