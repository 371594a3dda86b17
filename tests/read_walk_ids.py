"""Real ids from the demo world for the read walk (tests/test_reads.py), per role."""

from sqlalchemy import select

from servicecentrum.auth.models import User
from servicecentrum.events.models import Event, Registration, TopicProposal
from servicecentrum.extensions import db
from servicecentrum.forum.models import Answer, PostAttachment, Question
from servicecentrum.helpdesk.models import CannedReply, RoutingRule, Ticket, TicketAttachment
from servicecentrum.library.models import Practice, PracticeAttachment
from servicecentrum.notifications.models import OutboxMail


def _first(query):
    return db.session.scalar(query.limit(1))


def ids_for(role: str, user_id: int) -> dict:
    """Return {url argument: id} of objects the member can open, falling back to any."""
    own_ticket = _first(select(Ticket.id).where(Ticket.requester_id == user_id))
    ticket = own_ticket if role == "officer" else _first(select(Ticket.id).order_by(Ticket.id))
    own_answer = _first(select(Answer.id).where(Answer.author_id == user_id))
    ids = {
        "practice_id": _first(select(Practice.id).where(Practice.status == "published")
                              .order_by(Practice.id)),
        "question_id": _first(select(Question.id).order_by(Question.id)),
        "answer_id": own_answer or _first(select(Answer.id)),
        "event_id": _first(select(Event.id).order_by(Event.starts_at.desc())),
        "registration_id": _first(select(Registration.id).where(Registration.user_id == user_id))
        or _first(select(Registration.id)),
        "proposal_id": _first(select(TopicProposal.id)),
        "ticket_id": ticket,
        "attachment_id": _first(select(PracticeAttachment.id)) or _first(select(PostAttachment.id))
        or _first(select(TicketAttachment.id)),
        "mail_id": _first(select(OutboxMail.id)),
        "organisation_id": _first(select(User.organisation_id).where(User.id == user_id))
        or _first(select(User.organisation_id).where(User.organisation_id.is_not(None))),
        "user_id": _first(select(User.id).where(User.id != user_id, User.role == "officer")),
        "rule_id": _first(select(RoutingRule.id)),
        "reply_id": _first(select(CannedReply.id)),
        "post_type": "question",
        "post_id": _first(select(Question.id).order_by(Question.id)),
        "key": "helpdesk",
    }
    return {name: value for name, value in ids.items() if value is not None}
