"""Login hardening: rate limits without lock-out, fresh sessions, timeouts, logout, cookies."""

import time
from datetime import timedelta

from sqlalchemy import select

from servicecentrum import tallies
from servicecentrum.auth.models import UserSession
from servicecentrum.auth.web import SESSION_TOKEN_KEY
from servicecentrum.extensions import db
from tests import factories
from tests.conftest import app_for

EMAIL = "sanne@utrecht.test"


def _login(client, post_form, email, password, ip=None):
    kwargs = {"environ_base": {"REMOTE_ADDR": ip}} if ip else {}
    return post_form(client, "/inloggen", {"email": email, "password": password}, page="/inloggen",
                     **kwargs)


def _open_sessions(app):
    with app.app_context():
        return list(db.session.scalars(select(UserSession).where(UserSession.ended_at.is_(None))))


def _age_sessions(app, **moves):
    """Move the given timestamps of every session back by the given timedelta."""
    with app.app_context():
        for record in db.session.scalars(select(UserSession)):
            for column, delta in moves.items():
                setattr(record, column, getattr(record, column) - delta)
        db.session.commit()


# Rate limits -------------------------------------------------------------------------------

def test_ten_failures_from_one_ip_block_the_eleventh_attempt_even_with_the_right_password(
        app, client, post_form):
    with app.app_context():
        factories.make_user(email=EMAIL)
    for n in range(10):
        assert _login(client, post_form, f"gok{n}@utrecht.test", "verkeerd-wachtwoord").status_code == 422
    response = _login(client, post_form, EMAIL, factories.PASSWORD)
    assert response.status_code == 429
    assert "Te veel verzoeken" in response.get_data(as_text=True)
    assert client.get("/overzicht").status_code == 302
    # Another address is not blocked by someone else's failures.
    assert _login(client, post_form, EMAIL, factories.PASSWORD, ip="192.0.2.50").status_code == 302


def test_failures_for_one_account_from_many_ips_block_that_account(app, client, post_form):
    with app.app_context():
        factories.make_user(email=EMAIL)
        factories.make_user(email="ander@utrecht.test")
    for n in range(10):
        response = _login(client, post_form, EMAIL.upper(), "verkeerd-wachtwoord", ip=f"192.0.2.{n + 1}")
        assert response.status_code == 422
    blocked = _login(client, post_form, EMAIL, factories.PASSWORD, ip="198.51.100.77")
    assert blocked.status_code == 429
    assert "Te veel verzoeken" in blocked.get_data(as_text=True)
    other = _login(app.test_client(), post_form, "ander@utrecht.test", factories.PASSWORD,
                   ip="198.51.100.77")
    assert other.status_code == 302


def test_successful_logins_do_not_count_towards_the_limit(app, post_form):
    with app.app_context():
        factories.make_user(email=EMAIL)
    for _ in range(12):
        assert _login(app.test_client(), post_form, EMAIL, factories.PASSWORD).status_code == 302


def test_a_blocked_login_works_again_after_the_window(tmp_path, database_url, post_form):
    with app_for(tmp_path, database_url, LOGIN_FAILURE_LIMIT="3 per 4 seconds") as app:
        client = app.test_client()
        with app.app_context():
            factories.make_user(email=EMAIL)
        for _ in range(3):
            assert _login(client, post_form, EMAIL, "verkeerd-wachtwoord").status_code == 422
            last_failure = time.monotonic()
        assert _login(client, post_form, EMAIL, factories.PASSWORD).status_code == 429
        time.sleep(max(0.0, last_failure + 4.3 - time.monotonic()))
        assert _login(client, post_form, EMAIL, factories.PASSWORD).status_code == 302
        assert client.get("/overzicht").status_code == 200


# Session fixation, timeouts, logout ---------------------------------------------------------

def test_login_starts_a_new_session_and_drops_what_was_there_before(app, client, post_form):
    with app.app_context():
        factories.make_user(email=EMAIL)
    client.get("/inloggen")
    with client.session_transaction() as session:
        session[SESSION_TOKEN_KEY] = "door-een-aanvaller-gekozen"
        session["ingeplant"] = "waarde van voor het inloggen"
    assert _login(client, post_form, EMAIL, factories.PASSWORD).status_code == 302
    with client.session_transaction() as session:
        assert session[SESSION_TOKEN_KEY] != "door-een-aanvaller-gekozen"
        assert "ingeplant" not in session
        new_token = session[SESSION_TOKEN_KEY]
    assert client.get("/overzicht").status_code == 200

    # Logging in again (on the same browser) gives yet another session id.
    post_form(client, "/uitloggen", page="/overzicht")
    _login(client, post_form, EMAIL, factories.PASSWORD)
    with client.session_transaction() as session:
        assert session[SESSION_TOKEN_KEY] != new_token


def test_a_planted_session_id_of_another_member_is_never_adopted(app, client, login, post_form):
    victim_browser = app.test_client()
    with app.app_context():
        factories.make_user(email=EMAIL)
        attacker_token = login(app.test_client(), factories.make_user(email="aanvaller@utrecht.test"))
    with victim_browser.session_transaction() as session:
        session[SESSION_TOKEN_KEY] = attacker_token
    _login(victim_browser, post_form, EMAIL, factories.PASSWORD)
    with victim_browser.session_transaction() as session:
        assert session[SESSION_TOKEN_KEY] != attacker_token
    assert "Welkom, Lid" in victim_browser.get("/overzicht").get_data(as_text=True)


def test_an_idle_session_sends_the_member_to_login_with_a_message(app, client, post_form):
    with app.app_context():
        factories.make_user(email=EMAIL)
    _login(client, post_form, EMAIL, factories.PASSWORD)
    _age_sessions(app, last_seen_at=timedelta(minutes=61))
    response = client.get("/overzicht")
    assert response.status_code == 302
    assert response.headers["Location"] == "/inloggen?next=/overzicht"
    assert "Uw sessie is verlopen" in client.get(response.headers["Location"]).get_data(as_text=True)
    assert len(_open_sessions(app)) == 1  # a GET never writes: the ending waits for the batch
    tallies.flush(app)
    assert _open_sessions(app) == []


def test_a_session_used_within_the_idle_time_stays_open(app, client, post_form):
    with app.app_context():
        factories.make_user(email=EMAIL)
    _login(client, post_form, EMAIL, factories.PASSWORD)
    _age_sessions(app, last_seen_at=timedelta(minutes=59))
    assert client.get("/overzicht").status_code == 200


def test_a_session_ends_after_its_lifetime_even_when_in_use(app, client, post_form):
    with app.app_context():
        factories.make_user(email=EMAIL)
    _login(client, post_form, EMAIL, factories.PASSWORD)
    _age_sessions(app, created_at=timedelta(hours=12, minutes=1))
    response = client.get("/overzicht")
    assert response.headers["Location"] == "/inloggen?next=/overzicht"
    assert "Uw sessie is verlopen" in client.get(response.headers["Location"]).get_data(as_text=True)
    tallies.flush(app)
    with app.app_context():
        assert db.session.scalar(select(UserSession.end_reason)) == "expired"


def test_idle_time_and_lifetime_are_configurable(tmp_path, database_url, post_form):
    with app_for(tmp_path, database_url, SESSION_IDLE_MINUTES=5, SESSION_LIFETIME_HOURS=1) as app:
        client = app.test_client()
        with app.app_context():
            factories.make_user(email=EMAIL)
        _login(client, post_form, EMAIL, factories.PASSWORD)
        _age_sessions(app, last_seen_at=timedelta(minutes=6))
        assert client.get("/overzicht").status_code == 302
        tallies.flush(app)

        _login(client, post_form, EMAIL, factories.PASSWORD)
        with app.app_context():
            record = db.session.scalar(select(UserSession).where(UserSession.ended_at.is_(None)))
            record.created_at -= timedelta(minutes=61)
            db.session.commit()
        assert client.get("/overzicht").status_code == 302


def test_logout_ends_the_session_on_the_server(app, client, post_form):
    with app.app_context():
        factories.make_user(email=EMAIL)
    _login(client, post_form, EMAIL, factories.PASSWORD)
    old_cookie = client.get_cookie("sci_session").value
    assert post_form(client, "/uitloggen", page="/overzicht").status_code == 302
    assert _open_sessions(app) == []

    replay = app.test_client()
    replay.set_cookie("sci_session", old_cookie)
    response = replay.get("/overzicht")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/inloggen")


def test_logout_leaves_the_members_other_sessions_open(app, client, login, post_form):
    other = app.test_client()
    with app.app_context():
        user = factories.make_user(email=EMAIL)
        login(other, user)
    _login(client, post_form, EMAIL, factories.PASSWORD)
    post_form(client, "/uitloggen", page="/overzicht")
    assert other.get("/overzicht").status_code == 200


# Cookies -----------------------------------------------------------------------------------

def _session_cookie_header(response) -> str:
    cookies = [h for h in response.headers.getlist("Set-Cookie") if h.startswith("sci_session=")]
    assert cookies, "no session cookie set"
    return cookies[-1]


def test_session_cookie_is_httponly_and_samesite_lax(app, client, post_form):
    with app.app_context():
        factories.make_user(email=EMAIL)
    header = _session_cookie_header(_login(client, post_form, EMAIL, factories.PASSWORD))
    assert "HttpOnly" in header
    assert "SameSite=Lax" in header
    assert "Secure" not in header  # the test app runs on plain http


def test_session_cookie_is_secure_when_configured(tmp_path, database_url):
    with app_for(tmp_path, database_url, SESSION_COOKIE_SECURE=True) as app:
        client = app.test_client()
        header = _session_cookie_header(client.get("/inloggen", base_url="https://localhost"))
        assert "Secure" in header
        assert "HttpOnly" in header
        assert "SameSite=Lax" in header


def test_cookies_are_secure_by_default_outside_tests():
    from servicecentrum.config import Defaults

    assert Defaults.SESSION_COOKIE_SECURE is True
    assert Defaults.SESSION_COOKIE_HTTPONLY is True
    assert Defaults.SESSION_COOKIE_SAMESITE == "Lax"
