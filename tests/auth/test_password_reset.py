"""Forgotten password: one answer for every address, a one-hour single-use link, MFA intact."""

import re
from datetime import timedelta

import pyotp
from sqlalchemy import select

from servicecentrum.audit.models import AuditEvent
from servicecentrum.auth.models import AccountToken, UserSession
from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from tests import factories
from tests.conftest import app_for

NEW_PASSWORD = "zomeravond aan de gracht"
LINK = re.compile(r"http://localhost/wachtwoord-herstellen/([A-Za-z0-9_-]+)")


def _ask_link(client, post_form, email, **kwargs):
    return post_form(client, "/wachtwoord-vergeten", {"email": email}, page="/wachtwoord-vergeten",
                     **kwargs)


def _mails(app, to_address=None):
    with app.app_context():
        query = select(OutboxMail).order_by(OutboxMail.id)
        if to_address:
            query = query.where(OutboxMail.to_address == to_address)
        return [(m.to_address, m.subject, m.body_text) for m in db.session.scalars(query)]


def _reset_link(app, email) -> str:
    """Return the path of the newest reset link mailed to the address."""
    body = [m for m in _mails(app, email) if LINK.search(m[2])][-1][2]
    return "/wachtwoord-herstellen/" + LINK.findall(body)[-1]


def _choose(client, post_form, path, password, confirm=None):
    return post_form(client, path, {"password": password, "password_confirm": confirm or password},
                     page=path)


def _login(client, post_form, email, password):
    return post_form(client, "/inloggen", {"email": email, "password": password}, page="/inloggen")


def _actions(app, action):
    with app.app_context():
        return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_known_and_unknown_addresses_get_exactly_the_same_answer(app, client, post_form):
    with app.app_context():
        factories.make_user(email="sanne@utrecht.test")
    known = _ask_link(client, post_form, "sanne@utrecht.test")
    unknown = _ask_link(app.test_client(), post_form, "niemand@utrecht.test")
    assert known.status_code == unknown.status_code == 302
    assert known.headers["Location"] == unknown.headers["Location"]
    page = client.get(known.headers["Location"])
    assert page.status_code == 200
    assert "Als er een account bij dit e-mailadres hoort" in page.get_data(as_text=True)
    assert [m[0] for m in _mails(app)] == ["sanne@utrecht.test"]
    assert len(_actions(app, "password_reset_requested")) == 1


def test_pending_and_disabled_accounts_get_no_reset_mail(app, client, post_form):
    with app.app_context():
        factories.make_user(email="wacht@proefstad.test", status="pending")
        factories.make_user(email="uit@proefstad.test", status="disabled")
    for email in ("wacht@proefstad.test", "uit@proefstad.test"):
        assert _ask_link(client, post_form, email).status_code == 302
    assert _mails(app) == []
    assert _actions(app, "password_reset_requested") == []


def test_the_address_is_found_whatever_its_case(app, client, post_form):
    with app.app_context():
        factories.make_user(email="sanne@utrecht.test")
    _ask_link(client, post_form, "  Sanne@Utrecht.TEST ")
    assert [m[0] for m in _mails(app)] == ["sanne@utrecht.test"]


def test_a_bad_address_gets_a_dutch_message_and_keeps_what_was_typed(client, post_form):
    response = _ask_link(client, post_form, "geen-adres")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Vul een geldig e-mailadres in" in html
    assert 'value="geen-adres"' in html


def test_the_mail_holds_a_full_link_valid_for_one_hour(app, client, post_form):
    with app.app_context():
        factories.make_user(email="sanne@utrecht.test", name="Sanne Jansen")
    _ask_link(client, post_form, "sanne@utrecht.test")
    (_to, subject, body), = _mails(app)
    assert "wachtwoord" in subject.lower()
    assert "Beste Sanne Jansen" in body
    assert LINK.search(body)
    assert "1 uur" in body
    with app.app_context():
        token = db.session.scalar(select(AccountToken))
        assert token.purpose == "reset_password"
        assert timedelta(minutes=59) < token.expires_at - token.created_at <= timedelta(hours=1)
        assert LINK.search(body).group(1) not in token.token_hash  # only a hash is stored


def test_member_chooses_a_new_password_and_logs_in_with_it(app, client, post_form):
    with app.app_context():
        factories.make_user(email="sanne@utrecht.test")
    _ask_link(client, post_form, "sanne@utrecht.test")
    path = _reset_link(app, "sanne@utrecht.test")
    page = client.get(path)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert 'name="password"' in html and 'name="password_confirm"' in html
    assert page.headers["Cache-Control"] == "no-store"

    response = _choose(client, post_form, path, NEW_PASSWORD)
    assert response.status_code == 302
    assert response.headers["Location"] == "/inloggen"
    assert "Uw wachtwoord is gewijzigd" in client.get("/inloggen").get_data(as_text=True)
    assert client.get("/overzicht").status_code == 302  # not logged in by the reset

    assert _login(client, post_form, "sanne@utrecht.test", factories.PASSWORD).status_code == 422
    assert _login(client, post_form, "sanne@utrecht.test", NEW_PASSWORD).status_code == 302
    assert client.get("/overzicht").status_code == 200


def test_the_member_is_told_by_mail_that_the_password_changed(app, client, post_form):
    with app.app_context():
        factories.make_user(email="sanne@utrecht.test")
    _ask_link(client, post_form, "sanne@utrecht.test")
    _choose(client, post_form, _reset_link(app, "sanne@utrecht.test"), NEW_PASSWORD)
    subjects = [m[1] for m in _mails(app, "sanne@utrecht.test")]
    assert subjects[-1] == "Uw wachtwoord is gewijzigd"
    assert NEW_PASSWORD not in _mails(app)[-1][2]


def test_a_reset_never_bypasses_the_second_factor(app, client, post_form):
    with app.app_context():
        factories.make_user(email="adviseur@forum.test", role="adviser", mfa=True)
    _ask_link(client, post_form, "adviseur@forum.test")
    _choose(client, post_form, _reset_link(app, "adviseur@forum.test"), NEW_PASSWORD)
    response = _login(client, post_form, "adviseur@forum.test", NEW_PASSWORD)
    assert response.headers["Location"] == "/inloggen/code"
    assert client.get("/overzicht").status_code == 302
    code = pyotp.TOTP(factories.MFA_SECRET).now()
    response = post_form(client, "/inloggen/code", {"code": code}, page="/inloggen/code")
    assert response.status_code == 302
    assert client.get("/overzicht").status_code == 200


def test_a_reset_ends_every_session_of_the_member(app, client, login, post_form):
    elsewhere = app.test_client()
    with app.app_context():
        user = factories.make_user(email="sanne@utrecht.test")
        login(elsewhere, user)
    assert elsewhere.get("/overzicht").status_code == 200
    _ask_link(client, post_form, "sanne@utrecht.test")
    _choose(client, post_form, _reset_link(app, "sanne@utrecht.test"), NEW_PASSWORD)
    assert elsewhere.get("/overzicht").status_code == 302
    with app.app_context():
        reasons = {s.end_reason for s in db.session.scalars(select(UserSession))}
    assert reasons == {"password_reset"}


def test_a_member_who_resets_while_logged_in_is_logged_out_with_a_message(app, client, login,
                                                                         post_form):
    with app.app_context():
        login(client, factories.make_user(email="sanne@utrecht.test"))
    _ask_link(client, post_form, "sanne@utrecht.test")
    response = _choose(client, post_form, _reset_link(app, "sanne@utrecht.test"), NEW_PASSWORD)
    assert response.headers["Location"] == "/inloggen"
    page = client.get("/inloggen")
    assert page.status_code == 200
    assert "Uw wachtwoord is gewijzigd" in page.get_data(as_text=True)


def test_a_link_works_only_once(app, client, post_form):
    with app.app_context():
        factories.make_user(email="sanne@utrecht.test")
    _ask_link(client, post_form, "sanne@utrecht.test")
    path = _reset_link(app, "sanne@utrecht.test")
    _choose(client, post_form, path, NEW_PASSWORD)
    again = client.get(path)
    html = again.get_data(as_text=True)
    assert again.status_code == 410
    assert "al gebruikt" in html
    assert 'href="/wachtwoord-vergeten"' in html
    reuse = _choose(client, post_form, path, "nog een ander wachtwoord")
    assert reuse.status_code == 410
    assert _login(client, post_form, "sanne@utrecht.test", "nog een ander wachtwoord").status_code == 422


def test_an_expired_link_is_refused_with_a_way_to_a_new_one(app, client, post_form):
    with app.app_context():
        factories.make_user(email="sanne@utrecht.test")
    _ask_link(client, post_form, "sanne@utrecht.test")
    path = _reset_link(app, "sanne@utrecht.test")
    with app.app_context():
        token = db.session.scalar(select(AccountToken))
        token.expires_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    for response in (client.get(path), _choose(client, post_form, path, NEW_PASSWORD)):
        html = response.get_data(as_text=True)
        assert response.status_code == 410
        assert "verlopen" in html
        assert 'href="/wachtwoord-vergeten"' in html
    assert _login(client, post_form, "sanne@utrecht.test", NEW_PASSWORD).status_code == 422


def test_an_unknown_link_is_refused_with_400(client):
    response = client.get("/wachtwoord-herstellen/verzonnen-token")
    assert response.status_code == 400
    assert "Deze link klopt niet" in response.get_data(as_text=True)


def test_a_new_request_makes_the_older_link_stop_working(app, client, post_form):
    with app.app_context():
        factories.make_user(email="sanne@utrecht.test")
    _ask_link(client, post_form, "sanne@utrecht.test")
    first = _reset_link(app, "sanne@utrecht.test")
    _ask_link(client, post_form, "sanne@utrecht.test")
    second = _reset_link(app, "sanne@utrecht.test")
    assert first != second
    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 200


def test_a_link_for_an_account_disabled_since_does_not_work(app, client, post_form):
    with app.app_context():
        user_id = factories.make_user(email="sanne@utrecht.test").id
    _ask_link(client, post_form, "sanne@utrecht.test")
    path = _reset_link(app, "sanne@utrecht.test")
    with app.app_context():
        db.session.get(factories.User, user_id).status = "disabled"
        db.session.commit()
    assert client.get(path).status_code == 400


def test_a_weak_new_password_is_refused_and_the_link_keeps_working(app, client, post_form):
    with app.app_context():
        factories.make_user(email="sanne@utrecht.test", name="Sanne Jansen")
    _ask_link(client, post_form, "sanne@utrecht.test")
    path = _reset_link(app, "sanne@utrecht.test")
    cases = [
        ("kort", None, "minstens 12 tekens"),
        ("Wachtwoord2024!", None, "te bekend"),
        ("sanne houdt van fietsen", None, "naam of e-mailadres"),
        (NEW_PASSWORD, NEW_PASSWORD + "x", "niet gelijk"),
        ("", "", "Kies een nieuw wachtwoord"),
    ]
    for password, confirm, message in cases:
        response = _choose(client, post_form, path, password, confirm)
        html = response.get_data(as_text=True)
        assert response.status_code == 422, password
        assert message in html, password
        assert 'aria-invalid="true"' in html
        if password:
            assert f'value="{password}"' not in html  # passwords are never echoed
    assert client.get(path).status_code == 200
    assert _choose(client, post_form, path, NEW_PASSWORD).status_code == 302


def test_the_new_password_is_kept_exactly_as_typed(app, client, post_form):
    with app.app_context():
        factories.make_user(email="sanne@utrecht.test")
    _ask_link(client, post_form, "sanne@utrecht.test")
    _choose(client, post_form, _reset_link(app, "sanne@utrecht.test"), "  " + NEW_PASSWORD + " ")
    assert _login(client, post_form, "sanne@utrecht.test", NEW_PASSWORD).status_code == 422
    assert _login(client, post_form, "sanne@utrecht.test", "  " + NEW_PASSWORD + " ").status_code == 302


def test_reset_is_recorded_in_the_audit_log(app, client, post_form):
    with app.app_context():
        user_id = factories.make_user(email="sanne@utrecht.test").id
    _ask_link(client, post_form, "sanne@utrecht.test", environ_base={"REMOTE_ADDR": "198.51.100.4"})
    path = _reset_link(app, "sanne@utrecht.test")
    post_form(client, path, {"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD}, page=path,
              environ_base={"REMOTE_ADDR": "198.51.100.5"})
    requested, = _actions(app, "password_reset_requested")
    done, = _actions(app, "password_reset")
    assert (requested.actor_id, requested.ip_address) == (user_id, "198.51.100.4")
    assert (done.actor_id, done.ip_address) == (user_id, "198.51.100.5")


def test_requests_for_links_are_rate_limited_per_address_and_per_ip(tmp_path, database_url, post_form):
    with app_for(tmp_path, database_url, SIGNUP_LIMIT="3 per hour") as app:
        client = app.test_client()
        for n in range(3):
            assert _ask_link(client, post_form, f"iemand{n}@proefstad.test").status_code == 302
        response = _ask_link(client, post_form, "nog-iemand@proefstad.test")
        assert response.status_code == 429
        assert "Te veel verzoeken" in response.get_data(as_text=True)

        for n in range(3):
            ip = {"REMOTE_ADDR": f"192.0.2.{n + 10}"}
            assert _ask_link(client, post_form, "doelwit@proefstad.test", environ_base=ip).status_code == 302
        other_ip = {"REMOTE_ADDR": "192.0.2.99"}
        assert _ask_link(client, post_form, "doelwit@proefstad.test",
                         environ_base=other_ip).status_code == 429
        assert _ask_link(client, post_form, "ander@proefstad.test", environ_base=other_ip).status_code == 302
