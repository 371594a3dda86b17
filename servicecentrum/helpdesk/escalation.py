"""SLA breaches: e-mail the programme's advisers once per missed target (run by cron).

A target is missed when today (Amsterdam) is after its due date while the ticket is open; the
first-response target only counts until the first public reply. Each ticket's mails, its
escalation stamps and its history line are committed together, so a crash halfway leaves
every ticket either fully escalated or not at all, and a second run sends nothing new. A stamp
is claimed with a conditional UPDATE, so two runs at the same time still mail only once.
"""

from dataclasses import dataclass
from datetime import date, datetime

from flask_babel import gettext as _
from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import selectinload

from ..database import utcnow
from ..extensions import db
from ..notifications.services import queue_mail
from ..taxonomy.models import Programme
from . import sla
from .history import log_change
from .models import OPEN_STATUSES, Ticket
from .services import ticket_url


@dataclass
class EscalationReport:
    tickets: int = 0
    first_response: int = 0
    resolution: int = 0
    mails: int = 0


def candidates(today: date) -> list[Ticket]:
    """Open tickets with a passed target that was not escalated yet (advisers loaded up front)."""
    first_due = and_(Ticket.first_responded_at.is_(None), Ticket.first_response_due < today,
                     Ticket.first_response_escalated_at.is_(None))
    resolution_due = and_(Ticket.resolution_due < today, Ticket.resolution_escalated_at.is_(None))
    return list(db.session.scalars(
        select(Ticket).where(Ticket.status.in_(OPEN_STATUSES), or_(first_due, resolution_due))
        .options(selectinload(Ticket.programme).selectinload(Programme.advisers),
                 selectinload(Ticket.assignee), selectinload(Ticket.organisation))
        .order_by(Ticket.id)))


def recipients(ticket: Ticket) -> list:
    """The programme's active advisers, and the assignee if somebody else (each once)."""
    people = [a for a in ticket.programme.advisers if a.is_active and a.is_adviser]
    assignee = ticket.assignee
    if assignee is not None and assignee.is_active and assignee not in people:
        people.append(assignee)
    return people


def _claim(ticket: Ticket, column, now: datetime) -> bool:
    """Stamp the target as escalated unless another run did so first (two cron jobs, one mail)."""
    result = db.session.execute(
        update(Ticket).where(Ticket.id == ticket.id, column.is_(None)).values({column: now})
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        return False
    setattr(ticket, column.key, now)
    return True


def escalate_ticket(ticket: Ticket, today: date, now: datetime, report: EscalationReport) -> None:
    """Mail about this ticket's newly missed targets, stamp them and log it (the caller commits)."""
    breaches = []
    if (ticket.first_response_escalated_at is None and sla.first_response_overdue(ticket, today)
            and _claim(ticket, Ticket.first_response_escalated_at, now)):
        breaches.append((_("Eerste reactie"), ticket.first_response_due))
        report.first_response += 1
    if (ticket.resolution_escalated_at is None and sla.resolution_overdue(ticket, today)
            and _claim(ticket, Ticket.resolution_escalated_at, now)):
        breaches.append((_("Oplossing"), ticket.resolution_due))
        report.resolution += 1
    if not breaches:
        return
    report.tickets += 1
    people = recipients(ticket)
    subject = _("Termijn verstreken: %(subject)s", subject=ticket.subject)
    for adviser in people:
        queue_mail(adviser.email, subject, "helpdesk_escalation", ticket=ticket, recipient=adviser,
                   breaches=breaches, url=ticket_url(ticket))
    report.mails += len(people)
    missed = ", ".join(_("%(target)s (uiterlijk %(date)s)", target=label.lower(), date=f"{due:%d-%m-%Y}")
                       for label, due in breaches)
    if people:
        line = _("Termijn verstreken: %(missed)s; gemeld aan %(names)s",
                 missed=missed, names=", ".join(a.name for a in people))
    else:
        line = _("Termijn verstreken: %(missed)s; het programma heeft geen actieve adviseur om te mailen",
                 missed=missed)
    log_change(ticket, None, "escalated", new=line, internal=True)


def escalate(today: date | None = None, now: datetime | None = None) -> EscalationReport:
    """Escalate every open ticket with a newly missed target; commit ticket by ticket."""
    today = today or sla.today()
    report = EscalationReport()
    for ticket in candidates(today):
        escalate_ticket(ticket, today, now or utcnow(), report)
        db.session.commit()
    return report
