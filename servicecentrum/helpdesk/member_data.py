"""The helpdesk's part of a member's data: the export section and what deleting an account does.

Export: the tickets the member filed, with only what they could see on the ticket page —
subject, question, status, dates, public replies and public attachments (names, not files) —
their own replies on colleagues' shared tickets, and their survey answers. Internal notes,
internal attachments, time entries, quotes and the (partly internal) history never leave FORUM.

Deletion: the personal content of the member's tickets goes — every message and attachment
(rows and files), the subject and question text (replaced by "Verwijderd op verzoek van het
lid"), the subject kept in the history, and any publication of the answer. The ticket row
itself stays, with the requester set to NULL by the database, because its time entries,
quotes and organisation are FORUM's and the organisation's administration: the declarations
report (hours spent, free and billable, per organisation and quarter) must not change when a
member leaves. Survey comments are deleted; the rating stays, anonymous (respondent NULL), so
the satisfaction figures of the programmes do not change either. Replies the member wrote on
colleagues' shared tickets stay, shown as "voormalig lid", like their posts in the forum.
"""

import logging
from pathlib import Path

from sqlalchemy import and_, delete, event, select, update
from sqlalchemy.orm import Session, joinedload, selectinload

from ..account.export import register_export_section
from ..account.services import register_before_delete
from ..extensions import db
from ..library.attachments import upload_dir
from ..search.outbox import enqueue
from ..surveys.models import SurveyResponse
from .labels import STATUS_LABELS
from .models import Ticket, TicketAttachment, TicketChange, TicketMessage
from .search_docs import DOC_TYPE

log = logging.getLogger(__name__)

REMOVED = "Verwijderd op verzoek van het lid"
FILES_KEY = "helpdesk_files_to_remove"


def _message(message: TicketMessage, user) -> dict:
    return {"id": message.id, "from_me": message.author_id == user.id, "body": message.body,
            "created_at": message.created_at}


def _attachment(attachment: TicketAttachment) -> dict:
    return {"id": attachment.id, "filename": attachment.filename, "content_type": attachment.content_type,
            "size": attachment.size, "created_at": attachment.created_at}


def _ticket(ticket: Ticket, user) -> dict:
    return {
        "id": ticket.id,
        "subject": ticket.subject,
        "body": ticket.body,
        "status": ticket.status,
        "status_label": str(STATUS_LABELS.get(ticket.status, ticket.status)),
        "service_level": ticket.service_level,
        "programme": ticket.programme.name if ticket.programme else None,
        "theme": ticket.theme.name if ticket.theme else None,
        "created_at": ticket.created_at,
        "updated_at": ticket.updated_at,
        "resolved_at": ticket.resolved_at,
        "closed_at": ticket.closed_at,
        "publish_consent": ticket.publish_consent,
        "publish_named": ticket.publish_named,
        "messages": [_message(m, user) for m in ticket.messages if m.kind == "reply"],
        "attachments": [_attachment(a) for a in ticket.attachments if not a.is_internal],
    }


def helpdesk_section(user) -> dict:
    """Return the tickets the member filed (public parts only) and their survey answers.

    Two queries for a member without tickets (the export page counts its queries).
    """
    answered = and_(SurveyResponse.subject_type == "ticket", SurveyResponse.subject_id == Ticket.id,
                    SurveyResponse.respondent_id == user.id)
    rows = db.session.execute(
        select(Ticket, SurveyResponse).outerjoin(SurveyResponse, answered)
        .where(Ticket.requester_id == user.id).order_by(Ticket.id)
        .options(selectinload(Ticket.messages), selectinload(Ticket.attachments),
                 joinedload(Ticket.programme), joinedload(Ticket.theme))).all()
    elsewhere = db.session.scalars(
        select(TicketMessage).join(Ticket, Ticket.id == TicketMessage.ticket_id)
        .where(TicketMessage.author_id == user.id, TicketMessage.kind == "reply",
               (Ticket.requester_id != user.id) | Ticket.requester_id.is_(None))
        .order_by(TicketMessage.id))
    return {
        "tickets": [_ticket(ticket, user) for ticket, _response in rows],
        # Replies the member wrote on colleagues' tickets (shared by their organisation).
        "replies_on_other_tickets": [{"ticket_id": m.ticket_id, **_message(m, user)} for m in elsewhere],
        "survey_responses": [{"subject_type": r.subject_type, "subject_id": r.subject_id,
                              "rating": r.rating, "comment": r.comment, "created_at": r.created_at}
                             for _ticket_row, r in rows if r is not None],
    }


def forget_tickets(user) -> None:
    """Remove the personal content of the member's tickets; keep what the declarations need."""
    own = select(Ticket.id).where(Ticket.requester_id == user.id)
    stored = list(db.session.scalars(select(TicketAttachment.stored_name)
                                     .where(TicketAttachment.ticket_id.in_(own))))
    published = list(db.session.scalars(own.where(Ticket.published_at.is_not(None))))
    db.session.execute(delete(TicketAttachment).where(TicketAttachment.ticket_id.in_(own)))
    db.session.execute(delete(TicketMessage).where(TicketMessage.ticket_id.in_(own)))
    db.session.execute(update(TicketChange).where(TicketChange.ticket_id.in_(own),
                                                  TicketChange.action == "created")
                       .values(new_value=REMOVED, old_value=None))
    db.session.execute(update(Ticket).where(Ticket.requester_id == user.id)
                       .values(subject=REMOVED, body="", publish_consent=False, publish_named=False,
                               published_at=None))
    db.session.execute(update(SurveyResponse).where(SurveyResponse.respondent_id == user.id,
                                                    SurveyResponse.subject_type == "ticket")
                       .values(comment=""))
    for ticket_id in published:  # a published answer leaves the search index
        enqueue(DOC_TYPE, ticket_id)
    if stored:
        folder = upload_dir()
        db.session.info.setdefault(FILES_KEY, []).extend(str(folder / name) for name in stored)


def _remove_files(session) -> None:
    """After the deletion committed, remove the files (never before: a rollback keeps them)."""
    for name in session.info.pop(FILES_KEY, []):
        try:
            Path(name).unlink(missing_ok=True)
        except OSError:
            log.warning("Could not remove the file of a deleted ticket attachment: %s", name, exc_info=True)


def _keep_files(session) -> None:
    session.info.pop(FILES_KEY, None)


if not event.contains(Session, "after_commit", _remove_files):
    event.listen(Session, "after_commit", _remove_files)
    event.listen(Session, "after_rollback", _keep_files)

register_export_section("helpdesk", helpdesk_section)
register_before_delete(forget_tickets)
