"""Free and paid service: time entries, the yearly basic allowance and quotes.

The rules:

- Amounts are integers: minutes of work and euro cents. Forms take hours as typed by a Dutch
  adviser ("1,5" or "1.5"; at most two decimals) and turn them into whole minutes, half up.
  One time entry is more than 0 and at most 24 hours; its work date is not in the future.
- Every organisation has a basic allowance per calendar year
  (``Organisation.helpdesk_allowance_minutes``, 8 hours unless an admin changed it). The year is
  that of the entry's work date, an Amsterdam calendar date. Used = the minutes of the
  organisation's free (non-billable) entries with a work date in that year.
- On a basic ticket an adviser logs time while used + minutes <= allowance: reaching the
  allowance exactly is allowed, one minute more is refused with the advice to send a quote.
  The entry is free. A ticket without an organisation has no allowance.
- A quote is hours x the hourly rate (setting ``helpdesk_hourly_rate_cents``), rounded half up
  to whole cents. Sending one makes the ticket additional guidance, waiting for the requester,
  and mails the requester. Only one quote may be open at a time. An adviser may also mark a
  ticket as additional guidance first; a quote is then needed before more time is logged.
- On an additional ticket time is logged only when a quote has been accepted and none is open;
  those entries are billable.
- Someone of the ticket's organisation (not FORUM staff) accepts or declines; the handlers are
  mailed. Accepting reopens the ticket. Declining reopens it too and sends it back to basic
  service (unless an earlier quote was accepted): the adviser continues within the allowance.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import gettext as _
from sqlalchemy import select, update

from ..admin.settings import get_setting
from ..auth.models import User
from ..database import utcnow
from ..extensions import db
from ..notifications.centre import notify
from ..organisations.models import Organisation
from . import sla
from .billing_queries import AllowanceStatus, allowance_status, allowance_used, quotes_of
from .history import log_change
from .labels import SERVICE_LEVEL_LABELS
from .models import Quote, Ticket, TimeEntry
from .services import HelpdeskError, ticket_path, ticket_url

__all__ = ["AllowanceStatus", "BillingError", "TimeData", "allowance_status", "allowance_used",
           "create_quote", "decide_quote", "format_euros", "format_hours", "hourly_rate_cents",
           "hours_to_minutes", "log_time", "mark_additional", "quote_amount_cents", "quotes_of"]

MAX_ENTRY_MINUTES = 24 * 60
MAX_QUOTE_MINUTES = 1000 * 60
ONE = Decimal(1)


class BillingError(HelpdeskError):
    """A rule of free and paid service was broken; the message is Dutch and may be shown."""


@dataclass
class TimeData:
    """A time entry as the adviser typed it."""

    work_date: date
    minutes: int
    note: str = ""


def hours_to_minutes(hours: Decimal) -> int:
    """Whole minutes in a number of hours, half up (0,01 hour is 1 minute)."""
    return int((hours * 60).quantize(ONE, rounding=ROUND_HALF_UP))


def quote_amount_cents(minutes: int, rate_cents: int) -> int:
    """Minutes / 60 x the hourly rate, rounded half up to whole cents."""
    return int((Decimal(minutes * rate_cents) / 60).quantize(ONE, rounding=ROUND_HALF_UP))


def _dutch_number(value: Decimal, places: int) -> str:
    text = f"{value:,.{places}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def format_hours(minutes: int | None) -> str:
    """Minutes as Dutch hours with at most two decimals: 210 -> "3,5", 480 -> "8"."""
    hours = (Decimal(minutes or 0) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = _dutch_number(hours, 2)
    return text.rstrip("0").rstrip(",") if "," in text else text


def format_euros(cents: int | None) -> str:
    """Cents as a Dutch amount: 11875 -> "€ 118,75", 123456 -> "€ 1.234,56"."""
    return "€ " + _dutch_number(Decimal(cents or 0) / 100, 2)


def hourly_rate_cents() -> int:
    """The hourly rate of additional guidance now (an admin setting)."""
    return int(get_setting("helpdesk_hourly_rate_cents"))


def _check_entry(data: TimeData, today: date) -> None:
    if data.work_date > today:
        raise BillingError(_("De datum van het werk ligt in de toekomst. Kies vandaag of een eerdere dag."))
    if not 0 < data.minutes <= MAX_ENTRY_MINUTES:
        raise BillingError(_("Vul meer dan 0 en hoogstens 24 uur in."))


def _billable_or_refuse(ticket: Ticket, data: TimeData, quotes: list[Quote]) -> bool:
    """Decide whether the entry is billable; raise when it may not be logged at all."""
    if any(q.status == "sent" for q in quotes):
        raise BillingError(_("Er staat een offerte open. U schrijft weer tijd zodra de organisatie "
                             "de offerte heeft geaccepteerd."))
    if ticket.service_level == "additional":
        if not any(q.status == "accepted" for q in quotes):
            raise BillingError(_("Deze vraag is aanvullende begeleiding. Stuur eerst een offerte; "
                                 "u schrijft tijd zodra de organisatie die heeft geaccepteerd."))
        return True
    if ticket.organisation_id is None:
        raise BillingError(_("Deze vraag hoort bij geen organisatie, dus er is geen basisbudget. "
                             "Stuur een offerte voor aanvullende begeleiding."))
    # Lock the organisation so two advisers cannot both take the last free hour.
    organisation = db.session.scalar(
        select(Organisation).where(Organisation.id == ticket.organisation_id).with_for_update())
    year = data.work_date.year
    used = allowance_used(organisation.id, year)
    if used + data.minutes > organisation.helpdesk_allowance_minutes:
        raise BillingError(_(
            "Met %(hours)s uur erbij wordt het basisbudget van %(organisation)s voor %(year)s "
            "overschreden (%(used)s van %(allowance)s uur gebruikt). Voor meer tijd is een offerte "
            "voor aanvullende begeleiding nodig.",
            hours=format_hours(data.minutes), organisation=organisation.name, year=year,
            used=format_hours(used), allowance=format_hours(organisation.helpdesk_allowance_minutes)))
    return False


def log_time(ticket: Ticket, actor, data: TimeData, today: date | None = None,
             commit: bool = True) -> TimeEntry:
    """Log an adviser's time on the ticket: free within the allowance, billable after a quote.

    :raises BillingError: when the date or hours are wrong, the allowance would be exceeded,
        or the ticket needs an accepted quote first.
    """
    _check_entry(data, today or sla.today())
    billable = _billable_or_refuse(ticket, data, quotes_of(ticket.id))
    entry = TimeEntry(ticket_id=ticket.id, adviser_id=actor.id, organisation_id=ticket.organisation_id,
                      work_date=data.work_date, minutes=data.minutes, billable=billable,
                      note=(data.note or "").strip()[:300], created_at=utcnow())
    db.session.add(entry)
    log_change(ticket, actor, "time", new=_("%(hours)s uur (%(kind)s)", hours=format_hours(data.minutes),
                                            kind=_("betaald") if billable else _("gratis")),
               internal=True)
    if commit:
        db.session.commit()
    return entry


def _set_service_level(ticket: Ticket, actor, level: str) -> None:
    if ticket.service_level == level:
        return
    log_change(ticket, actor, "service_level", old=SERVICE_LEVEL_LABELS[ticket.service_level],
               new=SERVICE_LEVEL_LABELS[level])
    ticket.service_level = level
    # The due dates follow the service level's targets.
    sla.set_due_dates(ticket, utcnow())


def _reopen_or_wait(ticket: Ticket, actor, status: str) -> None:
    """Move an unresolved ticket to open or waiting (history in the core's raw status keys)."""
    if ticket.status == status:
        return
    log_change(ticket, actor, "status", old=ticket.status, new=status)
    ticket.status = status
    ticket.resolved_at = None
    ticket.closed_at = None


def mark_additional(ticket: Ticket, actor) -> None:
    """Make the ticket additional (paid) guidance; a quote is needed before more time is logged."""
    if ticket.service_level == "additional":
        raise BillingError(_("Deze vraag is al aanvullende begeleiding."))
    if not ticket.is_open:
        raise BillingError(_("Deze vraag is afgerond. Heropen haar eerst."))
    _set_service_level(ticket, actor, "additional")
    db.session.commit()


def create_quote(ticket: Ticket, actor, minutes: int, description: str, now=None) -> Quote:
    """Send the requester a quote for additional guidance; the ticket waits for the answer.

    :raises BillingError: when the ticket is finished, a quote is open, or the input is wrong.
    """
    now = now or utcnow()
    description = (description or "").strip()
    if not ticket.is_open:
        raise BillingError(_("Deze vraag is afgerond. Heropen haar eerst."))
    if not 0 < minutes <= MAX_QUOTE_MINUTES:
        raise BillingError(_("Vul meer dan 0 en hoogstens 1000 uur in."))
    if not description:
        raise BillingError(_("Beschrijf het werk waarvoor u een offerte maakt."))
    # Lock the ticket: one open quote at a time, even with two advisers at work.
    db.session.scalar(select(Ticket.id).where(Ticket.id == ticket.id).with_for_update())
    if any(q.status == "sent" for q in quotes_of(ticket.id)):
        raise BillingError(_("Er staat al een offerte open voor deze vraag. Wacht op het antwoord."))
    rate = hourly_rate_cents()
    quote = Quote(ticket_id=ticket.id, minutes=minutes, rate_cents=rate,
                  amount_cents=quote_amount_cents(minutes, rate), description=description,
                  status="sent", created_by_id=actor.id, created_at=now)
    db.session.add(quote)
    _set_service_level(ticket, actor, "additional")
    _reopen_or_wait(ticket, actor, "waiting")
    log_change(ticket, actor, "quote", new=_("%(hours)s uur, %(amount)s", hours=format_hours(minutes),
                                             amount=format_euros(quote.amount_cents)))
    notify(quote_deciders(ticket), "quote",
           _("Er ligt een offerte van %(amount)s klaar voor '%(subject)s'",
             amount=format_euros(quote.amount_cents), subject=ticket.subject),
           ticket_path(ticket), actor_id=actor.id, subject=("ticket", ticket.id),
           mail_template="helpdesk_quote",
           mail_subject=_("Offerte voor uw vraag: %(subject)s", subject=ticket.subject), ticket=ticket,
           quote=quote, hours=format_hours(minutes), amount=format_euros(quote.amount_cents),
           rate=format_euros(rate), url=ticket_url(ticket))
    db.session.commit()
    return quote


def quote_deciders(ticket: Ticket) -> list:
    """Return who can accept the ticket's quote: the requester, then the organisation's members."""
    members = [] if ticket.organisation_id is None else list(db.session.scalars(
        select(User).where(User.organisation_id == ticket.organisation_id, User.status == "active",
                           User.role == "officer").order_by(User.id)))
    return [ticket.requester, *[m for m in members if m.id != ticket.requester_id]]


def decide_quote(quote: Quote, actor, accept: bool, now=None) -> None:
    """Accept or decline a quote for the organisation, and tell the ticket's handlers.

    :raises BillingError: when someone else decided the quote first.
    """
    now = now or utcnow()
    status = "accepted" if accept else "declined"
    # A conditional update: of two colleagues deciding at once, exactly one wins.
    decided = db.session.execute(
        update(Quote).where(Quote.id == quote.id, Quote.status == "sent")
        .values(status=status, decided_by_id=actor.id, decided_at=now)
        .execution_options(synchronize_session=False))
    if decided.rowcount != 1:
        db.session.rollback()
        raise BillingError(_("Over deze offerte is al beslist."))
    db.session.refresh(quote)
    ticket = quote.ticket
    amount = format_euros(quote.amount_cents)
    log_change(ticket, actor, "quote_accepted" if accept else "quote_declined", new=amount)
    others_accepted = any(q.status == "accepted" and q.id != quote.id for q in quotes_of(ticket.id))
    if not accept and not others_accepted:
        _set_service_level(ticket, actor, "basic")
    _reopen_or_wait(ticket, actor, "open")
    recipients = [ticket.assignee] if ticket.assignee is not None else ticket.programme.advisers
    subject = (_("Offerte geaccepteerd: %(subject)s", subject=ticket.subject) if accept
               else _("Offerte afgewezen: %(subject)s", subject=ticket.subject))
    text = (_("De offerte voor '%(subject)s' is geaccepteerd", subject=ticket.subject) if accept
            else _("De offerte voor '%(subject)s' is afgewezen", subject=ticket.subject))
    notify(recipients, "quote_decided", text, ticket_path(ticket), actor_id=actor.id,
           subject=("ticket", ticket.id), mail_template="helpdesk_quote_decided", mail_subject=subject,
           ticket=ticket, quote=quote, decider=actor, accepted=accept, amount=amount,
           hours=format_hours(quote.minutes), url=ticket_url(ticket))
    db.session.commit()
