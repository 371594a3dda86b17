"""Every library route with an id, walked for each status and each kind of visitor.

Drafts and practices in review exist only for their author and FORUM staff: everyone else
gets 404, so ids cannot be probed. Who may see a practice but not take a step gets 403.
"""

import pytest

from servicecentrum.extensions import db
from servicecentrum.library.models import Practice, PracticeComment
from tests import factories
from tests.library.helpers import make_attachment, make_practice
from tests.route_walker import walk

STATUSES = ("draft", "review", "published", "archived")
VISITORS = ("author", "other", "adviser", "admin", "anonymous")
LIBRARY_ROUTES_WITH_IDS = {
    "library.practice_detail", "library.practice_history", "library.practice_edit",
    "library.practice_submit", "library.practice_comment", "library.practice_request_changes",
    "library.practice_publish", "library.practice_archive", "library.practice_rate",
    "library.attachment_upload", "library.attachment_download", "library.attachment_delete",
}


def expected(endpoint: str, status: str, visitor: str):
    """The answer each visitor should get: "login", 404, 403 or "ok"."""
    if visitor == "anonymous":
        return "login"
    if status in ("draft", "review") and visitor == "other":
        return 404
    staff, author = visitor in ("adviser", "admin"), visitor == "author"
    may_edit = staff or (author and status != "archived")
    allowed = {
        "library.practice_detail": True,
        "library.practice_history": True,
        "library.attachment_download": True,
        "library.practice_edit": may_edit,
        "library.attachment_upload": may_edit,
        "library.attachment_delete": may_edit,
        "library.practice_submit": author,
        "library.practice_comment": staff or author,
        "library.practice_request_changes": staff,
        "library.practice_publish": staff,
        "library.practice_archive": staff,
        "library.practice_rate": status == "published" and not author,
    }[endpoint]
    return "ok" if allowed else 403


@pytest.fixture
def people(app):
    with app.app_context():
        return {"author": factories.make_user().id, "other": factories.make_user().id,
                "adviser": factories.make_user(role="adviser").id,
                "admin": factories.make_user(role="admin").id}


def _clients(app, login, people) -> dict:
    clients = {"anonymous": app.test_client()}
    for visitor, user_id in people.items():
        clients[visitor] = app.test_client()
        login(clients[visitor], user_id)
    return clients


def _fresh(app, status, author_id):
    with app.app_context():
        practice = make_practice(author=db.session.get(factories.User, author_id), status=status)
        attachment = make_attachment(practice)
        return {"practice_id": practice.id, "attachment_id": attachment.id}


def _routes(app, ids, methods):
    return [r for r in walk(app, methods=methods, ids=ids)
            if r.endpoint.startswith("library.") and "practice_id" in r.rule]


def _check(response, outcome, route, status, visitor):
    label = f"{route} as {visitor} on a {status} practice"
    if outcome == "login":
        assert response.status_code == 302, label
        assert response.headers["Location"].startswith("/inloggen"), label
    elif outcome == "ok":
        assert response.status_code in (200, 302, 422), f"{label}: {response.status_code}"
    else:
        assert response.status_code == outcome, f"{label}: {response.status_code}"


@pytest.mark.parametrize("status", STATUSES)
def test_pages_with_a_practice_id_answer_each_visitor_as_the_rules_say(app, login, people, status):
    clients = _clients(app, login, people)
    ids = _fresh(app, status, people["author"])
    routes = _routes(app, ids, ("GET",))
    assert {r.endpoint for r in routes} == {"library.practice_detail", "library.practice_history",
                                            "library.practice_edit", "library.attachment_download"}
    for route in routes:
        for visitor in VISITORS:
            response = clients[visitor].get(route.url)
            _check(response, expected(route.endpoint, status, visitor), route, status, visitor)


@pytest.mark.parametrize("status", STATUSES)
def test_every_step_on_a_practice_answers_each_visitor_as_the_rules_say(
        app, login, people, csrf_token, status):
    clients = _clients(app, login, people)
    tokens = {visitor: csrf_token(client) for visitor, client in clients.items()}
    checked = set()
    steps = [r.endpoint for r in _routes(app, {"practice_id": 1, "attachment_id": 1}, ("POST",))]
    for visitor in VISITORS:
        for endpoint in steps:
            # A practice of its own for every step, so one step does not change the next.
            ids = _fresh(app, status, people["author"])
            route = next(r for r in _routes(app, ids, ("POST",)) if r.endpoint == endpoint)
            response = clients[visitor].post(route.url, data={"csrf_token": tokens[visitor]})
            outcome = expected(route.endpoint, status, visitor)
            _check(response, outcome, route, status, visitor)
            if outcome != "ok":
                with app.app_context():
                    practice = db.session.get(Practice, ids["practice_id"])
                    assert practice.status == status, f"{route} as {visitor} changed the status"
                    assert len(practice.attachments) == 1, f"{route} as {visitor} removed an attachment"
                    assert db.session.query(PracticeComment).filter_by(practice_id=practice.id).count() == 0
            checked.add(route.endpoint)
    assert checked | {"library.practice_detail", "library.practice_history",
                      "library.attachment_download"} == LIBRARY_ROUTES_WITH_IDS


def test_a_practice_that_does_not_exist_is_404_for_everyone(app, login, people):
    clients = _clients(app, login, people)
    for route in walk(app, methods=("GET",), ids={"practice_id": 999, "attachment_id": 999}):
        if route.endpoint.startswith("library.") and "practice_id" in route.rule:
            assert clients["adviser"].get(route.url).status_code == 404, route


def test_an_attachment_of_another_practice_is_not_found_through_this_one(app, client, login, people):
    visible = _fresh(app, "published", people["author"])
    hidden = _fresh(app, "draft", people["author"])
    login(client, people["other"])
    url = f"/praktijken/{visible['practice_id']}/bijlagen/{hidden['attachment_id']}"
    assert client.get(url).status_code == 404


def test_an_archived_practice_that_was_never_published_stays_hidden(app, client, login, people):
    with app.app_context():
        author = db.session.get(factories.User, people["author"])
        practice = make_practice(author=author, status="archived")
        practice.published_at = None
        db.session.commit()
        practice_id = practice.id
    login(client, people["other"])
    assert client.get(f"/praktijken/{practice_id}").status_code == 404
