"""Route walker over the question routes: nobody edits what the rules do not allow."""

import pytest

from tests import factories
from tests.forum.test_qa_helpers import make_answer, make_question
from tests.route_walker import walk

MINE = {"forum.question_list", "forum.question_create", "forum.similar", "forum.question_detail",
        "forum.answer_create", "forum.answer_vote", "forum.answer_accept", "forum.answer_edit",
        "forum.question_edit", "forum.question_history", "forum.attachment_download",
        "forum.question_attachment_add", "forum.answer_attachment_add"}
OWN_ONLY = {"forum.question_edit", "forum.answer_edit", "forum.answer_accept",
            "forum.question_attachment_add", "forum.answer_attachment_add"}


@pytest.fixture
def thread(app):
    with app.app_context():
        author = factories.make_user()
        question = make_question(author)
        answer = make_answer(question, author)
        return {"author": author.id, "question_id": question.id, "answer_id": answer.id}


def _routes(app, thread, methods):
    ids = {"question_id": thread["question_id"], "answer_id": thread["answer_id"], "attachment_id": 1}
    return [r for r in walk(app, methods=methods, ids=ids) if r.endpoint in MINE]


def test_anonymous_visitors_are_sent_to_login_everywhere(app, client, thread):
    for route in _routes(app, thread, ("GET",)):
        response = client.get(route.url)
        assert response.status_code == 302 and "/inloggen" in response.headers["Location"], route


def test_another_officer_cannot_edit_or_accept_but_reads(app, client, login, post_form, thread):
    with app.app_context():
        login(client, factories.make_user())
    for route in _routes(app, thread, ("GET", "POST")):
        if route.endpoint in OWN_ONLY:
            if route.method == "GET":
                assert client.get(route.url).status_code == 403, route
            else:
                assert post_form(client, route.url, {"body": "Overgenomen", "title": "Overgenomen titel"}
                                 ).status_code == 403, route
        elif route.method == "GET" and route.endpoint != "forum.attachment_download":
            assert client.get(route.url).status_code == 200, route


def test_the_author_edits_but_does_not_vote_on_their_own_answer(app, client, login, post_form, thread):
    with app.app_context():
        login(client, thread["author"])
    for route in _routes(app, thread, ("GET",)):
        if route.endpoint != "forum.attachment_download":
            assert client.get(route.url).status_code == 200, route
    assert post_form(client, f"/vragen/antwoorden/{thread['answer_id']}/nuttig").status_code == 403


def test_an_adviser_may_edit_and_accept_anything(app, client, login, post_form, thread):
    with app.app_context():
        login(client, factories.make_user(role="adviser"))
    for route in _routes(app, thread, ("GET",)):
        if route.endpoint != "forum.attachment_download":
            assert client.get(route.url).status_code == 200, route
    url = f"/vragen/antwoorden/{thread['answer_id']}/accepteren"
    assert post_form(client, url).status_code == 302


def test_hidden_posts_are_404_for_members_on_every_route(app, client, login, post_form):
    with app.app_context():
        author = factories.make_user()
        question = make_question(author, is_hidden=True)
        answer = make_answer(make_question(), author, is_hidden=True)
        login(client, author)
        ids = {"question_id": question.id, "answer_id": answer.id}
    for route in walk(app, methods=("GET", "POST"), ids=ids):
        if route.endpoint not in MINE or ("question_id" not in route.rule and "answer_id" not in route.rule):
            continue
        response = client.get(route.url) if route.method == "GET" else post_form(client, route.url,
                                                                                {"body": "x"})
        assert response.status_code == 404, route
