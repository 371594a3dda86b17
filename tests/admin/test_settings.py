"""The settings page: MFA for everyone, switched on and off by an admin and audited."""

from sqlalchemy import select

from servicecentrum.admin.settings import get_setting
from servicecentrum.audit.models import AuditEvent
from servicecentrum.extensions import db
from tests import factories


def test_switching_mfa_on_for_all_forces_an_officer_without_mfa_into_set_up(app, client, login, post_form):
    with app.app_context():
        admin_id = factories.make_user(role="admin").id
        officer_id = factories.make_user(mfa=False).id
        officer_with_mfa_id = factories.make_user(mfa=True).id
    officer = app.test_client()
    login(officer, officer_id)
    assert officer.get("/overzicht").status_code == 200

    login(client, admin_id)
    page = client.get("/beheer/instellingen").get_data(as_text=True)
    assert "Tweestapsverificatie verplicht voor iedereen" in page
    response = post_form(client, "/beheer/instellingen", {"mfa_required_for_all": "y"}, follow_redirects=True)
    assert "Tweestapsverificatie is nu verplicht voor iedereen." in response.get_data(as_text=True)

    response = officer.get("/overzicht")
    assert response.status_code == 302
    assert response.headers["Location"] == "/account/tweestapsverificatie/instellen"
    protected = app.test_client()
    login(protected, officer_with_mfa_id)
    assert protected.get("/overzicht").status_code == 200
    with app.app_context():
        assert get_setting("mfa_required_for_all") is True
        (event,) = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "setting_changed"))
        assert event.actor_id == admin_id
        assert (event.details["setting"], event.details["old"], event.details["new"]) == (
            "mfa_required_for_all", False, True)


def test_switching_it_off_again_frees_officers_and_saving_unchanged_records_nothing(
        app, client, login, post_form):
    with app.app_context():
        login(client, factories.make_user(role="admin").id)
        officer_id = factories.make_user(mfa=False).id
    post_form(client, "/beheer/instellingen", {"mfa_required_for_all": "y"})
    page = client.get("/beheer/instellingen").get_data(as_text=True)
    assert 'checked' in page
    post_form(client, "/beheer/instellingen", {})  # an unticked box is not sent
    response = post_form(client, "/beheer/instellingen", {}, follow_redirects=True)
    assert "Er was niets veranderd." in response.get_data(as_text=True)
    officer = app.test_client()
    login(officer, officer_id)
    assert officer.get("/overzicht").status_code == 200
    with app.app_context():
        changes = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "setting_changed")).all()
        assert [e.details["new"] for e in changes] == [True, False]
