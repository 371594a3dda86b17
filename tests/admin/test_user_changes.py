"""Changes admins make to accounts: each one takes effect, is audited, and guards the last admin."""

import threading

import pytest
from sqlalchemy import select

from servicecentrum.admin import users
from servicecentrum.audit.models import AuditEvent
from servicecentrum.auth.models import RecoveryCode, User, UserSession
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from tests import factories
from tests.conftest import TEST_DATABASE_URL


def events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def mails_to(address: str) -> list[OutboxMail]:
    return list(db.session.scalars(select(OutboxMail).where(OutboxMail.to_address == address)))


@pytest.fixture
def admin_id(app, client, login) -> int:
    """An admin logged in on the test client."""
    with app.app_context():
        admin = factories.make_user(role="admin", name="Anna Beheer")
        login(client, admin.id)
        return admin.id


def page_of(client, user_id: int) -> str:
    return f"/beheer/gebruikers/{user_id}"


# --- role -------------------------------------------------------------------------------------


def test_admin_makes_an_officer_adviser_and_the_change_is_audited(app, client, post_form, admin_id):
    with app.app_context():
        officer_id = factories.make_user(name="Sanne Jansen").id
    response = post_form(client, f"/beheer/gebruikers/{officer_id}/rol", {"rol-role": "adviser"},
                         follow_redirects=True)
    assert "De rol van Sanne Jansen is nu: Adviseur." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, officer_id).role == "adviser"
        (event,) = events("role_changed")
        assert (event.actor_id, event.target_id) == (admin_id, officer_id)
        assert event.details["old"] == "officer" and event.details["new"] == "adviser"
        assert event.ip_address == "127.0.0.1"


def test_an_adviser_who_becomes_officer_leaves_their_programmes(app, client, post_form, admin_id):
    with app.app_context():
        adviser = factories.make_user(role="adviser")
        factories.make_programme(name="Sociale Cohesie", advisers=[adviser])
        adviser_id = adviser.id
    post_form(client, f"/beheer/gebruikers/{adviser_id}/rol", {"rol-role": "officer"})
    with app.app_context():
        assert db.session.get(User, adviser_id).programmes == []
        assert events("role_changed")[0].details["programmes_left"] == "Sociale Cohesie"


def test_an_unknown_role_is_refused_with_a_dutch_message(app, client, post_form, admin_id):
    with app.app_context():
        officer_id = factories.make_user().id
    response = post_form(client, f"/beheer/gebruikers/{officer_id}/rol", {"rol-role": "keizer"})
    assert response.status_code == 422
    assert "Ongeldige keuze" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, officer_id).role == "officer"


def test_admin_cannot_change_their_own_role_or_block_themselves(app, client, post_form, admin_id):
    assert post_form(client, f"/beheer/gebruikers/{admin_id}/rol", {"rol-role": "officer"}).status_code == 403
    response = post_form(client, f"/beheer/gebruikers/{admin_id}/blokkeren", {"blokkeren-reason": "Test"})
    assert response.status_code == 403
    assert post_form(client, f"/beheer/gebruikers/{admin_id}/mfa-resetten").status_code == 403
    with app.app_context():
        admin = db.session.get(User, admin_id)
        assert (admin.role, admin.status, admin.mfa_enabled) == ("admin", "active", True)


def test_the_last_active_admin_is_kept_even_if_admins_could_change_themselves(app_ctx, monkeypatch):
    only = factories.make_user(role="admin")
    factories.make_user(role="admin", status="disabled")  # a blocked admin does not count
    monkeypatch.setattr(users, "can_change_role", lambda actor, target: True)
    monkeypatch.setattr(users, "can_disable_account", lambda actor, target: True)
    with pytest.raises(users.LastAdmin):
        users.change_role(only, only, "officer")
    with pytest.raises(users.LastAdmin):
        users.disable_account(only, only, "Vertrokken")
    only = db.session.get(User, only.id)
    assert (only.role, only.status) == ("admin", "active")


def test_two_admins_demoting_each_other_leave_one_admin(app_ctx):
    first = factories.make_user(role="admin")
    second = factories.make_user(role="admin")
    first_id, second_id = first.id, second.id
    users.change_role(first, second, "officer")
    # The second admin's request loaded its user before the first one's change was saved.
    stale = db.session.get(User, second_id)
    db.session.expunge(stale)
    stale.role = "admin"
    target = db.session.get(User, first_id)
    with pytest.raises(users.NotAllowed):
        users.change_role(stale, target, "officer")
    assert db.session.get(User, first_id).role == "admin"


# --- blocking -----------------------------------------------------------------------------------


def test_blocking_ends_the_members_open_session_at_their_next_request(app, client, login, post_form,
                                                                      admin_id):
    with app.app_context():
        member = factories.make_user(name="Sanne Jansen", email="sanne@utrecht.test")
        member_id = member.id
    member_browser = app.test_client()
    login(member_browser, member_id)
    login(member_browser, member_id)  # a second open session, on another device
    assert member_browser.get("/overzicht").status_code == 200

    response = post_form(client, f"/beheer/gebruikers/{member_id}/blokkeren",
                         {"blokkeren-reason": "Werkt niet meer bij de gemeente"}, follow_redirects=True)
    assert "Het account van Sanne Jansen is geblokkeerd." in response.get_data(as_text=True)

    response = member_browser.get("/overzicht")
    assert response.status_code == 302 and response.headers["Location"].startswith("/inloggen")
    with app.app_context():
        member = db.session.get(User, member_id)
        assert (member.status, member.disabled_reason) == ("disabled", "Werkt niet meer bij de gemeente")
        open_sessions = db.session.scalars(select(UserSession).where(
            UserSession.user_id == member_id, UserSession.ended_at.is_(None))).all()
        assert open_sessions == []
        (event,) = events("account_disabled")
        assert event.details["reason"] == "Werkt niet meer bij de gemeente"
        (mail,) = mails_to("sanne@utrecht.test")
        assert "geblokkeerd" in mail.subject and "Werkt niet meer bij de gemeente" in mail.body_text


def test_blocking_needs_a_reason_and_keeps_the_page(app, client, post_form, admin_id):
    with app.app_context():
        member_id = factories.make_user().id
    response = post_form(client, f"/beheer/gebruikers/{member_id}/blokkeren", {"blokkeren-reason": "  "})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Vul de reden in." in html
    assert 'aria-describedby="blokkeren-reason-hint blokkeren-reason-error"' in html
    with app.app_context():
        assert db.session.get(User, member_id).status == "active"


def test_unblocking_lets_the_member_in_again_and_tells_them(app, client, login, post_form, admin_id):
    with app.app_context():
        member = factories.make_user(email="karel@zwolle.test", status="disabled", disabled_reason="Test")
        member_id = member.id
    response = post_form(client, f"/beheer/gebruikers/{member_id}/deblokkeren", follow_redirects=True)
    assert "weer actief" in response.get_data(as_text=True)
    with app.app_context():
        member = db.session.get(User, member_id)
        assert (member.status, member.disabled_reason) == ("active", None)
        assert len(events("account_enabled")) == 1
        assert "weer actief" in mails_to("karel@zwolle.test")[0].subject
    member_browser = app.test_client()
    login(member_browser, member_id)
    assert member_browser.get("/overzicht").status_code == 200


def test_unblocking_an_active_account_changes_nothing(app, client, post_form, admin_id):
    with app.app_context():
        member_id = factories.make_user().id
    response = post_form(client, f"/beheer/gebruikers/{member_id}/deblokkeren", follow_redirects=True)
    assert "Dit account is niet geblokkeerd." in response.get_data(as_text=True)
    with app.app_context():
        assert events("account_enabled") == []


# --- programmes and MFA -----------------------------------------------------------------------


def test_admin_assigns_an_adviser_to_programmes(app, client, post_form, admin_id):
    with app.app_context():
        adviser = factories.make_user(role="adviser", name="Fatima Adviseur")
        youth = factories.make_programme(name="Jeugd en Veiligheid", advisers=[adviser])
        cohesion = factories.make_programme(name="Sociale Cohesie")
        religion = factories.make_programme(name="Religie en Identiteitsontwikkeling")
        adviser_id, youth_id, cohesion_id, religion_id = adviser.id, youth.id, cohesion.id, religion.id
    response = post_form(client, f"/beheer/gebruikers/{adviser_id}/programmas",
                         {"programmas-programmes": [cohesion_id, religion_id]}, follow_redirects=True)
    assert "De programma&#39;s van Fatima Adviseur zijn bijgewerkt." in response.get_data(as_text=True)
    with app.app_context():
        names = [p.name for p in db.session.get(User, adviser_id).programmes]
        assert names == ["Religie en Identiteitsontwikkeling", "Sociale Cohesie"]
        (event,) = events("programmes_changed")
        assert event.details["added"] == "Religie en Identiteitsontwikkeling, Sociale Cohesie"
        assert event.details["removed"] == "Jeugd en Veiligheid"
    assert youth_id


def test_programmes_are_only_for_advisers_and_must_exist(app, client, post_form, admin_id):
    with app.app_context():
        officer_id = factories.make_user().id
        adviser_id = factories.make_user(role="adviser").id
        programme_id = factories.make_programme().id
    url = f"/beheer/gebruikers/{officer_id}/programmas"
    assert post_form(client, url, {"programmas-programmes": [programme_id]}).status_code == 403
    response = post_form(client, f"/beheer/gebruikers/{adviser_id}/programmas",
                         {"programmas-programmes": [9999]})
    assert response.status_code == 422
    with app.app_context():
        assert db.session.get(User, adviser_id).programmes == []


def test_mfa_reset_clears_the_second_factor_ends_sessions_and_forces_staff_to_set_it_up(
        app, client, login, post_form, admin_id):
    with app.app_context():
        adviser = factories.make_user(role="adviser", email="fatima@forum.test", name="Fatima Adviseur")
        db.session.add(RecoveryCode(user_id=adviser.id, code_hash="0" * 64))
        db.session.commit()
        adviser_id = adviser.id
    phone_lost = app.test_client()
    login(phone_lost, adviser_id)
    response = post_form(client, f"/beheer/gebruikers/{adviser_id}/mfa-resetten", follow_redirects=True)
    assert "De tweestapsverificatie van Fatima Adviseur is uitgezet." in response.get_data(as_text=True)
    assert phone_lost.get("/overzicht").headers["Location"].startswith("/inloggen")
    with app.app_context():
        adviser = db.session.get(User, adviser_id)
        assert (adviser.mfa_secret, adviser.mfa_enabled_at, adviser.mfa_last_timecode) == (None, None, None)
        assert db.session.scalars(select(RecoveryCode).where(RecoveryCode.user_id == adviser_id)).all() == []
        assert len(events("mfa_reset_by_admin")) == 1
        assert "tweestapsverificatie" in mails_to("fatima@forum.test")[0].subject.lower()
    new_phone = app.test_client()
    login(new_phone, adviser_id)
    assert new_phone.get("/overzicht").headers["Location"] == "/account/tweestapsverificatie/instellen"


@pytest.mark.skipif(not TEST_DATABASE_URL, reason="needs PostgreSQL: real concurrent transactions")
def test_two_admins_demoting_each_other_at_the_same_moment_leave_one_admin(app):
    with app.app_context():
        ids = [factories.make_user(role="admin").id, factories.make_user(role="admin").id]
    barrier = threading.Barrier(2)
    outcomes = []

    def demote(actor_id: int, target_id: int) -> None:
        with app.app_context():
            actor, target = db.session.get(User, actor_id), db.session.get(User, target_id)
            barrier.wait()
            try:
                users.change_role(actor, target, "officer")
                outcomes.append("demoted")
            except users.NotAllowed:
                outcomes.append("refused")
            finally:
                db.session.remove()

    threads = [threading.Thread(target=demote, args=pair) for pair in (ids, ids[::-1])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["demoted", "refused"]
    with app.app_context():
        roles = db.session.scalars(select(User.role).where(User.id.in_(ids))).all()
        assert sorted(roles) == ["admin", "officer"]
