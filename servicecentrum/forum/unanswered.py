"""Unanswered questions: after N days the asker may call in a FORUM adviser."""

from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..audit.services import record
from ..database import utcnow
from ..extensions import db
from ..notifications.services import queue_mail
from ..policies import can_ask_adviser
from ..taxonomy.models import Programme
from ..urls import absolute_url
from .models import Question

DEFAULT_DAYS = 5
ADVISER_PROGRAMME = "servicecentrum-integratiebeleid"  # slug of "Servicecentrum Integratiebeleid"


class TooEarly(Exception):
    """The question is not old enough, already answered or already offered to an adviser."""


def questions_to_offer(now: datetime, days: int = DEFAULT_DAYS) -> list[Question]:
    """Return visible questions without answers, older than the given days, not yet offered."""
    return list(db.session.scalars(
        select(Question).where(Question.is_hidden.is_(False), Question.answer_count == 0,
                               Question.expert_offered_at.is_(None),
                               Question.created_at <= now - timedelta(days=days))
        .order_by(Question.created_at)))


def offer_expert(question: Question, user, now: datetime, days: int = DEFAULT_DAYS) -> bool:
    """Tell whether the detail page offers this member "Vraag het een FORUM-adviseur"."""
    return can_ask_adviser(user, question) and question.created_at <= now - timedelta(days=days)


def advisers_to_ask() -> list:
    """Return the active advisers of the Servicecentrum Integratiebeleid programme."""
    programme = db.session.scalar(select(Programme).where(Programme.slug == ADVISER_PROGRAMME)
                                  .options(selectinload(Programme.advisers)))
    return [a for a in (programme.advisers if programme else []) if a.is_active]


def ask_adviser(actor, question: Question, now: datetime | None = None, ip_address: str | None = None) -> int:
    """Call in a FORUM adviser for an unanswered question; return how many advisers were mailed."""
    now = now or utcnow()
    if not offer_expert(question, actor, now):
        raise TooEarly(_("Deze vraag kan nu niet aan een adviseur worden voorgelegd."))
    question.expert_offered_at = now
    # Until the helpdesk exists, the advisers get an e-mail with a link to the question.
    # The helpdesk issue will turn this into a linked helpdesk ticket instead.
    advisers = advisers_to_ask()
    url = absolute_url("main.landing").rstrip("/") + f"/vragen/{question.id}"
    for adviser in advisers:
        queue_mail(adviser.email, _("Vraag zonder antwoord: %(title)s", title=question.title),
                   "forum_ask_adviser", adviser=adviser, asker=actor, question=question, url=url)
    record("question_expert_requested", actor=actor, target=question, ip_address=ip_address,
           advisers_mailed=len(advisers))
    db.session.commit()
    return len(advisers)
