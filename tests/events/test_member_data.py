"""The events' part of a member's data: what the export holds, and what deleting the account does."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from servicecentrum.account import export
from servicecentrum.account import services as account
from servicecentrum.auth.models import User
from servicecentrum.auth.secrets import digest, new_token
from servicecentrum.database import utcnow
from servicecentrum.events import booking, member_data, topics
from servicecentrum.events.models import (
    CalendarFeed,
    Event,
    EventQuestion,
    Registration,
    TopicProposal,
    TopicSupport,
)
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from servicecentrum.surveys.models import SurveyResponse
from tests import factories


def _evaluation(event, user, rating=4, comment="Leerzaam, veel voorbeelden.", answers=None):
    response = SurveyResponse(subject_type="event", subject_id=event.id, respondent_id=user.id,
                              rating=rating, comment=comment, answers=answers)
    db.session.add(response)
    db.session.commit()
    return response


def _past_event(**fields):
    starts = utcnow().replace(microsecond=0) - timedelta(days=3)
    return factories.make_event(starts_at=starts, **fields)


def test_the_export_holds_registrations_evaluations_topics_and_no_feed_token(app_ctx, monkeypatch):
    monkeypatch.setitem(export.EXPORT_SECTIONS, "events", member_data.events_section)
    member, other = factories.make_user(), factories.make_user()
    event = factories.make_event(title="Masterclass taalbeleid")
    question = EventQuestion(event=event, purpose="registration", label="Dieetwensen")
    db.session.add(question)
    db.session.commit()
    booking.register(event, member, {str(question.id): "vegetarisch"})
    booking.register(event, other, {str(question.id): "geheim-antwoord-van-een-ander"})
    past = _past_event(title="Kennisatelier wijkaanpak")
    db.session.add(Registration(event_id=past.id, user_id=member.id, status="confirmed",
                                created_at=past.starts_at - timedelta(days=5)))
    db.session.commit()
    _evaluation(past, member, answers={"77": "meer praktijk"})
    _evaluation(past, other, comment="Andermans oordeel")
    own = topics.propose(member, topics.ProposalData("Mijn wens over discriminatie"))
    theirs = topics.propose(other, topics.ProposalData("Een wens van een collega"))
    topics.set_support(theirs, member, True)
    topics.set_support(own, other, True)
    raw = new_token()
    db.session.add(CalendarFeed(user_id=member.id, token_hash=digest(raw)))
    db.session.commit()

    document = export.to_json(export.build_export(db.session.get(User, member.id)))
    section = json.loads(document)["sections"]["events"]
    first, second = section["registrations"]
    assert (first["event_title"], first["status"]) == ("Masterclass taalbeleid", "confirmed")
    assert first["answers"] == [{"question": "Dieetwensen", "answer": "vegetarisch"}]
    assert first["starts_at"] and first["ends_at"]
    assert (second["event_title"], second["status"]) == ("Kennisatelier wijkaanpak", "confirmed")
    (evaluation,) = section["evaluations"]
    assert (evaluation["event_title"], evaluation["rating"], evaluation["comment"]) == (
        "Kennisatelier wijkaanpak", 4, "Leerzaam, veel voorbeelden.")
    assert evaluation["answers"] == [{"question": "77", "answer": "meer praktijk"}]
    (proposal,) = section["topic_proposals"]
    assert (proposal["title"], proposal["support_count"], proposal["status"]) == (
        "Mijn wens over discriminatie", 1, "open")
    assert [s["proposal_title"] for s in section["topic_supports"]] == ["Een wens van een collega"]
    assert section["calendar_feed"]["active"] is True
    for secret in (raw, digest(raw), "geheim-antwoord-van-een-ander", "Andermans oordeel", other.email):
        assert secret not in document


def test_deleting_the_member_passes_their_seats_on_and_keeps_evaluations_and_proposals(app_ctx):
    member, adviser = factories.make_user(), factories.make_user("adviser")
    now = utcnow()
    full = factories.make_event(capacity=1, title="Volle masterclass")
    booking.register(full, member, now=now)
    first_in_line = booking.register(full, factories.make_user(), now=now + timedelta(minutes=1))
    offered = factories.make_event(capacity=1, title="Met aanbod")
    holder = booking.register(offered, factories.make_user(), now=now)
    booking.register(offered, member, now=now + timedelta(minutes=1))
    next_in_line = booking.register(offered, factories.make_user(), now=now + timedelta(minutes=2))
    booking.cancel(holder, now=now + timedelta(minutes=3))
    assert db.session.get(Registration, booking.registration_of(offered.id, member.id).id).status == "offered"
    roomy = factories.make_event(capacity=5)
    booking.register(roomy, member, now=now)
    waiting_only = factories.make_event(capacity=1)
    booking.register(waiting_only, factories.make_user(), now=now)
    booking.register(waiting_only, member, now=now)
    past = _past_event(title="Afgelopen atelier")
    db.session.add(Registration(event_id=past.id, user_id=member.id, status="confirmed", created_at=now))
    past.seats_taken = 1
    db.session.commit()
    evaluation_id = _evaluation(past, member, rating=5).id
    own = topics.propose(member, topics.ProposalData("Mijn wens blijft staan"))
    supported = topics.propose(adviser, topics.ProposalData("Een voorstel dat ik steun"))
    topics.set_support(supported, member, True)
    topics.set_support(supported, factories.make_user(), True)
    db.session.add(CalendarFeed(user_id=member.id, token_hash=digest(new_token())))
    db.session.commit()
    ids = {"full": full.id, "offered": offered.id, "roomy": roomy.id, "waiting": waiting_only.id,
           "past": past.id, "own": own.id, "supported": supported.id, "member": member.id}

    account.delete_account(db.session.get(User, member.id), factories.PASSWORD)
    db.session.expire_all()

    assert db.session.scalar(select(func.count(Registration.id))
                             .where(Registration.user_id == ids["member"])) == 0
    seats = {name: db.session.get(Event, ids[name]).seats_taken
             for name in ("full", "offered", "roomy", "waiting", "past")}
    assert seats == {"full": 1, "offered": 1, "roomy": 0, "waiting": 1, "past": 0}
    line = db.session.get(Registration, first_in_line.id)
    assert line.status == "offered" and line.offer_expires_at
    assert db.session.get(Registration, next_in_line.id).status == "offered"
    offers = db.session.scalars(select(OutboxMail.to_address)
                                .where(OutboxMail.subject.like("Er is een plaats voor u vrij%"))).all()
    assert line.user.email in offers and db.session.get(Registration, next_in_line.id).user.email in offers
    evaluation = db.session.get(SurveyResponse, evaluation_id)
    assert (evaluation.respondent_id, evaluation.rating, evaluation.subject_id) == (None, 5, ids["past"])
    kept = db.session.get(TopicProposal, ids["own"])
    assert (kept.title, kept.proposer_id, kept.status) == ("Mijn wens blijft staan", None, "open")
    assert db.session.get(TopicProposal, ids["supported"]).support_count == 1
    assert topics.support_total(ids["supported"]) == 1
    assert db.session.scalar(select(func.count()).select_from(TopicSupport)
                             .where(TopicSupport.user_id == ids["member"])) == 0
    assert db.session.scalar(select(func.count(CalendarFeed.id))) == 0


def test_a_failed_deletion_keeps_the_seat_and_sends_no_offer(app_ctx, monkeypatch):
    member = factories.make_user()
    event = factories.make_event(capacity=1)
    mine = booking.register(event, member)
    waiting = booking.register(event, factories.make_user())
    supported = topics.propose(factories.make_user(), topics.ProposalData("Een voorstel met steun"))
    topics.set_support(supported, member, True)

    def crash(_user):
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(account, "BEFORE_DELETE_HOOKS", [*account.BEFORE_DELETE_HOOKS, crash])
    with pytest.raises(RuntimeError):
        account.delete_account(db.session.get(User, member.id), factories.PASSWORD)
    db.session.rollback()
    db.session.expire_all()
    assert db.session.get(Registration, mine.id).status == "confirmed"
    assert db.session.get(Registration, waiting.id).status == "waitlisted"
    assert db.session.get(Event, event.id).seats_taken == 1
    assert db.session.get(TopicProposal, supported.id).support_count == 1
    assert db.session.scalar(select(func.count(OutboxMail.id))
                             .where(OutboxMail.subject.like("Er is een plaats voor u vrij%"))) == 0
