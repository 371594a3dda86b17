"""Whose turn a ticket is, in SQL: the queue's filters and the start page's numbers share it."""

from datetime import date

from sqlalchemy import and_, or_, select

from ..auth.models import User
from .models import OPEN_STATUSES, Ticket, TicketMessage

FORUMS_TURN = ("new", "open")  # "waiting" is the requester's turn


def last_reply_role():
    """The role of whoever wrote the ticket's latest public reply (None: no reply yet)."""
    return (select(User.role).join(TicketMessage, TicketMessage.author_id == User.id)
            .where(TicketMessage.ticket_id == Ticket.id, TicketMessage.kind == "reply")
            .order_by(TicketMessage.id.desc()).limit(1).correlate(Ticket).scalar_subquery())


def waiting_for_clause(user):
    """SQL: assigned to the adviser, FORUM's turn, and the requester's side spoke last."""
    return and_(Ticket.assignee_id == user.id, Ticket.status.in_(FORUMS_TURN),
                or_(Ticket.first_responded_at.is_(None), last_reply_role() == "officer"))


def first_response_due_today_clause(today: date):
    """SQL: open, not answered yet, and the first response is due today."""
    return and_(Ticket.status.in_(OPEN_STATUSES), Ticket.first_responded_at.is_(None),
                Ticket.first_response_due == today)
