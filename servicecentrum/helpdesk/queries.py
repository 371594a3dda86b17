"""Read-side helpers for the ticket pages (no N+1: relations loaded up front)."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from ..extensions import db
from .models import CannedReply, Ticket, TicketChange, TicketMessage


def ticket_with_details(ticket_id: int) -> Ticket | None:
    """The ticket with everything its detail page shows."""
    return db.session.scalar(
        select(Ticket).where(Ticket.id == ticket_id)
        .options(joinedload(Ticket.requester), joinedload(Ticket.organisation),
                 joinedload(Ticket.programme), joinedload(Ticket.assignee), joinedload(Ticket.theme),
                 selectinload(Ticket.messages).joinedload(TicketMessage.author),
                 selectinload(Ticket.attachments),
                 selectinload(Ticket.changes).joinedload(TicketChange.actor)))


def canned_replies_for(programme_id: int) -> list[CannedReply]:
    return list(db.session.scalars(
        select(CannedReply).where(CannedReply.programme_id == programme_id).order_by(CannedReply.title)))
