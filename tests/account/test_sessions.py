"""The sessions page: where am I logged in, and ending those sessions."""

from sqlalchemy import select

from servicecentrum.account.devices import describe_user_agent
from servicecentrum.auth.models import UserSession
from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from tests import factories
from tests.account.helpers import FIREFOX_WINDOWS, SAFARI_IPHONE, add_sessions, events


def _member(app, client, login):
    with app.app_context():
        user = factories.make_user()
        login(client, user)
        return user.id


def _session_ids(app, user_id) -> list[int]:
    with app.app_context():
        query = select(UserSession.id).where(UserSession.user_id == user_id).order_by(UserSession.id)
        return list(db.session.scalars(query))


def _is_open(app, session_id) -> bool:
    with app.app_context():
        return db.session.get(UserSession, session_id).ended_at is None


def test_sessions_page_lists_each_open_session_with_device_and_address(app, client, login):
    user_id = _member(app, client, login)
    with app.app_context():
        add_sessions(user_id, 1, FIREFOX_WINDOWS)
        add_sessions(user_id, 1, SAFARI_IPHONE)
    html = client.get("/account/sessies").get_data(as_text=True)
    assert "Firefox op Windows" in html
    assert "Safari op iOS" in html
    assert "192.0.2.1" in html and "127.0.0.1" in html
    assert html.count("Deze sessie") == 1
    assert '<th scope="col">' in html
    assert "Log uit op alle andere apparaten" in html


def test_ended_sessions_are_not_listed(app, client, login):
    user_id = _member(app, client, login)
    other = app.test_client()
    with app.app_context():
        login(other, user_id)
    current, second = _session_ids(app, user_id)
    with app.app_context():
        db.session.get(UserSession, second).ended_at = utcnow()
        db.session.commit()
    html = client.get("/account/sessies").get_data(as_text=True)
    assert f"/account/sessies/{current}/beeindigen" in html
    assert f"/account/sessies/{second}/beeindigen" not in html


def test_ending_another_session_logs_that_browser_out(app, client, login, post_form):
    user_id = _member(app, client, login)
    other = app.test_client()
    with app.app_context():
        login(other, user_id)
    _current, second = _session_ids(app, user_id)
    response = post_form(client, f"/account/sessies/{second}/beeindigen", page="/account/sessies")
    assert response.headers["Location"] == "/account/sessies"
    assert "De sessie is beëindigd." in client.get("/account/sessies").get_data(as_text=True)
    assert other.get("/account").headers["Location"].startswith("/inloggen")
    with app.app_context():
        (event,) = events("session_ended")
        assert event.actor_id == user_id and event.target_id == second


def test_ending_the_current_session_logs_the_member_out(app, client, login, post_form):
    user_id = _member(app, client, login)
    (current,) = _session_ids(app, user_id)
    response = post_form(client, f"/account/sessies/{current}/beeindigen", page="/account/sessies")
    assert response.headers["Location"] == "/inloggen"
    assert client.get("/account").headers["Location"].startswith("/inloggen")
    assert not _is_open(app, current)


def test_another_members_session_is_not_found_and_stays_open(app, client, login, post_form):
    _member(app, client, login)
    with app.app_context():
        stranger = factories.make_user()
        add_sessions(stranger.id, 1)
        stranger_id = stranger.id
    (theirs,) = _session_ids(app, stranger_id)
    response = post_form(client, f"/account/sessies/{theirs}/beeindigen", page="/account/sessies")
    assert response.status_code == 404
    assert post_form(client, "/account/sessies/999999/beeindigen", page="/account/sessies").status_code == 404
    assert _is_open(app, theirs)


def test_admins_cannot_end_other_members_sessions_here_either(app, client, login, post_form):
    with app.app_context():
        login(client, factories.make_user(role="admin"))
        member_id = factories.make_user().id
        add_sessions(member_id, 1)
    (theirs,) = _session_ids(app, member_id)
    assert post_form(client, f"/account/sessies/{theirs}/beeindigen", page="/account").status_code == 404


def test_ending_all_other_sessions_keeps_only_this_one(app, client, login, post_form):
    user_id = _member(app, client, login)
    others = [app.test_client() for _ in range(3)]
    with app.app_context():
        for other in others:
            login(other, user_id)
    response = post_form(client, "/account/sessies/andere-beeindigen", page="/account/sessies")
    assert response.headers["Location"] == "/account/sessies"
    assert client.get("/account").status_code == 200
    for other in others:
        assert other.get("/account").status_code == 302
    html = client.get("/account/sessies").get_data(as_text=True)
    assert html.count("/beeindigen\"") == 1
    with app.app_context():
        (event,) = events("session_ended")
        assert event.details == {"scope": "others", "count": 3}


def test_user_agents_become_readable_descriptions(app_ctx):
    chrome_mac = ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
                  "(KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36")
    edge_windows = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                    "Chrome/125.0.0.0 Safari/537.36 Edg/125.0.2535.67")
    chrome_android = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                      "Chrome/125.0.0.0 Mobile Safari/537.36")
    with app_ctx.test_request_context():
        assert describe_user_agent(FIREFOX_WINDOWS) == "Firefox op Windows"
        assert describe_user_agent(SAFARI_IPHONE) == "Safari op iOS"
        assert describe_user_agent(chrome_mac) == "Chrome op macOS"
        assert describe_user_agent(edge_windows) == "Edge op Windows"
        assert describe_user_agent(chrome_android) == "Chrome op Android"
        assert describe_user_agent("curl/8.5.0") == "Onbekend apparaat"
        assert describe_user_agent("") == "Onbekend apparaat"
