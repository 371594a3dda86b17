"""The waitlist offer page: accept, decline, expired, answered, and nobody else's."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from servicecentrum.database import utcnow
from servicecentrum.events import booking
from servicecentrum.events.models import Event, Registration
from servicecentrum.extensions import db
from tests.factories import make_event, make_user


def _offer(app, capacity=1, waiting=1):
    """An event whose freed seat is offered to the first of `waiting` members in line."""
    with app.app_context():
        event = make_event(capacity=capacity, title="Masterclass inburgering")
        holders = [booking.register(event, make_user()) for _ in range(capacity)]
        line = [make_user() for _ in range(waiting)]
        for offset, member in enumerate(line):
            booking.register(event, member, now=utcnow() + timedelta(seconds=offset + 1))
        booking.cancel(holders[0])
        offered = db.session.get(Registration, booking.registration_of(event.id, line[0].id).id)
        assert offered.status == "offered"
        return offered.id, event.id, [m.id for m in line]


def _status(app, registration_id):
    with app.app_context():
        return db.session.get(Registration, registration_id).status


def _expire(app, registration_id):
    with app.app_context():
        registration = db.session.get(Registration, registration_id)
        registration.offer_expires_at = utcnow() - timedelta(minutes=1)
        db.session.commit()


def test_offer_page_shows_the_event_and_until_when_the_seat_is_held(app, client, login):
    registration_id, _event_id, (member_id, *_) = _offer(app)
    with app.app_context():
        expires = db.session.get(Registration, registration_id).offer_expires_at
    local = expires.astimezone(ZoneInfo("Europe/Amsterdam")).strftime("%H:%M")
    login(client, member_id)
    response = client.get(f"/bijeenkomsten/aanbod/{registration_id}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Masterclass inburgering" in html and "Wij houden de plaats vast tot" in html
    assert f"/bijeenkomsten/aanbod/{registration_id}/aannemen" in html
    assert f"/bijeenkomsten/aanbod/{registration_id}/afslaan" in html
    assert local in html  # Amsterdam time, not UTC


def test_accepting_confirms_the_seat(app, client, login, post_form):
    registration_id, event_id, (member_id,) = _offer(app)
    login(client, member_id)
    response = post_form(client, f"/bijeenkomsten/aanbod/{registration_id}/aannemen")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/bijeenkomsten/{event_id}")
    assert _status(app, registration_id) == "confirmed"
    again = post_form(client, f"/bijeenkomsten/aanbod/{registration_id}/aannemen")
    assert again.status_code == 409
    assert "U heeft deze plaats al aangenomen" in again.get_data(as_text=True)


def test_declining_passes_the_seat_to_the_next_in_line(app, client, login, post_form):
    registration_id, event_id, (member_id, next_id) = _offer(app, waiting=2)
    login(client, member_id)
    response = post_form(client, f"/bijeenkomsten/aanbod/{registration_id}/afslaan")
    assert response.status_code == 302
    assert _status(app, registration_id) == "declined"
    with app.app_context():
        assert booking.registration_of(event_id, next_id).status == "offered"
    page = client.get(f"/bijeenkomsten/aanbod/{registration_id}")
    assert page.status_code == 200 and "U heeft dit aanbod afgeslagen" in page.get_data(as_text=True)
    assert "/aannemen" not in page.get_data(as_text=True)


def test_an_expired_offer_is_passed_on_when_the_page_opens(app, client, login):
    registration_id, event_id, (member_id, next_id) = _offer(app, waiting=2)
    _expire(app, registration_id)
    login(client, member_id)
    page = client.get(f"/bijeenkomsten/aanbod/{registration_id}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Dit aanbod is verlopen" in html and "/aannemen" not in html
    assert _status(app, registration_id) == "expired"
    with app.app_context():
        assert booking.registration_of(event_id, next_id).status == "offered"


@pytest.mark.parametrize("action", ["aannemen", "afslaan"])
def test_answering_an_expired_offer_is_refused_with_409(app, client, login, post_form, action):
    registration_id, event_id, (member_id,) = _offer(app)
    _expire(app, registration_id)
    login(client, member_id)
    response = post_form(client, f"/bijeenkomsten/aanbod/{registration_id}/{action}")
    assert response.status_code == 409
    assert "Dit aanbod is verlopen" in response.get_data(as_text=True)
    assert _status(app, registration_id) == "expired"
    with app.app_context():
        assert db.session.get(Event, event_id).seats_taken == 0  # nobody waiting: the seat is free


def test_an_offer_on_a_cancelled_event_cannot_be_accepted(app, client, login, post_form):
    registration_id, event_id, (member_id,) = _offer(app)
    with app.app_context():
        booking.cancel_event(db.session.get(Event, event_id), "Zaal niet beschikbaar")
    login(client, member_id)
    response = post_form(client, f"/bijeenkomsten/aanbod/{registration_id}/aannemen")
    assert response.status_code == 409 and "geannuleerd" in response.get_data(as_text=True)
    assert _status(app, registration_id) == "offered"


@pytest.mark.parametrize("method, suffix", [("GET", ""), ("POST", "/aannemen"), ("POST", "/afslaan")])
def test_another_member_gets_404(app, client, login, post_form, method, suffix):
    registration_id, _event_id, _line = _offer(app)
    with app.app_context():
        login(client, make_user(role="admin"))
    url = f"/bijeenkomsten/aanbod/{registration_id}{suffix}"
    response = client.get(url) if method == "GET" else post_form(client, url)
    assert response.status_code == 404
    assert _status(app, registration_id) == "offered"
    assert client.get("/bijeenkomsten/aanbod/999999").status_code == 404


def test_a_member_on_the_waitlist_without_an_offer_sees_so(app, client, login):
    with app.app_context():
        event = make_event(capacity=1)
        booking.register(event, make_user())
        member = make_user()
        registration_id, member_id = booking.register(event, member).id, member.id
    login(client, member_id)
    page = client.get(f"/bijeenkomsten/aanbod/{registration_id}")
    assert page.status_code == 200 and "U staat op de wachtlijst" in page.get_data(as_text=True)
