"""Unanswered questions: after N days the asker may put the question to a FORUM adviser as a ticket."""

from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import select

from ..audit.services import record
from ..database import utcnow
from ..extensions import db
from ..policies import can_ask_adviser, can_file_ticket
from ..urls import absolute_url
from .models import Question

DEFAULT_DAYS = 5


class TooEarly(Exception):
    """The question is not old enough, already answered or offered, or the helpdesk refused it."""


def questions_to_offer(now: datetime, days: int = DEFAULT_DAYS) -> list[Question]:
    """Return visible questions without answers, older than the given days, not yet offered."""
    return list(db.session.scalars(
        select(Question).where(Question.is_hidden.is_(False), Question.answer_count == 0,
                               Question.expert_offered_at.is_(None),
                               Question.created_at <= now - timedelta(days=days))
        .order_by(Question.created_at)))


def offer_expert(question: Question, user, now: datetime, days: int = DEFAULT_DAYS) -> bool:
    """Tell whether the detail page offers this member "Vraag het een FORUM-adviseur".

    The asker must be able to file helpdesk tickets (an officer), because the question
    becomes one.
    """
    return (can_ask_adviser(user, question) and can_file_ticket(user)
            and question.created_at <= now - timedelta(days=days))


def _ticket_data(question: Question):
    from ..helpdesk.services import TicketData  # the helpdesk imports the forum: import when used

    url = absolute_url("forum.question_detail", question_id=question.id)
    body = "\n\n".join(part for part in [
        (question.body or "").strip(),
        _("Deze vraag komt uit de draad op het forum: %(url)s", url=url)] if part)
    themes = list(question.themes)
    return TicketData(subject=question.title, body=body, theme_id=themes[0].id if themes else None)


def ask_adviser(actor, question: Question, now: datetime | None = None, ip_address: str | None = None):
    """Turn an unanswered question into a helpdesk ticket linked to the thread; return the ticket.

    The ticket is routed like any other (the routing rules choose the programme; the fallback
    is Servicecentrum Integratiebeleid), and the thread shows it was put to an adviser.
    """
    from ..helpdesk.services import HelpdeskError, create_ticket

    now = now or utcnow()
    if not offer_expert(question, actor, now):
        raise TooEarly(_("Deze vraag kan nu niet aan een adviseur worden voorgelegd."))
    try:
        ticket = create_ticket(actor, _ticket_data(question), question=question, now=now, commit=False)
    except HelpdeskError as refused:
        db.session.rollback()
        raise TooEarly(str(refused)) from None
    question.expert_offered_at = now
    record("question_expert_requested", actor=actor, target=question, ip_address=ip_address,
           ticket_id=ticket.id)
    db.session.commit()
    return ticket
