"""Unanswered questions: after five days the asker may put the question to an adviser, once (a ticket)."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from servicecentrum.audit.models import AuditEvent
from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from servicecentrum.forum import unanswered
from servicecentrum.forum.models import Question
from servicecentrum.helpdesk.models import Ticket
from servicecentrum.notifications.models import OutboxMail
from tests import factories
from tests.forum.test_notify_helpers import make_answer, make_question


def _days_ago(days):
    return utcnow() - timedelta(days=days)


def test_only_old_visible_unanswered_questions_are_offered(app_ctx):
    old = make_question(created_at=_days_ago(6))
    make_question(created_at=_days_ago(2))
    make_question(created_at=_days_ago(9), is_hidden=True)
    make_answer(make_question(created_at=_days_ago(8)))
    make_question(created_at=_days_ago(7), expert_offered_at=_days_ago(1))
    assert [q.id for q in unanswered.questions_to_offer(utcnow())] == [old.id]
    assert len(unanswered.questions_to_offer(utcnow(), days=1)) == 2


def test_the_offer_is_for_the_asker_only_and_only_after_the_days(app_ctx):
    asker, other = factories.make_user(), factories.make_user()
    question = make_question(author=asker, created_at=_days_ago(5) - timedelta(minutes=1))
    assert unanswered.offer_expert(question, asker, utcnow())
    assert not unanswered.offer_expert(question, other, utcnow())
    assert not unanswered.offer_expert(question, asker, _days_ago(1))


def test_only_askers_who_can_file_tickets_are_offered_an_adviser(app_ctx):
    adviser = factories.make_user(role="adviser")
    question = make_question(author=adviser, created_at=_days_ago(6))
    assert not unanswered.offer_expert(question, adviser, utcnow())
    with pytest.raises(unanswered.TooEarly):
        unanswered.ask_adviser(adviser, question)


def test_asking_an_adviser_files_a_linked_ticket_and_records_it(app_ctx):
    adviser = factories.make_user(role="adviser", email="adviseur@forum.test")
    programme = factories.make_programme(advisers=[adviser], slug="servicecentrum-integratiebeleid",
                                         name="Servicecentrum Integratiebeleid")
    asker = factories.make_user()
    theme = factories.make_theme(name="Onderwijs")
    question = make_question(author=asker, created_at=_days_ago(6), themes=[theme])
    ticket = unanswered.ask_adviser(asker, question)
    assert question.expert_offered_at is not None
    assert (ticket.question_id, ticket.requester_id) == (question.id, asker.id)
    assert ticket.programme_id == programme.id  # routed: the fallback programme
    assert ticket.subject == question.title and ticket.theme_id == theme.id
    assert question.body in ticket.body and f"/vragen/{question.id}" in ticket.body
    mails = {m.to_address: m for m in db.session.scalars(select(OutboxMail))}
    assert set(mails) == {"adviseur@forum.test", asker.email}  # new ticket; received
    assert f"/helpdesk/{ticket.id}" in mails["adviseur@forum.test"].body_text
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "question_expert_requested"))
    assert event.details["ticket_id"] == ticket.id
    with pytest.raises(unanswered.TooEarly):
        unanswered.ask_adviser(asker, question)
    assert db.session.scalar(select(db.func.count(Ticket.id))) == 1


def test_a_helpdesk_without_programmes_refuses_and_changes_nothing(app_ctx):
    asker = factories.make_user()
    question = make_question(author=asker, created_at=_days_ago(6))
    with pytest.raises(unanswered.TooEarly, match="niet ingericht"):
        unanswered.ask_adviser(asker, question)
    assert db.session.get(Question, question.id).expert_offered_at is None
    assert db.session.scalar(select(db.func.count(Ticket.id))) == 0


def test_the_asker_calls_in_an_adviser_through_the_page(app, client, login, post_form):
    with app.app_context():
        adviser = factories.make_user(role="adviser")
        factories.make_programme(advisers=[adviser], name="Servicecentrum Integratiebeleid",
                                 slug="servicecentrum-integratiebeleid")
        asker = factories.make_user()
        question_id = make_question(author=asker, created_at=_days_ago(6)).id
        asker_id, other_id = asker.id, factories.make_user().id
    login(client, other_id)
    assert post_form(client, f"/vragen/{question_id}/adviseur").status_code == 302
    with app.app_context():
        assert db.session.get(Question, question_id).expert_offered_at is None
    login(client, asker_id)
    assert "Vraag het een FORUM-adviseur" in client.get(f"/vragen/{question_id}").get_data(as_text=True)
    response = post_form(client, f"/vragen/{question_id}/adviseur")
    assert response.headers["Location"] == f"/vragen/{question_id}"
    with app.app_context():
        assert db.session.get(Question, question_id).expert_offered_at is not None
        ticket_id = db.session.scalar(select(Ticket.id).where(Ticket.question_id == question_id))
    page = client.get(f"/vragen/{question_id}").get_data(as_text=True)
    assert "voorgelegd aan een adviseur van FORUM als helpdeskvraag" in page
    assert f'href="/helpdesk/{ticket_id}"' in page
    assert "Vraag het een FORUM-adviseur" not in page
    assert client.get(f"/helpdesk/{ticket_id}").status_code == 200
    assert post_form(client, "/vragen/999/adviseur").status_code == 404
