"""Download all my data: complete about me, nothing secret, nothing about others."""

import json

import pytest
from sqlalchemy import select

from servicecentrum.account import export
from servicecentrum.audit.services import record
from servicecentrum.auth import mfa, tokens
from servicecentrum.auth.models import AccountToken, RecoveryCode, User, UserSession
from servicecentrum.extensions import db
from tests import factories
from tests.account.helpers import events


@pytest.fixture
def extra_section():
    """Register a section the way a later feature would, and remove it afterwards."""
    export.register_export_section("questions", lambda user: [{"title": f"Vraag van {user.name}"}])
    yield
    export.EXPORT_SECTIONS.pop("questions", None)


def _download(client, post_form):
    return post_form(client, "/account/export", page="/account/export")


def test_export_page_explains_and_offers_a_download_button(app, client, login):
    with app.app_context():
        login(client, factories.make_user())
    html = client.get("/account/export").get_data(as_text=True)
    assert "Mijn gegevens downloaden" in html
    assert 'action="/account/export"' in html


def test_export_is_a_json_attachment_with_everything_about_me(app, client, login, post_form, extra_section):
    with app.app_context():
        theme = factories.make_theme(name="Onderwijs")
        org = factories.make_organisation(name="Gemeente Zwolle")
        user = factories.make_user(role="adviser", name="Sanne Jansen", email="sanne@zwolle.test",
                                   organisation=org, expertise=[theme])
        factories.make_programme(name="Sociale Cohesie", advisers=[user])
        login(client, user)
        user_id = user.id
    response = _download(client, post_form)
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="mijn-gegevens-')
    assert disposition.endswith('.json"')
    data = json.loads(response.get_data(as_text=True))
    assert {"profile", "organisation", "expertise", "programmes", "sessions", "audit_events",
            "sections"} <= set(data)
    assert data["profile"]["email"] == "sanne@zwolle.test"
    assert data["profile"]["name"] == "Sanne Jansen"
    assert data["profile"]["mfa_enabled"] is True
    assert data["organisation"]["name"] == "Gemeente Zwolle"
    assert [t["name"] for t in data["expertise"]] == ["Onderwijs"]
    assert [p["name"] for p in data["programmes"]] == ["Sociale Cohesie"]
    assert data["sessions"][0]["ip_address"] == "127.0.0.1"
    assert data["sections"]["questions"] == [{"title": "Vraag van Sanne Jansen"}]
    with app.app_context():
        (event,) = events("data_exported")
        assert event.actor_id == user_id


def test_export_holds_no_password_hash_mfa_secret_codes_or_tokens(app, client, login, post_form):
    with app.app_context():
        user = factories.make_user(role="admin")
        codes = mfa.replace_recovery_codes(user)
        raw_token = tokens.issue_token(user, "change_email", new_email="nieuw@proefstad.test")
        db.session.commit()
        session_token = login(client, user)
        user_id = user.id
    text = _download(client, post_form).get_data(as_text=True)
    with app.app_context():
        user = db.session.get(User, user_id)
        secrets = [user.password_hash, user.mfa_secret, raw_token, session_token, *codes]
        secrets += db.session.scalars(select(UserSession.token_hash)).all()
        secrets += db.session.scalars(select(AccountToken.token_hash)).all()
        secrets += db.session.scalars(select(RecoveryCode.code_hash)).all()
    for secret in secrets:
        assert secret and secret not in text
    for key in ("password_hash", "mfa_secret", "token_hash", "code_hash"):
        assert key not in text


def test_export_leaves_out_other_members_data_from_my_audit_events(app, client, login, post_form):
    with app.app_context():
        admin = factories.make_user(role="admin")
        other = factories.make_user(email="ander.lid@proefstad.test", name="Ander Lid")
        record("role_changed", actor=admin, target=other, old="officer", new="adviser",
               email="ander.lid@proefstad.test")
        record("role_changed", actor=other, target=admin, old="officer", new="admin")
        db.session.commit()
        login(client, admin)
    text = _download(client, post_form).get_data(as_text=True)
    data = json.loads(text)
    assert "ander.lid@proefstad.test" not in text
    assert "Ander Lid" not in text
    (mine,) = [e for e in data["audit_events"] if e["action"] == "role_changed"]
    assert mine["target_id"] is None and mine["details"] == {}


def test_a_broken_section_gives_an_error_page_not_a_half_export(app, client, login, post_form):
    def broken(user):
        raise RuntimeError("bug in a later feature")

    export.register_export_section("kapot", broken)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    try:
        with app.app_context():
            login(client, factories.make_user())
        response = _download(client, post_form)
        assert response.status_code == 500
        with app.app_context():
            assert events("data_exported") == []
    finally:
        export.EXPORT_SECTIONS.pop("kapot", None)
