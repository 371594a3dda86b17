"""Reporting and moderating through the pages: who may, what they see, what it changes."""

import pytest
from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.forum.models import Answer, PostReport, Question
from tests import factories
from tests.forum.test_notify_helpers import make_answer, make_question


@pytest.fixture
def thread(app):
    with app.app_context():
        asker = factories.make_user(name="Vrager")
        question = make_question(author=asker, title="Hoe houden jullie mantelzorgers in beeld?")
        answer = make_answer(question, body="Met een jaarlijkse mantelzorgwaardering.")
        return {"question": question.id, "answer": answer.id, "asker": asker.id,
                "officer": factories.make_user().id, "adviser": factories.make_user(role="adviser").id}


def test_member_reports_an_answer_with_a_reason(app, client, login, post_form, thread):
    login(client, thread["officer"])
    url = f"/vragen/melden/answer/{thread['answer']}"
    assert "Bericht melden" in client.get(url).get_data(as_text=True)
    response = post_form(client, url, {"reason": "Er staat een telefoonnummer in."})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/vragen/{thread['question']}#antwoord-{thread['answer']}"
    with app.app_context():
        report = db.session.scalar(select(PostReport))
        assert (report.post_type, report.post_id) == ("answer", thread["answer"])
        assert report.reporter_id == thread["officer"]


def test_a_report_without_reason_is_refused_with_a_dutch_message(app, client, login, post_form, thread):
    login(client, thread["officer"])
    response = post_form(client, f"/vragen/melden/question/{thread['question']}", {"reason": "  "})
    assert response.status_code == 422
    assert "Vul de reden in." in response.get_data(as_text=True)


def test_unknown_post_types_and_hidden_posts_cannot_be_reported(app, client, login, post_form, thread):
    with app.app_context():
        db.session.get(Answer, thread["answer"]).is_hidden = True
        db.session.commit()
    login(client, thread["officer"])
    unknown = post_form(client, f"/vragen/melden/praktijk/{thread['answer']}", {"reason": "x"})
    assert unknown.status_code == 404
    assert post_form(client, f"/vragen/melden/answer/{thread['answer']}", {"reason": "x"}).status_code == 404


def test_officers_get_403_on_the_queue_and_every_action(app, client, login, post_form, thread):
    login(client, thread["officer"])
    q, a = thread["question"], thread["answer"]
    assert client.get("/vragen/moderatie").status_code == 403
    assert client.get(f"/vragen/moderatie/question/{q}").status_code == 403
    for url in (f"/vragen/moderatie/answer/{a}/verbergen", f"/vragen/moderatie/question/{q}/herstellen",
                f"/vragen/moderatie/vraag/{q}/sluiten", f"/vragen/moderatie/vraag/{q}/openen",
                f"/vragen/moderatie/vraag/{q}/verplaatsen", "/vragen/moderatie/melding/1/afwijzen"):
        assert post_form(client, url, {"reason": "Weg ermee"}).status_code == 403, url
    with app.app_context():
        assert not db.session.get(Answer, a).is_hidden


def test_adviser_sees_the_report_and_hides_the_answer(app, client, login, post_form, thread):
    login(client, thread["officer"])
    post_form(client, f"/vragen/melden/answer/{thread['answer']}", {"reason": "Naam van een inwoner"})
    login(client, thread["adviser"])
    queue = client.get("/vragen/moderatie").get_data(as_text=True)
    assert "Naam van een inwoner" in queue and "Hoe houden jullie mantelzorgers in beeld?" in queue
    page = client.get(f"/vragen/moderatie/answer/{thread['answer']}").get_data(as_text=True)
    assert "Met een jaarlijkse mantelzorgwaardering." in page
    response = post_form(client, f"/vragen/moderatie/answer/{thread['answer']}/verbergen",
                         {"reason": "Persoonsgegevens"})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Answer, thread["answer"]).is_hidden
    assert "Er zijn geen open meldingen." in client.get("/vragen/moderatie").get_data(as_text=True)


def test_hiding_without_reason_is_refused(app, client, login, post_form, thread):
    login(client, thread["adviser"])
    response = post_form(client, f"/vragen/moderatie/question/{thread['question']}/verbergen", {"reason": ""})
    assert response.status_code == 422
    assert "Vul de reden in." in response.get_data(as_text=True)
    with app.app_context():
        assert not db.session.get(Question, thread["question"]).is_hidden


def test_adviser_locks_and_moves_a_question(app, client, login, post_form, thread):
    with app.app_context():
        theme_id = factories.make_theme(name="Zorg en welzijn").id
    login(client, thread["adviser"])
    post_form(client, f"/vragen/moderatie/vraag/{thread['question']}/sluiten")
    move = f"/vragen/moderatie/vraag/{thread['question']}/verplaatsen"
    post_form(client, move, {"themes": [str(theme_id)]})
    with app.app_context():
        question = db.session.get(Question, thread["question"])
        assert question.is_locked and [t.id for t in question.themes] == [theme_id]
    bad = post_form(client, f"/vragen/moderatie/vraag/{thread['question']}/verplaatsen", {"themes": ["999"]})
    assert bad.status_code == 422


def test_queue_uses_the_same_number_of_queries_for_few_and_many_reports(app, client, login, count_queries,
                                                                        thread):
    from servicecentrum.forum import moderation

    def add_reports(n):
        with app.app_context():
            member = db.session.get(factories.User, thread["officer"])
            for i in range(n):
                question = make_question(title=f"Vraag nummer {i} over VVE-toeleiding")
                moderation.report_post(member, make_answer(question), f"Reden {i}")
                moderation.report_post(member, question, f"Reden {i}")

    login(client, thread["adviser"])
    add_reports(2)
    with count_queries() as few:
        client.get("/vragen/moderatie")
    add_reports(10)
    with count_queries() as many:
        client.get("/vragen/moderatie")
    assert many.count == few.count
