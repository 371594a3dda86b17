"""From ticket to thread, to practice and to a published answer; the requester's consent.

What leaves a ticket (an expert answer, a practice, a published answer) is built from the
question and the PUBLIC replies of FORUM staff only: internal notes never leave the ticket.
The requester's name, e-mail address and organisation are replaced by "[naam]",
"[e-mailadres]" and "[organisatie]" unless the requester consented to be named.
"""

import re
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select

from ..audit.services import record
from ..database import utcnow
from ..extensions import db
from ..forum import services as forum_services
from ..forum.models import Answer
from ..library.models import Practice
from ..library.services import PracticeData, add_step, apply_data
from ..search.outbox import enqueue
from . import queries
from .history import log_change
from .models import Ticket, TicketMessage
from .services import HelpdeskError

DONE_STATUSES = ("resolved", "closed")
NAME_PARTICLES = {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "t", "'t", "op", "von"}
ORGANISATION_PREFIXES = ("gemeente ", "stadsdeel ", "provincie ", "regio ")
SUMMARY_LENGTH = 1000


# --- What may leave a ticket -----------------------------------------------------------------


def public_staff_replies(ticket: Ticket) -> list[TicketMessage]:
    """The public replies FORUM staff gave, oldest first (never internal notes)."""
    return [m for m in ticket.messages
            if m.kind == "reply" and m.author is not None and m.author.is_staff]


def _pattern(words: list[str], ignore_case: bool) -> re.Pattern | None:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return None
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", flags)


def _name_words(name: str) -> list[str]:
    """The full name and its distinctive parts ("Anna de Vries" -> "Anna", "Vries")."""
    parts = [p for p in name.split() if p.lower() not in NAME_PARTICLES and len(p) >= 3]
    return [name.strip()] + (parts if len(parts) > 1 else [])


def _organisation_words(name: str) -> list[str]:
    """The organisation's name, also without "Gemeente" ("Gemeente Utrecht" -> "Utrecht")."""
    words = [name.strip()]
    for prefix in ORGANISATION_PREFIXES:
        if name.lower().startswith(prefix) and len(name) > len(prefix) + 2:
            words.append(name[len(prefix):].strip())
    return words


def _replace(text: str, words: list[str], placeholder: str) -> str:
    """Replace the first word in any case, the others (shorter forms) only as written."""
    for word_list, ignore_case in ((words[:1], True), (words[1:], False)):
        pattern = _pattern(word_list, ignore_case)
        text = pattern.sub(placeholder, text) if pattern else text
    return text


@dataclass
class Anonymiser:
    """Replaces the requester's name, e-mail address and organisation in a text."""

    ticket: Ticket

    def __call__(self, text: str | None) -> str:
        text = text or ""
        requester, organisation = self.ticket.requester, self.ticket.organisation
        if requester is not None and requester.email:
            text = re.sub(re.escape(requester.email), "[e-mailadres]", text, flags=re.IGNORECASE)
        if self.ticket.publish_named:
            return text
        if organisation is not None and organisation.name:
            text = _replace(text, _organisation_words(organisation.name), "[organisatie]")
        if requester is not None and requester.name:
            text = _replace(text, _name_words(requester.name), "[naam]")
        return text


@dataclass
class PublishedAnswer:
    """The question and FORUM's public answers, anonymised unless the requester consented."""

    subject: str
    question: str
    replies: list[str]
    named_requester: str | None = None
    named_organisation: str | None = None


def published_answer(ticket: Ticket) -> PublishedAnswer:
    """What may be shown of the ticket outside it (the caller checks it is published)."""
    clean = Anonymiser(ticket)
    named = ticket.publish_named
    return PublishedAnswer(
        subject=clean(ticket.subject), question=clean(ticket.body),
        replies=[clean(m.body) for m in public_staff_replies(ticket)],
        named_requester=getattr(ticket.requester, "name", None) if named else None,
        named_organisation=getattr(ticket.organisation, "name", None) if named else None)


def is_published(ticket: Ticket | None) -> bool:
    return ticket is not None and ticket.published_at is not None and ticket.publish_consent


def find_published(ticket_id: int) -> Ticket | None:
    """The ticket with its messages, if its answer is published."""
    ticket = queries.ticket_with_details(ticket_id)
    return ticket if is_published(ticket) else None


def find_message(ticket: Ticket, message_id: int) -> TicketMessage | None:
    return next((m for m in ticket.messages if m.id == message_id), None)


# --- Ticket -> thread --------------------------------------------------------------------------


def _lock(obj) -> None:
    """Re-read the row and hold it until the commit, so a double submit waits and sees the first."""
    # "OF <table>": PostgreSQL will not lock the nullable side of an eager outer join.
    db.session.refresh(obj, with_for_update={"of": type(obj)})


def _copy_in_thread(question_id: int, message: TicketMessage) -> Answer | None:
    """An answer in the thread that already holds this reply (after an interrupted earlier post)."""
    body = message.body.strip()
    return db.session.scalar(
        select(Answer).where(Answer.question_id == question_id, Answer.author_id == message.author_id,
                             Answer.body == body, Answer.created_at >= message.created_at)
        .order_by(Answer.id).limit(1))


def post_to_thread(actor, message: TicketMessage, ip_address: str | None = None) -> Answer:
    """Post a staff reply of a thread-linked ticket into the thread as an expert answer, once.

    The forum's own post_answer stores the answer (counts, search outbox, audit, notifications)
    and commits. The message row stays locked until then, so a second submit waits, finds the
    answer already in the thread and links that one instead of posting it again.
    """
    ticket = message.ticket
    _lock(message)
    if message.answer_id is not None:
        raise HelpdeskError(_("Dit antwoord staat al als expertantwoord in de draad."))
    if message.kind != "reply" or message.author is None or not message.author.is_staff:
        raise HelpdeskError(_("Alleen een openbaar antwoord van FORUM kan in de draad worden geplaatst."))
    question = ticket.question
    if question is None:
        raise HelpdeskError(_("Deze helpdeskvraag hoort niet bij een draad op het forum."))
    if question.is_hidden:
        raise HelpdeskError(_("De draad is verborgen door de moderatoren; er kan geen antwoord bij."))
    if question.is_locked:
        raise HelpdeskError(_("De draad is gesloten; er kunnen geen antwoorden meer bij."))
    answer = _copy_in_thread(question.id, message)
    if answer is None:
        try:  # counts, search outbox, audit and notifications, as for any answer
            answer = forum_services.post_answer(actor, question, message.body.strip(), ip_address=ip_address)
        except forum_services.ForumError as refused:
            raise HelpdeskError(str(refused)) from None
    _lock(message)
    if message.answer_id is None:
        message.answer_id = answer.id
        log_change(ticket, actor, "posted_to_thread", new=question.title)
    if not answer.is_expert:  # an admin's answer: it comes from FORUM all the same
        answer.is_expert = True
        enqueue("answer", answer.id)
    db.session.commit()
    return answer


# --- Ticket -> practice ------------------------------------------------------------------------


def _practice_data(ticket: Ticket) -> PracticeData:
    content = published_answer(ticket)
    replies = "\n\n".join(content.replies) or _("(Nog geen openbaar antwoord van FORUM.)")
    summary = content.question.strip() or content.subject
    if len(summary) > SUMMARY_LENGTH:
        summary = summary[:SUMMARY_LENGTH - 1].rstrip() + "…"
    body = "\n\n".join([f"## {_('De vraag')}", content.question.strip() or content.subject,
                        f"## {_('Het antwoord van FORUM')}", replies])
    year = (ticket.resolved_at or ticket.created_at or utcnow()).year
    return PracticeData(title=content.subject[:200], summary=summary, body=body,
                        theme_ids=[ticket.theme_id] if ticket.theme_id else [], year=year)


def convert_to_practice(actor, ticket: Ticket, ip_address: str | None = None) -> Practice:
    """Turn a resolved ticket into a practice offered for the library's review (anonymised)."""
    _lock(ticket)
    if ticket.practice_id is not None:
        raise HelpdeskError(_("Van deze vraag is al een praktijk gemaakt."))
    if ticket.status not in DONE_STATUSES:
        raise HelpdeskError(_("Maak pas een praktijk van een vraag als die is opgelost."))
    data = _practice_data(ticket)
    practice = Practice(status="review", author_id=actor.id, target_groups=[], submitted_at=utcnow())
    db.session.add(practice)
    with db.session.no_autoflush:  # apply_data looks up the themes; the practice is not complete yet
        apply_data(practice, data)
    db.session.flush()
    add_step(practice, actor, "submitted", _("Gemaakt van helpdeskvraag #%(id)s.", id=ticket.id))
    ticket.practice_id = practice.id
    log_change(ticket, actor, "practice", new=practice.title)
    enqueue("practice", practice.id)
    record("ticket_converted_to_practice", actor=actor, target=ticket, ip_address=ip_address,
           practice_id=practice.id)
    db.session.commit()
    return practice


# --- Consent and publication -------------------------------------------------------------------


def _unpublish(ticket: Ticket, actor) -> None:
    ticket.published_at = None
    log_change(ticket, actor, "unpublished")


def set_consent(actor, ticket: Ticket, consent: bool, named: bool) -> bool:
    """Record the requester's consent; withdrawing it unpublishes the answer. Return whether it changed."""
    named = bool(consent and named)
    if (ticket.publish_consent, ticket.publish_named) == (bool(consent), named):
        return False
    log_change(ticket, actor, "consent", old=_consent_label(ticket.publish_consent, ticket.publish_named),
               new=_consent_label(consent, named))
    ticket.publish_consent, ticket.publish_named = bool(consent), named
    if not consent and ticket.published_at is not None:
        _unpublish(ticket, actor)
    enqueue("helpdesk", ticket.id)
    db.session.commit()
    return True


def _consent_label(consent: bool, named: bool) -> str:
    if not consent:
        return _("Geen toestemming om te publiceren")
    return _("Publiceren met naam en organisatie") if named else _("Geanonimiseerd publiceren")


def publish(actor, ticket: Ticket, ip_address: str | None = None) -> None:
    """Publish the answer of a resolved ticket whose requester consented."""
    _lock(ticket)
    if ticket.published_at is not None:
        raise HelpdeskError(_("Dit antwoord is al gepubliceerd."))
    if ticket.status not in DONE_STATUSES:
        raise HelpdeskError(_("Publiceer een antwoord pas als de vraag is opgelost."))
    if not ticket.publish_consent:
        raise HelpdeskError(_("De vrager heeft geen toestemming gegeven om het antwoord te publiceren."))
    ticket.published_at = utcnow()
    log_change(ticket, actor, "published")
    enqueue("helpdesk", ticket.id)
    record("ticket_published", actor=actor, target=ticket, ip_address=ip_address)
    db.session.commit()


def unpublish(actor, ticket: Ticket, ip_address: str | None = None) -> None:
    """Take a published answer out of the search and off its page."""
    _lock(ticket)
    if ticket.published_at is None:
        raise HelpdeskError(_("Dit antwoord is niet gepubliceerd."))
    _unpublish(ticket, actor)
    enqueue("helpdesk", ticket.id)
    record("ticket_unpublished", actor=actor, target=ticket, ip_address=ip_address)
    db.session.commit()
