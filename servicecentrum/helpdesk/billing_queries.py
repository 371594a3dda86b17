"""Read side of free and paid service: a ticket's quotes and time entries, an allowance's use."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..organisations.models import Organisation
from .models import Quote, Ticket, TimeEntry


@dataclass
class AllowanceStatus:
    """How much of an organisation's basic allowance is used in a year."""

    year: int
    used: int
    allowance: int


def find_ticket(ticket_id: int) -> Ticket | None:
    """The ticket with what the billing pages show of it."""
    return db.session.scalar(
        select(Ticket).where(Ticket.id == ticket_id)
        .options(joinedload(Ticket.organisation), joinedload(Ticket.programme),
                 joinedload(Ticket.requester), joinedload(Ticket.assignee)))


def find_quote(quote_id: int) -> Quote | None:
    """The quote with its ticket and the ticket's organisation."""
    return db.session.scalar(
        select(Quote).where(Quote.id == quote_id)
        .options(joinedload(Quote.ticket).joinedload(Ticket.organisation)))


def quotes_of(ticket_id: int) -> list[Quote]:
    """The ticket's quotes, oldest first, with who made and decided them."""
    return list(db.session.scalars(
        select(Quote).where(Quote.ticket_id == ticket_id).order_by(Quote.id)
        .options(joinedload(Quote.created_by), joinedload(Quote.decided_by))))


def entries_of(ticket_id: int) -> list[TimeEntry]:
    """The ticket's time entries by work date, with their advisers."""
    return list(db.session.scalars(
        select(TimeEntry).where(TimeEntry.ticket_id == ticket_id)
        .order_by(TimeEntry.work_date, TimeEntry.id).options(joinedload(TimeEntry.adviser))))


def allowance_used_column(organisation_id: int, year: int):
    """SQL: minutes of free time logged for the organisation with a work date in the year."""
    return (select(func.coalesce(func.sum(TimeEntry.minutes), 0))
            .where(TimeEntry.organisation_id == organisation_id, TimeEntry.billable.is_(False),
                   TimeEntry.work_date.between(date(year, 1, 1), date(year, 12, 31))).scalar_subquery())


def allowance_used(organisation_id: int, year: int) -> int:
    """Minutes of free time logged for the organisation with a work date in the year."""
    return int(db.session.scalar(select(allowance_used_column(organisation_id, year))) or 0)


def allowance_status(organisation: Organisation | None, year: int, used: int | None = None
                     ) -> AllowanceStatus | None:
    """The organisation's allowance and use in the year (None without an organisation).

    ``used`` saves the query when the caller counted the minutes already.
    """
    if organisation is None:
        return None
    if used is None:
        used = allowance_used(organisation.id, year)
    return AllowanceStatus(year, used, organisation.helpdesk_allowance_minutes)
