"""Who may open the event pages: drafts answer 404 to officers, organiser pages 403 to other members."""

import pytest
from sqlalchemy import select

from servicecentrum.events.models import Event, EventQuestion
from servicecentrum.extensions import db
from tests.factories import make_event, make_user
from tests.route_walker import walk

# The routes of this part (events.index has no id).
MEMBER_ENDPOINTS = {"events.detail", "events.register", "events.cancel_registration"}
ORGANISER_ENDPOINTS = {"events.edit", "events.publish", "events.cancel_event", "events.questions",
                       "events.question_action"}


def _routes(app, ids, endpoints):
    routes = [r for r in walk(app, ids=ids) if r.endpoint in endpoints]
    assert {r.endpoint for r in routes} == endpoints
    return routes


def _open(client, csrf_token, route):
    if route.method == "GET":
        return client.get(route.url)
    return client.open(route.url, method=route.method, data={"csrf_token": csrf_token(client),
                                                              "action": "verwijderen", "reason": "x"})


def _draft_with_question():
    event = make_event(status="draft", title="Geheim concept")
    question = EventQuestion(event=event, label="Dieet")
    db.session.add(question)
    db.session.commit()
    return {"event_id": event.id, "question_id": question.id}


def test_every_event_route_is_404_to_an_officer_for_a_draft(app, client, login, csrf_token):
    with app.app_context():
        ids = _draft_with_question()
        login(client, make_user())
    for route in _routes(app, ids, MEMBER_ENDPOINTS | ORGANISER_ENDPOINTS):
        assert _open(client, csrf_token, route).status_code == 404, route
    with app.app_context():
        event = db.session.get(Event, ids["event_id"])
        assert event.status == "draft" and len(event.questions) == 1 and event.registrations == []


@pytest.mark.parametrize("role", ["officer", "adviser"])
def test_organiser_routes_are_403_for_members_who_do_not_organise(app, client, login, csrf_token, role):
    with app.app_context():
        event = make_event(status="published" if role == "officer" else "draft", title="Niet van mij")
        question = EventQuestion(event=event, label="Dieet")
        db.session.add(question)
        db.session.commit()
        ids = {"event_id": event.id, "question_id": question.id}
        login(client, make_user(role))
    for route in _routes(app, ids, ORGANISER_ENDPOINTS):
        assert _open(client, csrf_token, route).status_code == 403, route
    with app.app_context():
        event = db.session.get(Event, ids["event_id"])
        assert event.title == "Niet van mij" and len(event.questions) == 1
        assert event.status == ("published" if role == "officer" else "draft")


def test_creating_is_403_for_officers(app, client, login, post_form):
    with app.app_context():
        login(client, make_user())
    assert client.get("/bijeenkomsten/nieuw").status_code == 403
    assert post_form(client, "/bijeenkomsten/nieuw", {"title": "x"}).status_code == 403
    with app.app_context():
        assert db.session.scalars(select(Event)).all() == []


def test_organisers_and_admins_manage_but_staff_do_not_register_for_drafts(app, client, login):
    with app.app_context():
        adviser = make_user("adviser")
        event = make_event(status="draft", organisers=[adviser])
        login(client, adviser)
        event_id = event.id
    html = client.get(f"/bijeenkomsten/{event_id}").get_data(as_text=True)
    assert "Publiceren" in html and "Bijeenkomst annuleren" in html
    assert "Deze bijeenkomst is nog niet gepubliceerd." in html
    assert client.get(f"/bijeenkomsten/{event_id}/bewerken").status_code == 200
    admin_client = app.test_client()
    with app.app_context():
        login(admin_client, make_user("admin"))
    assert admin_client.get(f"/bijeenkomsten/{event_id}/vragen").status_code == 200


def test_unknown_event_ids_are_404(app, client, login, csrf_token):
    with app.app_context():
        login(client, make_user("admin"))
    for route in _routes(app, {"event_id": 999999, "question_id": 999999},
                         MEMBER_ENDPOINTS | ORGANISER_ENDPOINTS):
        assert _open(client, csrf_token, route).status_code == 404, route
