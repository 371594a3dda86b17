"""Read-side helpers for the ticket pages (no N+1: relations loaded up front)."""

from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.orm import joinedload, selectinload

from .. import caching
from ..extensions import db
from ..notifications.inbox import Notification
from ..surveys.models import SurveyResponse
from .billing_queries import allowance_used_column
from .models import CannedReply, Quote, Ticket, TicketChange, TicketMessage, TimeEntry


def ticket_with_details(ticket_id: int) -> Ticket | None:
    """The ticket with everything its detail page shows."""
    return db.session.scalar(
        select(Ticket).where(Ticket.id == ticket_id)
        .options(joinedload(Ticket.requester), joinedload(Ticket.organisation),
                 joinedload(Ticket.programme), joinedload(Ticket.assignee), joinedload(Ticket.theme),
                 selectinload(Ticket.messages).joinedload(TicketMessage.author),
                 selectinload(Ticket.attachments),
                 selectinload(Ticket.changes).joinedload(TicketChange.actor)))


@dataclass(frozen=True)
class CannedText:
    """A programme's canned reply as the composer offers it."""

    id: int
    title: str
    body: str


@caching.cached_list("canned_replies", tables=("canned_replies",))
def canned_replies_for(programme_id: int) -> tuple[CannedText, ...]:
    """The programme's canned replies by title (the same for each of its advisers, so kept)."""
    return tuple(CannedText(reply.id, reply.title, reply.body) for reply in db.session.scalars(
        select(CannedReply).where(CannedReply.programme_id == programme_id).order_by(CannedReply.title)))


@dataclass(frozen=True)
class TicketFacts:
    """What the ticket page's parts need to know before they load anything."""

    unread: bool  # the member has an unread notification about the ticket
    survey_response_id: int | None  # the requester's rating, once given
    has_quotes: bool
    has_time_entries: bool
    allowance_used: int  # free minutes the ticket's organisation used in the year


def page_facts(ticket: Ticket, user, year: int) -> TicketFacts:
    """Ask what the page's parts need to know in one query, so a part with nothing to show loads nothing.

    Each part of the page asks; the answer is kept until the session writes (``caching.memo``).
    """
    def ask() -> TicketFacts:
        row = db.session.execute(select(
            exists().where(Notification.user_id == user.id, Notification.read_at.is_(None),
                           Notification.subject_type == "ticket", Notification.subject_id == ticket.id),
            select(SurveyResponse.id).where(SurveyResponse.subject_type == "ticket",
                                            SurveyResponse.subject_id == ticket.id)
            .order_by(SurveyResponse.id).limit(1).scalar_subquery(),
            exists().where(Quote.ticket_id == ticket.id),
            exists().where(TimeEntry.ticket_id == ticket.id),
            allowance_used_column(ticket.organisation_id or 0, year))).one()
        return TicketFacts(bool(row[0]), row[1], bool(row[2]), bool(row[3]), int(row[4] or 0))

    return caching.memo(("ticket_page_facts", ticket.id, user.id, year), ask)


def survey_response(facts: TicketFacts) -> SurveyResponse | None:
    """The ticket's survey response, without a query when there is none."""
    return db.session.get(SurveyResponse, facts.survey_response_id) if facts.survey_response_id else None
