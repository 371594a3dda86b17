"""Unanswered questions: after five days the asker may call in a FORUM adviser, once."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from servicecentrum.audit.models import AuditEvent
from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from servicecentrum.forum import unanswered
from servicecentrum.forum.models import Question
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


def test_asking_an_adviser_mails_the_programme_advisers_and_records_it(app_ctx):
    adviser = factories.make_user(role="adviser", email="adviseur@forum.test")
    factories.make_programme(advisers=[adviser], slug="servicecentrum-integratiebeleid",
                             name="Servicecentrum Integratiebeleid")
    asker = factories.make_user()
    question = make_question(author=asker, created_at=_days_ago(6))
    assert unanswered.ask_adviser(asker, question) == 1
    assert question.expert_offered_at is not None
    [mail] = db.session.scalars(select(OutboxMail)).all()
    assert mail.to_address == "adviseur@forum.test"
    assert f"/vragen/{question.id}" in mail.body_text
    assert db.session.scalar(select(AuditEvent.action)) == "question_expert_requested"
    with pytest.raises(unanswered.TooEarly):
        unanswered.ask_adviser(asker, question)


def test_the_asker_calls_in_an_adviser_through_the_page(app, client, login, post_form):
    with app.app_context():
        asker = factories.make_user()
        question_id = make_question(author=asker, created_at=_days_ago(6)).id
        asker_id, other_id = asker.id, factories.make_user().id
    login(client, other_id)
    assert post_form(client, f"/vragen/{question_id}/adviseur").status_code == 302
    with app.app_context():
        assert db.session.get(Question, question_id).expert_offered_at is None
    login(client, asker_id)
    response = post_form(client, f"/vragen/{question_id}/adviseur")
    assert response.headers["Location"] == f"/vragen/{question_id}"
    with app.app_context():
        assert db.session.get(Question, question_id).expert_offered_at is not None
    assert post_form(client, "/vragen/999/adviseur").status_code == 404
