"""Every admin screen: admins get in; officers and advisers get 403, also with a valid form."""

import pytest

from servicecentrum.extensions import db
from servicecentrum.helpdesk.models import RoutingRule
from tests import factories
from tests.route_walker import walk


def admin_routes(app, ids, methods=("GET", "POST")):
    """The /beheer routes of this part (the registration review is tested on its own)."""
    return [route for route in walk(app, methods=methods, ids=ids)
            if route.rule.startswith("/beheer") and not route.endpoint.startswith("admin.registration_")]


@pytest.fixture
def ids(app):
    with app.app_context():
        organisation = factories.make_organisation()
        target = factories.make_user(organisation=organisation)
        rule = RoutingRule(name="Alles", programme=factories.make_programme())
        db.session.add(rule)
        db.session.commit()
        mail = factories.make_outbox_mail()
        return {"user_id": target.id, "organisation_id": organisation.id, "rule_id": rule.id,
                "mail_id": mail.id}


@pytest.mark.parametrize("role", ["officer", "adviser"])
def test_officers_and_advisers_are_refused_every_admin_route(app, client, login, csrf_token, ids, role):
    with app.app_context():
        login(client, factories.make_user(role=role))
    routes = admin_routes(app, ids)
    assert {r.endpoint for r in routes} >= {
        "admin.index", "admin.user_list", "admin.user_detail", "admin.user_role", "admin.user_disable",
        "admin.user_enable", "admin.user_programmes", "admin.user_mfa_reset", "admin.organisation_list",
        "admin.organisation_create", "admin.organisation_edit", "admin.audit_log", "admin.audit_export",
        "admin.settings"}
    token = csrf_token(client)
    for route in routes:
        data = {"csrf_token": token} if route.method == "POST" else None
        response = client.open(route.url, method=route.method, data=data)
        assert response.status_code == 403, route
        assert "Geen toegang" in response.get_data(as_text=True), route


def test_admin_sees_every_admin_page(app, client, login, ids):
    with app.app_context():
        login(client, factories.make_user(role="admin"))
    for route in admin_routes(app, ids, methods=("GET",)):
        response = client.get(route.url)
        assert response.status_code == 200, route


def test_anonymous_visitors_are_sent_to_login(app, client, ids):
    for route in admin_routes(app, ids, methods=("GET",)):
        response = client.get(route.url)
        assert response.status_code == 302, route
        assert response.headers["Location"].startswith("/inloggen?next=/beheer"), route


def test_unknown_user_or_organisation_is_404_for_admins_but_403_for_others(app, client, login):
    with app.app_context():
        admin = factories.make_user(role="admin").id
        officer = factories.make_user().id
    login(client, officer)
    assert client.get("/beheer/gebruikers/9999").status_code == 403
    login(client, admin)
    assert client.get("/beheer/gebruikers/9999").status_code == 404
    assert client.get("/beheer/organisaties/9999").status_code == 404


def test_dashboard_counts_requests_members_and_blocked_accounts(app, client, login):
    with app.app_context():
        admin = factories.make_user(role="admin", name="Beheerder").id
        factories.make_user(status="pending")  # verified, waiting for an admin
        factories.make_user(status="pending", email_verified_at=None)  # not verified yet
        factories.make_user(status="disabled")
        factories.make_user(status="disabled")
        factories.make_user()
    login(client, admin)
    html = client.get("/beheer").get_data(as_text=True)
    assert "<dt>Aanvragen die op beoordeling wachten</dt>\n    <dd>1</dd>" in html
    assert "<dt>Actieve leden</dt>\n    <dd>2</dd>" in html
    assert "<dt>Geblokkeerde accounts</dt>\n    <dd>2</dd>" in html
    for path in ("/beheer/gebruikers", "/beheer/organisaties", "/beheer/audit", "/beheer/instellingen"):
        assert f'href="{path}"' in html
