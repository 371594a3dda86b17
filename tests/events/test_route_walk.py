"""Every event route with an id, walked as a member who may not use it: never a 200, never a 500."""

from servicecentrum.events import booking
from servicecentrum.events.models import EventQuestion
from servicecentrum.extensions import db
from tests.factories import make_event, make_user
from tests.route_walker import walk

MEMBER_PAGES = {"events.detail", "events.event_ics", "events.register", "events.cancel_registration",
                "events.evaluate"}


def _ids():
    organiser = make_user("adviser")
    event = make_event(organisers=[organiser], capacity=1)
    question = EventQuestion(event=event, label="Dieet")
    db.session.add(question)
    db.session.commit()
    first = booking.register(event, make_user())
    waiting = booking.register(event, make_user())
    booking.cancel(first)
    return {"event_id": event.id, "question_id": question.id, "registration_id": waiting.id}


def _event_routes(app, ids):
    with_ids = ("<int:event_id>", "<int:registration_id>")
    return [r for r in walk(app, ids=ids)
            if r.rule.startswith("/bijeenkomsten/") and any(part in r.rule for part in with_ids)]


def test_organiser_pages_and_others_registrations_are_closed_to_an_officer(app, client, login, csrf_token):
    with app.app_context():
        ids = _ids()
        login(client, make_user("officer"))
    token = csrf_token(client)
    checked = 0
    for route in _event_routes(app, ids):
        if route.endpoint in MEMBER_PAGES:
            continue  # open to every member of the audience: tested with the pages themselves
        response = client.open(route.url, method=route.method, data={"csrf_token": token})
        assert response.status_code in (403, 404), route
        checked += 1
    assert checked >= 10


def test_a_draft_event_is_404_on_every_route_for_an_officer(app, client, login, csrf_token):
    with app.app_context():
        ids = _ids()
        draft = make_event(status="draft")
        ids["event_id"] = draft.id
        login(client, make_user("officer"))
    token = csrf_token(client)
    for route in _event_routes(app, ids):
        if "<int:registration_id>" in route.rule and "<int:event_id>" not in route.rule:
            continue  # the offer belongs to the published event
        response = client.open(route.url, method=route.method, data={"csrf_token": token})
        assert response.status_code in (403, 404), route
