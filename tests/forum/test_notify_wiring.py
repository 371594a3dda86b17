"""Asking, answering and accepting through the pages notify the people involved by e-mail."""

from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.forum.models import Answer, Question
from servicecentrum.notifications.models import OutboxMail
from tests import factories


def _mails_to(address: str) -> list[OutboxMail]:
    return list(db.session.scalars(select(OutboxMail).where(OutboxMail.to_address == address)))


def test_asker_hears_of_an_answer_and_answerer_hears_it_was_accepted(app, login, post_form):
    asker, answerer = app.test_client(), app.test_client()
    with app.app_context():
        login(asker, factories.make_user(email="vrager@proefstad.test", notify_frequency="immediately"))
        login(answerer, factories.make_user(email="helper@proefstad.test", notify_frequency="immediately"))
    response = post_form(asker, "/vragen/nieuw", {"title": "Hoe houden jullie stageplaatsen vast?",
                                                  "body": "Wij verliezen veel leerbedrijven.",
                                                  "tags": "stage", "confirmed": "1"}, page="/vragen/nieuw")
    assert response.status_code == 302
    with app.app_context():
        question_id = db.session.scalar(select(Question.id))
    post_form(answerer, f"/vragen/{question_id}/antwoorden",
              {"body": "Wij werken met een vast aanspreekpunt per bedrijf."}, page=f"/vragen/{question_id}")
    with app.app_context():
        answer_id = db.session.scalar(select(Answer.id))
        mails = _mails_to("vrager@proefstad.test")
        assert len(mails) == 1 and "stageplaatsen" in mails[0].body_text
    post_form(asker, f"/vragen/antwoorden/{answer_id}/accepteren", page=f"/vragen/{question_id}")
    with app.app_context():
        assert len(_mails_to("helper@proefstad.test")) == 1
        assert len(_mails_to("vrager@proefstad.test")) == 1  # nobody hears of their own action
