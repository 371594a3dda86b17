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
from ...taxonomy.models import Theme
from .common import LIMIT, Block, count_where

UNANSWERED_AFTER = timedelta(days=1)


@dataclass
class QueueNumbers:
    """The adviser's open tickets in four numbers."""

    new: int = 0  # nobody has taken it yet
    mine: int = 0  # assigned to me and open
    overdue: int = 0  # a service-level target passed
    waiting_for_me: int = 0  # mine, and the requester spoke last (or nobody from FORUM did yet)
    has_programmes: bool = True


def blocks(user, now: datetime, today: date) -> dict:
    """Every block of an adviser's start page."""
    programme_ids = [p.id for p in user.programmes]
    return {"queue_numbers": queue_numbers(user, programme_ids, today),
            "due_today": first_response_due_today(programme_ids, today),
            "unanswered_questions": unanswered_questions(user, now),
            "my_events": next_events(user, now)}


def queue_numbers(user, programme_ids: list[int], today: date) -> QueueNumbers:
    """Count the open tickets of the adviser's programmes four ways, in one query."""
    if not programme_ids:
        return QueueNumbers(has_programmes=False)

    def number(condition):
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    row = db.session.execute(
        select(number(Ticket.assignee_id.is_(None)), number(Ticket.assignee_id == user.id),
               number(overdue_clause(today)), number(waiting_for_clause(user)))
        .where(Ticket.programme_id.in_(programme_ids), Ticket.status.in_(OPEN_STATUSES))).one()
    return QueueNumbers(*(int(value) for value in row))


def first_response_due_today(programme_ids: list[int], today: date) -> Block:
    """Open tickets of these programmes whose first answer is due today and not given yet."""
    if not programme_ids:
        return Block()
    due = (Ticket.programme_id.in_(programme_ids), first_response_due_today_clause(today))
    tickets = list(db.session.scalars(
        select(Ticket).where(*due)
        .options(joinedload(Ticket.organisation), joinedload(Ticket.assignee), joinedload(Ticket.programme))
        .order_by(Ticket.created_at, Ticket.id).limit(LIMIT)))
    return Block(total=count_where(Ticket.id, *due), items=tickets)


def unanswered_questions(user, now: datetime) -> Block:
    """Peer questions without answers, older than a day, in the themes of the adviser's expertise.

    Programmes have no themes of their own, so the adviser's expertise stands in for them.
    ``extra["has_expertise"]`` is False when the adviser chose no themes yet.
    """
    expertise = select(user_expertise.c.theme_id).where(user_expertise.c.user_id == user.id)
    waiting = (Question.is_hidden.is_(False), Question.answer_count == 0,
               Question.created_at <= now - UNANSWERED_AFTER,
               Question.themes.any(Theme.id.in_(expertise)))
    questions = list(db.session.scalars(
        select(Question).where(*waiting).options(selectinload(Question.themes))
        .order_by(Question.created_at, Question.id).limit(LIMIT)))
    total = count_where(Question.id, *waiting)
    has_expertise = bool(questions) or bool(db.session.scalar(select(expertise.exists())))
    return Block(total=total, items=questions, extra={"has_expertise": has_expertise})


def next_events(user, now: datetime) -> Block:
    """Events the member organises that have not ended, soonest first (drafts included)."""
    upcoming = (Event.organisers.any(User.id == user.id), Event.ends_at > now, Event.status != "cancelled")
    events = list(db.session.scalars(
        select(Event).where(*upcoming).order_by(Event.starts_at, Event.id).limit(LIMIT)))
    return Block(total=count_where(Event.id, *upcoming), items=events)
