"""The audit log: who did what, when and from where; never a secret; never changed."""

import json
import re

import pyotp
import pytest
from sqlalchemy import delete, select, update

from servicecentrum.audit.models import AuditEvent, AuditLogIsAppendOnly
from servicecentrum.audit.services import SecretInAuditLog, record
from servicecentrum.auth import reconfirm
from servicecentrum.auth.web import SESSION_TOKEN_KEY
from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from tests import factories

IP = "203.0.113.25"
NEW_PASSWORD = "zomeravond aan de gracht"
WRONG_PASSWORD = "niet-het-goede-wachtwoord"
RECOVERY = re.compile(r"<code>([2-9a-z]{5}-[2-9a-z]{5})</code>")
RESET_LINK = re.compile(r"/wachtwoord-herstellen/([A-Za-z0-9_-]+)")


class Browser:
    """A test client that always comes from the same address and remembers what it typed."""

    def __init__(self, app, post_form, secrets):
        self.client = app.test_client()
        self.post_form = post_form
        self.secrets = secrets

    def post(self, url, data=None, page=None):
        for key, value in (data or {}).items():
            if key != "email" and value:
                self.secrets.add(value)
        return self.post_form(self.client, url, data, page=page, environ_base={"REMOTE_ADDR": IP})

    def get(self, url):
        return self.client.get(url, environ_base={"REMOTE_ADDR": IP})

    def login(self, email, password=factories.PASSWORD):
        return self.post("/inloggen", {"email": email, "password": password}, page="/inloggen")

    def logout(self):
        return self.post("/uitloggen", page="/toegankelijkheid")

    def session_value(self, key):
        with self.client.session_transaction() as session:
            value = session.get(key)
        if value:
            self.secrets.add(value)
        return value


def _totp(secret, ahead=0):
    totp = pyotp.TOTP(secret)
    return totp.generate_otp(totp.timecode(utcnow()) + ahead)


def _run_every_flow(app, post_form):
    """Log in and out, fail, use MFA and recovery codes, reset a password, confirm a role."""
    secrets = {factories.PASSWORD, NEW_PASSWORD, WRONG_PASSWORD, factories.MFA_SECRET}
    with app.app_context():
        officer = factories.make_user(email="sanne@utrecht.test")
        adviser = factories.make_user(email="adviseur@forum.test", role="adviser", mfa=True)
        ids = {"officer": officer.id, "adviser": adviser.id}
    browser = Browser(app, post_form, secrets)

    browser.login("sanne@utrecht.test", WRONG_PASSWORD)                     # login_failed
    browser.login("niemand@utrecht.test", WRONG_PASSWORD)                   # login_failed
    browser.login("sanne@utrecht.test")                                     # login_succeeded
    browser.session_value(SESSION_TOKEN_KEY)
    browser.post("/account/bevestigen", page="/account/bevestigen")         # role_confirmed
    setup_page = browser.get("/account/tweestapsverificatie/instellen").get_data(as_text=True)
    secret = re.search(r'<code class="secret">([A-Z2-7]+)</code>', setup_page).group(1)
    secrets.add(secret)
    response = browser.post("/account/tweestapsverificatie/instellen", {"code": _totp(secret)},
                            page="/account/tweestapsverificatie/instellen")  # mfa_enabled
    codes = RECOVERY.findall(response.get_data(as_text=True))
    assert len(codes) == 10
    secrets.update(codes)
    response = browser.post("/account/tweestapsverificatie/herstelcodes", {"nieuw-code": _totp(secret, 1)},
                            page="/account/tweestapsverificatie")  # recovery codes replaced
    codes = RECOVERY.findall(response.get_data(as_text=True))
    assert len(codes) == 10
    secrets.update(codes)
    browser.logout()                                                        # logout

    browser.login("sanne@utrecht.test")
    browser.post("/inloggen/code", {"code": "000000"}, page="/inloggen/code")  # wrong code
    browser.post("/inloggen/code", {"code": codes[0]}, page="/inloggen/code")  # recovery code used
    browser.session_value(SESSION_TOKEN_KEY)
    browser.post("/account/tweestapsverificatie/uitzetten", {"uit-password": factories.PASSWORD},
                 page="/account/tweestapsverificatie")                      # mfa_disabled
    browser.logout()

    browser.post("/wachtwoord-vergeten", {"email": "adviseur@forum.test"},
                 page="/wachtwoord-vergeten")                               # password_reset_requested
    with app.app_context():
        body = db.session.scalars(select(OutboxMail.body_text)).all()[-1]
    token = RESET_LINK.search(body).group(1)
    secrets.add(token)
    path = f"/wachtwoord-herstellen/{token}"
    browser.post(path, {"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD}, page=path)
    browser.login("adviseur@forum.test", NEW_PASSWORD)
    browser.post("/inloggen/code", {"code": _totp(factories.MFA_SECRET)}, page="/inloggen/code")

    with app.app_context():
        reconfirm.request_reconfirmations(utcnow())
        db.session.get(factories.User, ids["officer"]).reconfirm_requested_at = utcnow().replace(year=2000)
        db.session.commit()
        reconfirm.disable_unconfirmed()
    return ids, {s for s in secrets if s}


BY_MEMBER = {
    "login_failed", "login_succeeded", "logout", "role_confirmed", "mfa_enabled",
    "mfa_recovery_codes_replaced", "mfa_recovery_code_used", "mfa_disabled",
    "password_reset_requested", "password_reset",
}


def test_every_action_is_recorded_with_actor_address_and_time(app, post_form):
    ids, _secrets = _run_every_flow(app, post_form)
    with app.app_context():
        events = list(db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
    actions = {e.action for e in events}
    assert actions >= BY_MEMBER | {"account_disabled"}
    for event in events:
        assert event.created_at is not None
        if event.action in BY_MEMBER:
            assert event.ip_address == IP, event.action
            if event.details.get("reason") != "unknown_email":
                assert event.actor_id in ids.values(), event.action
    unknown, = [e for e in events if e.details.get("reason") == "unknown_email"]
    assert (unknown.actor_id, unknown.details["email"]) == (None, "niemand@utrecht.test")
    wrong_code, = [e for e in events if e.details.get("reason") == "wrong_mfa_code"]
    assert wrong_code.actor_id == ids["officer"]
    disabled, = [e for e in events if e.action == "account_disabled"]
    assert (disabled.actor_id, disabled.target_id) == (None, ids["officer"])
    reset, = [e for e in events if e.action == "password_reset"]
    assert reset.actor_id == ids["adviser"]


def test_no_event_holds_a_password_code_or_token(app, post_form):
    _ids, secrets = _run_every_flow(app, post_form)
    assert len(secrets) > 20
    with app.app_context():
        rows = [
            json.dumps({"action": e.action, "details": e.details, "target": e.target_type,
                        "ip": e.ip_address})
            for e in db.session.scalars(select(AuditEvent))
        ]
    text = "\n".join(rows).lower()
    leaked = sorted(s for s in secrets if s.lower() in text)
    assert leaked == []


def test_detail_keys_that_could_hold_a_secret_are_refused(app_ctx):
    for key in ("password", "new_password", "token", "totp_code", "mfa_secret", "password_hash", "otp"):
        with pytest.raises(SecretInAuditLog):
            record("test", **{key: "x"})


def _one_event():
    event = record("test_event", reason="proef")
    db.session.commit()
    return event


def test_an_event_cannot_be_changed_through_the_orm(app_ctx):
    event = _one_event()
    event.action = "iets anders"
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.commit()
    db.session.rollback()
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.execute(update(AuditEvent).values(action="iets anders"))
    db.session.rollback()
    assert db.session.scalar(select(AuditEvent.action)) == "test_event"


def test_an_event_cannot_be_deleted_through_the_orm(app_ctx):
    event = _one_event()
    db.session.delete(event)
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.commit()
    db.session.rollback()
    for statement in (delete(AuditEvent), delete(AuditEvent.__table__)):
        with pytest.raises(AuditLogIsAppendOnly):
            db.session.execute(statement)
        db.session.rollback()
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.query(AuditEvent).delete()
    db.session.rollback()
    assert db.session.scalar(select(AuditEvent.action)) == "test_event"


def test_deleting_a_member_keeps_their_events(app_ctx):
    member = factories.make_user()
    record("login_succeeded", actor=member, target=member, ip_address=IP)
    db.session.commit()
    db.session.delete(member)
    db.session.commit()
    event = db.session.scalar(select(AuditEvent))
    assert (event.action, event.actor_id, event.ip_address) == ("login_succeeded", None, IP)
