"""Deleting my account: personal data gone, access ended, audit trail kept without my name."""

import pytest
from sqlalchemy import func, select

from servicecentrum.account import services
from servicecentrum.audit.models import AuditEvent
from servicecentrum.auth import tokens
from servicecentrum.auth.models import AccountToken, User, UserSession
from servicecentrum.extensions import db
from tests import factories
from tests.account.helpers import events, mails_to


def _delete(client, post_form, password=factories.PASSWORD, confirm="y"):
    data = {"password": password}
    if confirm:
        data["confirm"] = confirm
    return post_form(client, "/account/verwijderen", data, page="/account/verwijderen")


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def hook_calls():
    """Register a before-delete hook like the search index will, and remove it afterwards."""
    calls = []

    def hook(user):
        calls.append((user.id, user.email))

    services.register_before_delete(hook)
    yield calls
    services.BEFORE_DELETE_HOOKS.remove(hook)


def test_delete_page_explains_what_happens(app, client, login):
    with app.app_context():
        login(client, factories.make_user())
    html = client.get("/account/verwijderen").get_data(as_text=True)
    assert "voormalig lid" in html
    assert 'name="password"' in html and 'name="confirm"' in html


def test_deleting_removes_the_member_their_mails_and_every_session(app, client, login, post_form, hook_calls):
    with app.app_context():
        user = factories.make_user(email="weg@proefstad.test", expertise=[factories.make_theme()])
        user_id = user.id
        login(client, user)
        other_device = app.test_client()
        login(other_device, user_id)
        tokens.issue_token(user, "change_email", new_email="nieuw@proefstad.test")
        db.session.commit()
        factories.make_outbox_mail(to_address="weg@proefstad.test", status="sent")
        factories.make_outbox_mail(to_address="blijft@proefstad.test")
    assert client.get("/account").status_code == 200

    response = _delete(client, post_form)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert "Uw account en uw persoonsgegevens zijn verwijderd." in client.get("/").get_data(as_text=True)
    for browser in (client, other_device):
        assert browser.get("/account").headers["Location"].startswith("/inloggen")

    with app.app_context():
        assert db.session.get(User, user_id) is None
        assert _count(UserSession) == 0
        assert _count(AccountToken) == 0
        assert mails_to("weg@proefstad.test") == []
        assert len(mails_to("blijft@proefstad.test")) == 1
        (event,) = events("account_deleted")
        assert event.actor_id is None
        assert event.details["user_id"] == user_id
        assert "weg@proefstad.test" not in str(event.details)
    assert hook_calls == [(user_id, "weg@proefstad.test")]
    login_again = post_form(app.test_client(), "/inloggen",
                            {"email": "weg@proefstad.test", "password": factories.PASSWORD}, page="/inloggen")
    assert login_again.status_code == 422


def test_audit_events_of_a_deleted_member_stay_with_an_empty_actor(app, client, login, post_form):
    with app.app_context():
        user = factories.make_user()
        user_id = user.id
        login(client, user)
    post_form(client, "/account", {"name": "Nieuwe Naam", "notify_frequency": "never"}, page="/account")
    _delete(client, post_form)
    with app.app_context():
        (event,) = events("profile_updated")
        assert event.actor_id is None
        assert event.target_id == user_id
        assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                                 .where(AuditEvent.actor_id == user_id)) == 0


def test_wrong_password_or_missing_confirmation_deletes_nothing(app, client, login, post_form):
    with app.app_context():
        user = factories.make_user()
        user_id = user.id
        login(client, user)
    wrong = _delete(client, post_form, password="niet mijn wachtwoord")
    assert wrong.status_code == 422
    assert "Uw huidige wachtwoord klopt niet." in wrong.get_data(as_text=True)
    unconfirmed = _delete(client, post_form, confirm=None)
    assert unconfirmed.status_code == 422
    assert "Vink aan dat u uw account definitief wilt verwijderen." in unconfirmed.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, user_id) is not None
    assert client.get("/account").status_code == 200


def test_the_last_active_admin_cannot_delete_their_account(app, client, login, post_form):
    with app.app_context():
        admin = factories.make_user(role="admin")
        factories.make_user(role="admin", status="disabled")
        admin_id = admin.id
        login(client, admin)
    response = _delete(client, post_form)
    assert response.status_code == 422
    assert "U bent de enige actieve beheerder." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, admin_id) is not None
        assert events("account_deleted") == []
    assert client.get("/account").status_code == 200


def test_an_admin_may_leave_while_another_admin_remains(app, client, login, post_form):
    with app.app_context():
        admin = factories.make_user(role="admin")
        factories.make_user(role="admin")
        admin_id = admin.id
        login(client, admin)
    assert _delete(client, post_form).status_code == 302
    with app.app_context():
        assert db.session.get(User, admin_id) is None
