"""What the requester and handler pages need: their lists, a ticket as this user may see it,
and filing or answering with attachments in one transaction.

Every list and the detail page load their relations up front, so the number of queries does
not grow with the number of tickets, messages or history lines.
"""

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from .. import caching
from ..extensions import db
from ..paging import Page, paginate
from ..policies import can_handle_ticket
from ..taxonomy.models import Programme
from . import attachments, services, sla
from .labels import STATUS_LABELS
from .models import Ticket, TicketAttachment

PER_PAGE = 25

# History lines: what each kind of change is called on the page.
CHANGE_LABELS = {
    "created": _l("Vraag ingediend"),
    "routed": _l("Doorgestuurd (routering)"),
    "status": _l("Status gewijzigd"),
    "assignee": _l("Behandelaar gewijzigd"),
    "priority": _l("Prioriteit gewijzigd"),
    "programme": _l("Programma gewijzigd"),
    "service_level": _l("Dienstverlening gewijzigd"),
    "time": _l("Tijd geschreven"),
    "quote": _l("Offerte verstuurd"),
    "quote_accepted": _l("Offerte geaccepteerd"),
    "quote_declined": _l("Offerte afgewezen"),
    "survey": _l("Tevredenheid"),
    "signal": _l("Gemarkeerd als signaal (intern)"),
    "escalated": _l("Termijn verstreken"),
    "posted_to_thread": _l("Geplaatst als expertantwoord in de draad"),
    "practice": _l("Praktijk gemaakt voor de bibliotheek"),
    "consent": _l("Toestemming voor publicatie gewijzigd"),
    "published": _l("Antwoord gepubliceerd"),
    "unpublished": _l("Publicatie ingetrokken"),
}


def change_label(action: str) -> str:
    return str(CHANGE_LABELS.get(action, action.replace("_", " ").capitalize()))


def change_value(change, value: str | None) -> str | None:
    """Status values are stored as keys; show their Dutch label."""
    if change.action == "status" and value in STATUS_LABELS:
        return str(STATUS_LABELS[value])
    return value


def _list(statement, page: int) -> Page:
    """One page, most recently changed first, not counted (the page shows no total)."""
    statement = statement.options(joinedload(Ticket.programme), joinedload(Ticket.requester)).order_by(
        Ticket.updated_at.desc(), Ticket.id.desc())
    return paginate(statement, page, PER_PAGE)


def my_tickets(user, page: int = 1) -> Page:
    """One page of the tickets the member filed, most recently changed first."""
    return _list(select(Ticket).where(Ticket.requester_id == user.id), page)


def organisation_tickets(user, page: int = 1):
    """One page of colleagues' tickets, or None when the organisation does not share them."""
    organisation = user.organisation
    if organisation is None or not organisation.shares_tickets:
        return None
    return _list(select(Ticket).where(Ticket.organisation_id == organisation.id,
                                      (Ticket.requester_id != user.id) | Ticket.requester_id.is_(None)),
                 page)


def themes() -> list:
    """Every theme by name, for the question form (the kept list: the same for every member)."""
    return list(caching.themes())


def programmes() -> list[Programme]:
    return list(db.session.scalars(select(Programme).order_by(Programme.name)))


def find_attachment(ticket_id: int, attachment_id: int) -> TicketAttachment | None:
    return db.session.scalar(
        select(TicketAttachment).where(TicketAttachment.id == attachment_id,
                                       TicketAttachment.ticket_id == ticket_id)
        .options(joinedload(TicketAttachment.ticket).joinedload(Ticket.organisation)))


@dataclass
class TicketView:
    """A ticket as one user may see it: internal notes, files and history only for handlers."""

    ticket: Ticket
    is_handler: bool
    messages: list = field(default_factory=list)
    ticket_files: list = field(default_factory=list)
    message_files: dict = field(default_factory=dict)
    changes: list = field(default_factory=list)
    first_response_overdue: bool = False
    resolution_overdue: bool = False


def view_of(ticket: Ticket, user, today=None) -> TicketView:
    """Filter what the page shows; the ticket came from queries.ticket_with_details."""
    today = today or sla.today()
    handler = can_handle_ticket(user, ticket)
    view = TicketView(ticket=ticket, is_handler=handler,
                      first_response_overdue=sla.first_response_overdue(ticket, today),
                      resolution_overdue=sla.resolution_overdue(ticket, today))
    view.messages = [m for m in ticket.messages if handler or not m.is_internal]
    shown = {m.id for m in view.messages}
    for attachment in ticket.attachments:
        if attachment.is_internal and not handler:
            continue
        if attachment.message_id is None:
            view.ticket_files.append(attachment)
        elif attachment.message_id in shown:
            view.message_files.setdefault(attachment.message_id, []).append(attachment)
    view.changes = [c for c in ticket.changes if handler or not c.is_internal]
    return view


def file_ticket(requester, data: services.TicketData, uploads) -> Ticket:
    """File the ticket and store its attachments in one transaction (files removed on failure)."""
    with attachments.one_transaction() as stored:
        ticket = services.create_ticket(requester, data, commit=False)
        stored.extend(attachments.attach(requester, ticket, uploads))
    return ticket


def post_message(ticket: Ticket, actor, body: str, kind: str = "reply", canned_reply_id=None,
                 uploads=(), new_status: str | None = None):
    """Add a reply or note with its attachments, then change the status (all or nothing)."""
    from .workspace import send_from_workspace

    return send_from_workspace(actor, ticket, kind, body, uploads, status_after=new_status,
                               canned_reply_id=canned_reply_id).message
