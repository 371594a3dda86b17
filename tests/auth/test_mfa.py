"""Two-step verification: forced set-up for staff, TOTP without replay, recovery codes, switch-off."""

import re

import pyotp
from sqlalchemy import select

from servicecentrum.admin.settings import set_setting
from servicecentrum.auth.models import User
from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from tests import factories

SETUP = "/account/tweestapsverificatie/instellen"
OVERVIEW = "/account/tweestapsverificatie"
CODE = "/inloggen/code"
RECOVERY = re.compile(r"<code>([2-9a-z]{5}-[2-9a-z]{5})</code>")


def _login(client, post_form, email, password=factories.PASSWORD, **kwargs):
    return post_form(client, "/inloggen", {"email": email, "password": password}, page="/inloggen",
                     **kwargs)


def _code(client, post_form, code, **kwargs):
    return post_form(client, CODE, {"code": code}, page=CODE, **kwargs)


def _step_code(secret: str, steps_ahead: int = 0) -> str:
    """The code of the current time step, or of a later one (one step of drift is accepted)."""
    totp = pyotp.TOTP(secret)
    return totp.generate_otp(totp.timecode(utcnow()) + steps_ahead)


SECRET_ON_PAGE = re.compile(r'<code class="secret">([A-Z2-7]+)</code>')


def _secret_on_page(client) -> str:
    """Read the set-up key from the page, as a member typing it into their app would."""
    return SECRET_ON_PAGE.search(client.get(SETUP).get_data(as_text=True)).group(1)


def _set_up(client, post_form) -> tuple[str, list[str]]:
    """Finish MFA set-up for the logged-in member; return the secret and the recovery codes."""
    secret = _secret_on_page(client)
    response = post_form(client, SETUP, {"code": pyotp.TOTP(secret).now()}, page=SETUP)
    assert response.status_code == 200
    return secret, RECOVERY.findall(response.get_data(as_text=True))


def _user(app, email) -> User:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        db.session.expunge(user)
        return user


# Forced set-up --------------------------------------------------------------------------------

def test_an_adviser_without_mfa_is_sent_to_set_up_and_kept_there(app, client, post_form):
    with app.app_context():
        factories.make_user(email="adviseur@forum.test", role="adviser", mfa=False)
    response = _login(client, post_form, "adviseur@forum.test")
    assert response.headers["Location"] == SETUP
    page = client.get(SETUP).get_data(as_text=True)
    assert "verplicht" in page
    for path in ("/overzicht", "/account", "/beheer"):
        blocked = client.get(path)
        assert blocked.status_code == 302, path
        assert blocked.headers["Location"] == SETUP, path


def test_set_up_with_a_wrong_code_fails_with_a_dutch_message(app, client, login, post_form):
    with app.app_context():
        login(client, factories.make_user(role="adviser", mfa=False))
    secret = _secret_on_page(client)
    wrong = str((int(pyotp.TOTP(secret).now()) + 500000) % 1000000).zfill(6)
    response = post_form(client, SETUP, {"code": wrong}, page=SETUP)
    assert response.status_code == 422
    assert "Deze code klopt niet" in response.get_data(as_text=True)
    assert client.get("/overzicht").headers["Location"] == SETUP


def test_set_up_with_the_right_code_shows_ten_recovery_codes_once(app, client, login, post_form):
    with app.app_context():
        user_id = factories.make_user(role="adviser", mfa=False).id
        login(client, user_id)
    secret = _secret_on_page(client)
    response = post_form(client, SETUP, {"code": pyotp.TOTP(secret).now()}, page=SETUP)
    assert response.status_code == 200
    codes = RECOVERY.findall(response.get_data(as_text=True))
    assert len(codes) == 10 == len(set(codes))
    assert RECOVERY.findall(client.get(OVERVIEW).get_data(as_text=True)) == []
    assert client.get("/overzicht").status_code == 200
    with app.app_context():
        user = db.session.get(User, user_id)
        assert user.mfa_enabled and user.mfa_secret == secret


def test_the_secret_can_also_be_read_from_the_page(app, client, login, post_form):
    with app.app_context():
        login(client, factories.make_user(role="adviser", mfa=False))
    first = _secret_on_page(client)
    assert _secret_on_page(client) == first  # a reload shows the same key, so a half-done set-up survives
    response = post_form(client, SETUP, {"code": pyotp.TOTP(first).now()}, page=SETUP)
    assert "Tweestapsverificatie staat aan" in response.get_data(as_text=True)


def test_the_qr_code_is_an_image_from_no_outside_service(app, client, login):
    with app.app_context():
        login(client, factories.make_user(role="adviser", mfa=False))
    page = client.get(SETUP).get_data(as_text=True)
    sources = re.findall(r'<img[^>]*src="([^"]+)"', page)
    assert sources and all(src == "/account/tweestapsverificatie/qr.svg" for src in sources)
    assert "chart.googleapis" not in page and "api.qrserver" not in page


def test_an_officer_may_choose_mfa_and_is_not_forced(app, client, post_form):
    with app.app_context():
        factories.make_user(email="sanne@utrecht.test")
    assert _login(client, post_form, "sanne@utrecht.test").headers["Location"] == "/overzicht"
    assert client.get("/overzicht").status_code == 200


def test_the_admin_setting_forces_officers_into_set_up_too(app, client, post_form):
    with app.app_context():
        set_setting("mfa_required_for_all", True, actor=factories.make_user(role="admin"))
        factories.make_user(email="sanne@utrecht.test")
    assert _login(client, post_form, "sanne@utrecht.test").headers["Location"] == SETUP
    assert client.get("/overzicht").headers["Location"] == SETUP


# Login with a second factor -----------------------------------------------------------------

def test_after_set_up_login_asks_for_the_code(app, client, login, post_form):
    with app.app_context():
        user = factories.make_user(email="adviseur@forum.test", role="adviser", mfa=False)
        login(client, user)
    secret, _codes = _set_up(client, post_form)
    post_form(client, "/uitloggen", page="/overzicht")

    assert _login(client, post_form, "adviseur@forum.test").headers["Location"] == CODE
    assert client.get("/overzicht").status_code == 302
    # The set-up code is used up; the app's next code logs in.
    response = _code(client, post_form, _step_code(secret, 1))
    assert response.headers["Location"] == "/overzicht"
    assert client.get("/overzicht").status_code == 200


def test_a_totp_code_cannot_be_replayed(app, client, post_form):
    with app.app_context():
        factories.make_user(email="adviseur@forum.test", role="adviser", mfa=True)
    code = _step_code(factories.MFA_SECRET)
    _login(client, post_form, "adviseur@forum.test")
    assert _code(client, post_form, code).status_code == 302

    other = client.application.test_client()
    _login(other, post_form, "adviseur@forum.test")
    response = _code(other, post_form, code)
    assert response.status_code == 422
    assert "Deze code klopt niet of is al gebruikt" in response.get_data(as_text=True)
    assert other.get("/overzicht").status_code == 302
    # Neither is an older code accepted once a newer one was used.
    assert _code(other, post_form, _step_code(factories.MFA_SECRET, -1)).status_code == 422


def test_a_wrong_code_does_not_log_in(app, client, post_form):
    with app.app_context():
        factories.make_user(email="adviseur@forum.test", role="adviser", mfa=True)
    _login(client, post_form, "adviseur@forum.test")
    wrong = _step_code(factories.MFA_SECRET, 5)
    assert _code(client, post_form, wrong).status_code == 422
    assert client.get("/overzicht").status_code == 302


def test_the_code_page_without_the_password_step_sends_back_to_login(client):
    response = client.get(CODE)
    assert response.headers["Location"] == "/inloggen"


def test_the_code_step_expires_after_five_minutes(app, client, post_form, monkeypatch):
    import time as time_module

    with app.app_context():
        factories.make_user(email="adviseur@forum.test", role="adviser", mfa=True)
    _login(client, post_form, "adviseur@forum.test")
    later = time_module.time() + 301
    monkeypatch.setattr("servicecentrum.auth.views.time.time", lambda: later)
    response = post_form(client, CODE, {"code": _step_code(factories.MFA_SECRET)})
    assert response.headers["Location"] == "/inloggen"
    assert "de tijd voor de code is verstreken" in client.get("/inloggen").get_data(as_text=True)
    assert client.get("/overzicht").status_code == 302


def test_a_recovery_code_works_once_only(app, client, login, post_form):
    with app.app_context():
        user = factories.make_user(email="sanne@utrecht.test")
        login(client, user)
    _secret, codes = _set_up(client, post_form)
    post_form(client, "/uitloggen", page="/overzicht")

    _login(client, post_form, "sanne@utrecht.test")
    response = _code(client, post_form, codes[3].upper())
    assert response.headers["Location"] == "/overzicht"
    assert "U logde in met een herstelcode" in client.get("/overzicht").get_data(as_text=True)
    post_form(client, "/uitloggen", page="/overzicht")

    _login(client, post_form, "sanne@utrecht.test")
    assert _code(client, post_form, codes[3]).status_code == 422
    assert _code(client, post_form, codes[4]).status_code == 302
    assert "8 ongebruikte herstelcodes" in client.get(OVERVIEW).get_data(as_text=True)


def test_wrong_codes_are_rate_limited(app, client, post_form):
    with app.app_context():
        factories.make_user(email="adviseur@forum.test", role="adviser", mfa=True)
    _login(client, post_form, "adviseur@forum.test")
    for n in range(10):
        assert _code(client, post_form, str(100000 + n)).status_code == 422
    response = _code(client, post_form, _step_code(factories.MFA_SECRET))
    assert response.status_code == 429
    assert "Te veel verzoeken" in response.get_data(as_text=True)
    assert client.get("/overzicht").status_code == 302


def test_wrong_codes_for_one_member_are_limited_across_addresses(app, client, post_form):
    with app.app_context():
        factories.make_user(email="adviseur@forum.test", role="adviser", mfa=True)
    for n in range(10):
        ip = {"REMOTE_ADDR": f"192.0.2.{n + 1}"}
        browser = app.test_client()
        _login(browser, post_form, "adviseur@forum.test", environ_base=ip)
        assert _code(browser, post_form, str(200000 + n), environ_base=ip).status_code == 422
    browser = app.test_client()
    ip = {"REMOTE_ADDR": "198.51.100.1"}
    _login(browser, post_form, "adviseur@forum.test", environ_base=ip)
    assert _code(browser, post_form, _step_code(factories.MFA_SECRET), environ_base=ip).status_code == 429


# Switching off, and what a change does to other sessions ------------------------------------

def test_an_officer_switches_mfa_off_with_the_password(app, client, login, post_form):
    with app.app_context():
        user_id = factories.make_user(mfa=True).id
        login(client, user_id)
    page = client.get(OVERVIEW).get_data(as_text=True)
    assert "Tweestapsverificatie uitzetten" in page
    wrong = post_form(client, OVERVIEW + "/uitzetten", {"uit-password": "niet het wachtwoord"},
                      page=OVERVIEW)
    assert wrong.headers["Location"] == OVERVIEW
    assert "Het wachtwoord klopt niet" in client.get(OVERVIEW).get_data(as_text=True)
    assert _user(app, _email(app, user_id)).mfa_enabled

    response = post_form(client, OVERVIEW + "/uitzetten", {"uit-password": factories.PASSWORD},
                         page=OVERVIEW)
    assert response.status_code == 302
    assert not _user(app, _email(app, user_id)).mfa_enabled


def test_an_adviser_may_not_switch_mfa_off(app, client, login, post_form):
    with app.app_context():
        user_id = factories.make_user(role="adviser", mfa=True).id
        login(client, user_id)
    assert "Tweestapsverificatie uitzetten" not in client.get(OVERVIEW).get_data(as_text=True)
    response = post_form(client, OVERVIEW + "/uitzetten", {"uit-password": factories.PASSWORD},
                         page=OVERVIEW)
    assert response.status_code == 403
    assert _user(app, _email(app, user_id)).mfa_enabled


def test_officers_may_not_switch_mfa_off_when_it_is_required_for_all(app, client, login, post_form):
    with app.app_context():
        user_id = factories.make_user(mfa=True).id
        set_setting("mfa_required_for_all", True, actor=factories.make_user(role="admin"))
        login(client, user_id)
    response = post_form(client, OVERVIEW + "/uitzetten", {"uit-password": factories.PASSWORD},
                         page=OVERVIEW)
    assert response.status_code == 403


def test_switching_mfa_on_ends_the_members_other_sessions(app, client, login, post_form):
    elsewhere = app.test_client()
    with app.app_context():
        user = factories.make_user()
        login(elsewhere, user)
        login(client, user)
    _set_up(client, post_form)
    assert elsewhere.get("/overzicht").status_code == 302
    assert client.get("/overzicht").status_code == 200


def test_switching_mfa_off_ends_the_members_other_sessions(app, client, login, post_form):
    elsewhere = app.test_client()
    with app.app_context():
        user = factories.make_user(mfa=True)
        login(elsewhere, user)
        login(client, user)
    post_form(client, OVERVIEW + "/uitzetten", {"uit-password": factories.PASSWORD}, page=OVERVIEW)
    assert elsewhere.get("/overzicht").status_code == 302
    assert client.get("/overzicht").status_code == 200


def test_new_recovery_codes_replace_the_old_ones(app, client, login, post_form):
    with app.app_context():
        user = factories.make_user(email="sanne@utrecht.test")
        login(client, user)
    secret, old_codes = _set_up(client, post_form)
    response = post_form(client, OVERVIEW + "/herstelcodes", {"nieuw-code": _step_code(secret, 1)},
                         page=OVERVIEW)
    assert response.status_code == 200
    new_codes = RECOVERY.findall(response.get_data(as_text=True))
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    assert RECOVERY.findall(client.get(OVERVIEW).get_data(as_text=True)) == []
    post_form(client, "/uitloggen", page="/overzicht")
    _login(client, post_form, "sanne@utrecht.test")
    assert _code(client, post_form, old_codes[0]).status_code == 422
    assert _code(client, post_form, new_codes[0]).status_code == 302


def _email(app, user_id) -> str:
    with app.app_context():
        return db.session.get(User, user_id).email


def test_neither_the_secret_nor_recovery_codes_ever_travel_in_the_session_cookie(
        app, client, login, post_form):
    with app.app_context():
        login(client, factories.make_user(role="adviser", mfa=False))
    secret = _secret_on_page(client)
    with client.session_transaction() as session:
        assert secret not in repr(dict(session))
    _, codes = _set_up(client, post_form)
    with client.session_transaction() as session:
        cookie_content = repr(dict(session))
    assert secret not in cookie_content
    assert not any(code in cookie_content for code in codes)


def test_guessing_codes_for_new_recovery_codes_is_rate_limited(app, client, login, post_form):
    with app.app_context():
        login(client, factories.make_user(mfa=True))
    for n in range(10):
        response = post_form(client, OVERVIEW + "/herstelcodes", {"nieuw-code": str(300000 + n)},
                             page=OVERVIEW)
        assert response.status_code == 302
    response = post_form(client, OVERVIEW + "/herstelcodes",
                         {"nieuw-code": _step_code(factories.MFA_SECRET)}, page=OVERVIEW)
    assert response.status_code == 429
    assert "Te veel verzoeken" in response.get_data(as_text=True)


def test_guessing_the_password_to_switch_mfa_off_is_rate_limited(app, client, login, post_form):
    with app.app_context():
        user_id = factories.make_user(mfa=True).id
        login(client, user_id)
    for n in range(10):
        post_form(client, OVERVIEW + "/uitzetten", {"uit-password": f"gok {n} gok gok"}, page=OVERVIEW)
    response = post_form(client, OVERVIEW + "/uitzetten", {"uit-password": factories.PASSWORD},
                         page=OVERVIEW)
    assert response.status_code == 429
    assert _user(app, _email(app, user_id)).mfa_enabled
