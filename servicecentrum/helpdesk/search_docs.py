"""Published helpdesk answers are documents in the unified search: the "helpdesk" type.

Only a ticket whose requester consented and that a handler published is indexed; the
document holds the question and FORUM's public replies (never internal notes), anonymised
unless the requester consented to be named. Every member may find it.

Publishing, unpublishing and consent changes enqueue the ticket themselves (conversion.py);
``services.add_message`` enqueues a published ticket that gets a new message.
"""

from flask import current_app, has_request_context, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from ..extensions import db
from ..policies import is_member
from ..search.registry import DocumentType, IndexedDoc, register
from ..text import strip_markdown
from .conversion import published_answer
from .models import Ticket, TicketMessage

DOC_TYPE = "helpdesk"


def _published():
    return select(Ticket).where(Ticket.published_at.is_not(None), Ticket.publish_consent.is_(True))


def load_tickets(ids: list[int]) -> dict[int, IndexedDoc]:
    """Return the index entries of the published answers among ids."""
    if not ids:
        return {}
    statement = (_published().where(Ticket.id.in_(list(ids)))
                 .options(joinedload(Ticket.requester), joinedload(Ticket.organisation),
                          joinedload(Ticket.theme),
                          selectinload(Ticket.messages).joinedload(TicketMessage.author)))
    docs = {}
    for ticket in db.session.scalars(statement).unique():
        content = published_answer(ticket)
        body = "\n\n".join(strip_markdown(text) for text in [content.question, *content.replies])
        docs[ticket.id] = IndexedDoc(doc_type=DOC_TYPE, doc_id=ticket.id, title=content.subject, body=body,
                                     facets={"theme": [ticket.theme.slug] if ticket.theme else []})
    return docs


def ticket_ids() -> list[int]:
    """Return the ids of every published answer."""
    return list(db.session.scalars(_published().with_only_columns(Ticket.id).order_by(Ticket.id)))


def visible_ticket_ids(user, ids: list[int]) -> set[int]:
    """Every member may read a published answer."""
    if not ids or not is_member(user):
        return set()
    return set(db.session.scalars(_published().with_only_columns(Ticket.id).where(Ticket.id.in_(list(ids)))))


def answer_url(ticket_id: int) -> str:
    """The members' page of the published answer (the ticket itself stays private)."""
    if has_request_context():
        return url_for("helpdesk.published_answer", ticket_id=ticket_id)
    with current_app.test_request_context():
        return url_for("helpdesk.published_answer", ticket_id=ticket_id)


register(DocumentType(name=DOC_TYPE, label=_l("Helpdeskantwoord"), load=load_tickets, all_ids=ticket_ids,
                      visible_ids=visible_ticket_ids, url=answer_url))
