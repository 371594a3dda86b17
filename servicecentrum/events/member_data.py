"""The events' part of a member's data: the export section and what deleting an account does.

Export: the member's registrations (event, dates, status, their answers to the registration
questions), their evaluations, the topics they proposed and supported, and whether they have
a personal calendar feed (never its token or hash).

Deletion, inside the account deletion's transaction (nothing here commits): every seat the
member holds (a confirmed place or an open offer) is released through the booking core first,
so it passes to the first on the waitlist before the database deletes the registration rows
(ON DELETE CASCADE). Supports are taken out of the proposals' counts and deleted. Proposals
stay, with the proposer set to NULL by the database ("voormalig lid"). Evaluations stay for
the reports, anonymous: the database sets their respondent to NULL.
"""

from sqlalchemy import delete, select, update
from sqlalchemy.orm import joinedload, selectinload

from ..account.export import register_export_section
from ..account.services import register_before_delete
from ..database import utcnow
from ..extensions import db
from ..surveys.models import SurveyResponse
from . import booking
from .models import SEAT_HOLDING, CalendarFeed, Event, Registration, TopicProposal, TopicSupport


def _answers(answers: dict | None, questions) -> list[dict]:
    labels = {str(q.id): q.label for q in questions}
    return [{"question": labels.get(key, key), "answer": value} for key, value in (answers or {}).items()]


def _registrations(user) -> list[dict]:
    rows = db.session.scalars(select(Registration).where(Registration.user_id == user.id)
                              .options(joinedload(Registration.event).selectinload(Event.questions))
                              .order_by(Registration.id))
    return [{
        "event_id": r.event_id, "event_title": r.event.title, "event_kind": r.event.kind,
        "starts_at": r.event.starts_at, "ends_at": r.event.ends_at, "status": r.status,
        "registered_at": r.created_at, "confirmed_at": r.confirmed_at, "cancelled_at": r.cancelled_at,
        "offered_at": r.offered_at, "offer_expires_at": r.offer_expires_at,
        "reminder_sent_at": r.reminder_sent_at, "checked_in_at": r.checked_in_at,
        "answers": _answers(r.answers, r.event.questions),
    } for r in rows]


def _evaluations(user) -> list[dict]:
    rows = db.session.execute(
        select(SurveyResponse, Event).join(Event, Event.id == SurveyResponse.subject_id)
        .where(SurveyResponse.subject_type == "event", SurveyResponse.respondent_id == user.id)
        .options(selectinload(Event.questions)).order_by(SurveyResponse.id))
    return [{"event_id": event.id, "event_title": event.title, "rating": response.rating,
             "comment": response.comment, "answers": _answers(response.answers, event.questions),
             "created_at": response.created_at} for response, event in rows]


def _proposals(user) -> list[dict]:
    rows = db.session.scalars(select(TopicProposal).where(TopicProposal.proposer_id == user.id)
                              .options(joinedload(TopicProposal.theme)).order_by(TopicProposal.id))
    return [{"id": p.id, "title": p.title, "description": p.description,
             "theme": p.theme.name if p.theme else None, "status": p.status,
             "support_count": p.support_count, "event_id": p.event_id, "created_at": p.created_at}
            for p in rows]


def _supports(user) -> list[dict]:
    rows = db.session.execute(
        select(TopicSupport.proposal_id, TopicProposal.title, TopicSupport.created_at)
        .join(TopicProposal, TopicProposal.id == TopicSupport.proposal_id)
        .where(TopicSupport.user_id == user.id).order_by(TopicSupport.created_at, TopicSupport.proposal_id))
    return [{"proposal_id": pid, "proposal_title": title, "supported_at": at} for pid, title, at in rows]


def events_section(user) -> dict:
    """Return the member's registrations, evaluations, proposals, supports and feed state."""
    feed = db.session.scalar(select(CalendarFeed).where(CalendarFeed.user_id == user.id))
    return {
        "registrations": _registrations(user),
        "evaluations": _evaluations(user),
        "topic_proposals": _proposals(user),
        "topic_supports": _supports(user),
        # Only whether it exists: the secret address itself is never exported.
        "calendar_feed": {"active": feed is not None, "created_at": feed.created_at if feed else None},
    }


def release_seats(user, now=None) -> int:
    """Pass every seat the member holds on to the waitlist, without committing; return how many.

    Uses booking.release (conditional UPDATEs, offer to the first in line) rather
    than ``booking.cancel``, which commits and would split the account deletion's transaction
    (and mail the leaving member). Seats of cancelled events are left alone (no offers there).
    """
    now = now or utcnow()
    held = list(db.session.scalars(
        select(Registration).join(Event, Event.id == Registration.event_id)
        .where(Registration.user_id == user.id, Registration.status.in_(SEAT_HOLDING),
               Event.status == "published")
        .options(joinedload(Registration.event)).order_by(Registration.id)))
    for registration in held:
        booking.release(registration, "cancelled", now)
    return len(held)


def forget_supports(user) -> None:
    """Take the member's supports out of the proposals' counts, then delete them."""
    supported = select(TopicSupport.proposal_id).where(TopicSupport.user_id == user.id)
    db.session.execute(update(TopicProposal)
                       .where(TopicProposal.id.in_(supported), TopicProposal.support_count > 0)
                       .values(support_count=TopicProposal.support_count - 1)
                       .execution_options(synchronize_session=False))
    db.session.execute(delete(TopicSupport).where(TopicSupport.user_id == user.id))


def forget_member(user) -> None:
    """Before the account is deleted: free the member's seats and withdraw their supports."""
    release_seats(user)
    forget_supports(user)


register_export_section("events", events_section)
register_before_delete(forget_member)
