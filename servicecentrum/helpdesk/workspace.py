"""The adviser's workspace: one submit sends a reply or note, logs time and sets the status.

Everything happens in one transaction: when the time may not be logged (beyond the free
allowance without an accepted quote, say) nothing is sent, and stored files are removed.
"""

from dataclasses import dataclass

from flask_babel import gettext as _

from ..extensions import db
from . import attachments, billing, services, sla
from .models import STATUSES, Ticket, TicketMessage
from .services import HelpdeskError

KINDS = ("reply", "note")


@dataclass
class Sent:
    """What one workspace submit did."""

    message: TicketMessage
    minutes: int = 0
    billable: bool = False
    status_changed: bool = False


def send_from_workspace(actor, ticket: Ticket, kind: str, body: str, uploads=(),
                        status_after: str | None = None, minutes: int | None = None,
                        canned_reply_id: int | None = None, today=None) -> Sent:
    """Post a public reply or internal note, log time and change the status, all or nothing.

    :raises HelpdeskError: (or its BillingError) with a Dutch message; nothing is saved then.
    """
    if kind not in KINDS:
        raise HelpdeskError(_("Kies een openbaar antwoord of een interne notitie."))
    if not (body or "").strip():
        raise HelpdeskError(_("Typ eerst een bericht."))
    if status_after and status_after not in STATUSES:
        raise HelpdeskError(_("Kies een geldige status."))
    if minutes is not None and not 0 < minutes <= billing.MAX_ENTRY_MINUTES:
        raise HelpdeskError(_("Vul bij bestede tijd meer dan 0 en hoogstens 1440 minuten in."))
    today = today or sla.today()
    with attachments.one_transaction() as stored:
        message = services.add_message(ticket, actor, body, kind=kind, canned_reply_id=canned_reply_id,
                                       commit=False)
        db.session.flush()
        stored.extend(attachments.attach(actor, ticket, uploads, message=message,
                                         internal=message.is_internal))
        sent = Sent(message=message)
        if minutes:
            entry = billing.log_time(ticket, actor, billing.TimeData(today, minutes, _("Bij een bericht")),
                                     today=today, commit=False)
            sent.minutes, sent.billable = entry.minutes, entry.billable
        if status_after and status_after != ticket.status:
            services.change_status(ticket, actor, status_after, commit=False)
            sent.status_changed = True
    return sent
