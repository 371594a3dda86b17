"""Use cases of the helpdesk core: file, reply, note, change status, assign, move, prioritise.

Each function commits its own change; notifications (and the e-mails members chose) are added
in the same transaction through the notification centre. Internal notes never notify the requester.
"""

from dataclasses import dataclass

from flask_babel import gettext as _

from ..database import utcnow
from ..extensions import db
from ..notifications.centre import notify
from ..notifications.services import queue_mail
from ..search.outbox import enqueue
from ..urls import absolute_url
from . import queries, sla
from .history import log_change
from .labels import PRIORITY_LABELS, STATUS_LABELS
from .models import MESSAGE_KINDS, PRIORITIES, STATUSES, Ticket, TicketMessage
from .routing import NoProgramme, least_loaded_adviser, route


class HelpdeskError(Exception):
    """A helpdesk rule was broken; the message is Dutch and may be shown."""


@dataclass
class TicketData:
    """What the requester typed."""

    subject: str
    body: str
    theme_id: int | None = None


def ticket_url(ticket: Ticket) -> str:
    return absolute_url("helpdesk.detail", ticket_id=ticket.id)


def _mail_requester(ticket: Ticket, subject: str, template: str, **context) -> None:
    requester = ticket.requester
    if requester is not None and requester.is_active:
        queue_mail(requester.email, subject, template, ticket=ticket, recipient=requester,
                   url=ticket_url(ticket), **context)


def ticket_path(ticket: Ticket) -> str:
    return f"/helpdesk/{ticket.id}"


def _notify_requester(ticket: Ticket, actor_id, kind: str, text: str, subject: str, template: str,
                      **context) -> None:
    """Notify the requester about their ticket; mailed as they chose for the kind."""
    notify([ticket.requester], kind, text, ticket_path(ticket), actor_id=actor_id,
           subject=("ticket", ticket.id), mail_template=template, mail_subject=subject, ticket=ticket,
           url=ticket_url(ticket), **context)


def _notify_handlers(ticket: Ticket, actor, kind: str, text: str, subject: str, template: str,
                     **context) -> None:
    """Notify the assignee, or every active adviser of the programme when nobody is assigned."""
    recipients = [ticket.assignee] if ticket.assignee is not None else ticket.programme.advisers
    notify(recipients, kind, text, ticket_path(ticket), actor_id=getattr(actor, "id", None),
           subject=("ticket", ticket.id), mail_template=template, mail_subject=subject, ticket=ticket,
           url=ticket_url(ticket), **context)


def create_ticket(requester, data: TicketData, question=None, now=None, commit: bool = True) -> Ticket:
    """File a ticket, route it, set its due dates and confirm it by e-mail.

    With ``commit=False`` the ticket is only flushed, so the caller can add attachments first.
    """
    now = now or utcnow()
    subject, body = data.subject.strip(), (data.body or "").strip()
    if not subject:
        raise HelpdeskError(_("Geef uw vraag een onderwerp."))
    organisation = requester.organisation
    try:
        decision = route(subject, body, data.theme_id, organisation)
    except NoProgramme:
        raise HelpdeskError(_("De helpdesk is nog niet ingericht. Probeer het later opnieuw.")) from None
    ticket = Ticket(subject=subject, body=body, theme_id=data.theme_id, requester=requester,
                    organisation=organisation, programme=decision.programme,
                    assignee=decision.adviser, routing_rule=decision.rule,
                    routing_note=decision.note, question=question, status="new", priority="normal",
                    service_level="basic", created_at=now, updated_at=now)
    sla.set_due_dates(ticket, now)
    db.session.add(ticket)
    log_change(ticket, requester, "created", new=subject)
    log_change(ticket, None, "routed", new=decision.note, internal=True)
    if decision.adviser is not None:
        log_change(ticket, None, "assignee", new=decision.adviser.name)
    db.session.flush()
    _mail_requester(ticket, _("Uw vraag is ontvangen: %(subject)s", subject=subject), "helpdesk_received")
    _notify_handlers(ticket, requester, "helpdesk_new_ticket",
                     _("Nieuwe helpdeskvraag voor %(programme)s: '%(subject)s'",
                       programme=ticket.programme.name, subject=subject),
                     _("Nieuwe helpdeskvraag: %(subject)s", subject=subject), "helpdesk_new_ticket")
    if commit:
        db.session.commit()
    return ticket


def add_message(ticket: Ticket, actor, body: str, kind: str = "reply",
                canned_reply_id: int | None = None, now=None, commit: bool = True) -> TicketMessage:
    """Add a public reply or (staff only) an internal note; mail whoever should know."""
    now = now or utcnow()
    body = (body or "").strip()
    if kind not in MESSAGE_KINDS:
        raise HelpdeskError(_("Kies een antwoord of een interne notitie."))
    if not body:
        raise HelpdeskError(_("Typ eerst een bericht."))
    if ticket.status == "closed":
        raise HelpdeskError(_("Deze vraag is gesloten; stel een nieuwe vraag."))
    staff = actor.is_staff
    if kind == "note" and not staff:
        raise HelpdeskError(_("Alleen FORUM-adviseurs maken interne notities."))
    message = TicketMessage(author=actor, kind=kind, body=body, canned_reply_id=canned_reply_id,
                            created_at=now)
    ticket.messages.append(message)
    ticket.updated_at = now
    if ticket.published_at is not None:
        enqueue("helpdesk", ticket.id)  # the published answer shows FORUM's public replies
    if kind == "reply" and staff:
        if ticket.first_responded_at is None:
            ticket.first_responded_at = now
        if ticket.status == "new":
            _set_status(ticket, actor, "open", now)
        _notify_requester(ticket, actor.id, "helpdesk_reply",
                          _("%(name)s beantwoordde uw helpdeskvraag '%(subject)s'", name=actor.name,
                            subject=ticket.subject),
                          _("Antwoord op uw vraag: %(subject)s", subject=ticket.subject),
                          "helpdesk_reply", message=message)
    elif kind == "reply":
        if ticket.status in ("waiting", "resolved"):
            _set_status(ticket, actor, "open", now)
        _notify_handlers(ticket, actor, "helpdesk_requester_reply",
                         _("%(name)s reageerde op de helpdeskvraag '%(subject)s'", name=actor.name,
                           subject=ticket.subject),
                         _("Reactie van de vrager: %(subject)s", subject=ticket.subject),
                         "helpdesk_requester_reply", message=message)
    if commit:
        db.session.commit()
    return message


def _set_status(ticket: Ticket, actor, status: str, now) -> None:
    log_change(ticket, actor, "status", old=ticket.status, new=status)
    ticket.status = status
    if status == "resolved":
        ticket.resolved_at = now
    elif status == "closed":
        ticket.closed_at = now
        ticket.resolved_at = ticket.resolved_at or now
    else:
        ticket.resolved_at = None
        ticket.closed_at = None


def change_status(ticket: Ticket, actor, status: str, now=None, commit: bool = True) -> None:
    """Move the ticket to another status; the requester hears of it, with a survey when resolved."""
    now = now or utcnow()
    if status not in STATUSES:
        raise HelpdeskError(_("Kies een geldige status."))
    if status == ticket.status:
        return
    _set_status(ticket, actor, status, now)
    invite = status in ("resolved", "closed") and ticket.survey_sent_at is None
    if invite:
        ticket.survey_sent_at = now
    # With a survey invitation the requester hears of it even when they closed the ticket themselves.
    _notify_requester(ticket, None if invite else actor.id, "helpdesk_status",
                      _("Uw helpdeskvraag '%(subject)s' heeft nu de status: %(status)s",
                        subject=ticket.subject, status=STATUS_LABELS[status]),
                      _("Uw vraag is %(status)s: %(subject)s",
                        status=str(STATUS_LABELS[status]).lower(), subject=ticket.subject),
                      "helpdesk_status", status_label=STATUS_LABELS[status],
                      survey_url=absolute_url("helpdesk.survey", ticket_id=ticket.id) if invite else None)
    if commit:
        db.session.commit()


def assign(ticket: Ticket, actor, assignee, commit: bool = True) -> None:
    """Give the ticket to an adviser of its programme, or to nobody."""
    if assignee is not None and (not assignee.is_active or ticket.programme not in assignee.programmes):
        raise HelpdeskError(_("Kies een adviseur van het programma %(name)s.", name=ticket.programme.name))
    if assignee == ticket.assignee:
        return
    log_change(ticket, actor, "assignee", old=getattr(ticket.assignee, "name", None),
               new=getattr(assignee, "name", None))
    ticket.assignee = assignee
    if assignee is not None and assignee != actor:
        notify([assignee], "helpdesk_assigned",
               _("De helpdeskvraag '%(subject)s' is aan u toegewezen", subject=ticket.subject),
               ticket_path(ticket), actor_id=getattr(actor, "id", None), subject=("ticket", ticket.id),
               mail_template="helpdesk_assigned",
               mail_subject=_("Helpdeskvraag aan u toegewezen: %(subject)s", subject=ticket.subject),
               ticket=ticket, url=ticket_url(ticket))
    if commit:
        db.session.commit()


def move_to_programme(ticket: Ticket, actor, programme) -> None:
    """Reassign the ticket to another programme; its least-loaded adviser takes it over."""
    if programme == ticket.programme:
        return
    log_change(ticket, actor, "programme", old=ticket.programme.name, new=programme.name)
    ticket.programme = programme
    ticket.routing_note = f"Handmatig doorgezet naar {programme.name} door {actor.name}"[:300]
    log_change(ticket, actor, "routed", new=ticket.routing_note, internal=True)
    ticket.assignee = None
    assign(ticket, actor, least_loaded_adviser(programme), commit=False)
    db.session.commit()


def set_priority(ticket: Ticket, actor, priority: str) -> None:
    """Set the ticket's priority (handlers only; the caller checked)."""
    if priority not in PRIORITIES:
        raise HelpdeskError(_("Kies een geldige prioriteit."))
    if priority == ticket.priority:
        return
    log_change(ticket, actor, "priority", old=PRIORITY_LABELS[ticket.priority], new=PRIORITY_LABELS[priority])
    ticket.priority = priority
    db.session.commit()


def get_ticket(ticket_id: int) -> Ticket | None:
    return queries.ticket_with_details(ticket_id)
