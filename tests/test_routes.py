"""Walk every route: members-only gate, CSRF on every state change, no 500 for any role."""

import pytest

from tests import factories
from tests.route_walker import STATE_CHANGING, walk

ROLES = ("officer", "adviser", "admin")

# Pages that send you on when you arrive in the wrong state (and where to).
STEP_PAGES = {
    "auth.login": "/overzicht",                         # already logged in
    "auth.login_code": "/inloggen",                     # no password step yet
    "auth.mfa_setup": "/account/tweestapsverificatie",  # MFA already on
    "auth.mfa_overview": "/account/tweestapsverificatie/instellen",  # MFA not on yet
    "helpdesk.index": "/helpdesk/wachtrij",             # staff go to their queue
    "forum.notification_list": "/meldingen",            # the old address of the notification list
}
# Files that exist only in a certain state: the QR code only while MFA is being set up.
ONLY_WHILE_PENDING = {"auth.mfa_qr"}


def test_every_non_public_page_sends_anonymous_visitors_to_login(app, client):
    checked = 0
    for route in walk(app, methods=("GET",)):
        if route.is_public:
            continue
        response = client.get(route.url)
        assert response.status_code == 302, route
        assert response.headers["Location"].startswith("/inloggen?next="), route
        checked += 1
    assert checked >= 1


def test_public_pages_answer_anonymous_visitors(app, client):
    public = [r for r in walk(app, methods=("GET",)) if r.is_public and not r.has_arguments]
    assert {r.endpoint for r in public} >= {"main.landing", "main.accessibility", "auth.login"}
    for route in public:
        response = client.get(route.url)
        expected = 302 if route.endpoint == "auth.login_code" else 200
        assert response.status_code == expected, route


def test_every_state_changing_route_refuses_a_request_without_csrf_token(app, client, login):
    routes = list(walk(app, methods=STATE_CHANGING))
    assert routes, "no state-changing routes found"
    for route in routes:
        assert client.open(route.url, method=route.method).status_code == 400, route
    with app.app_context():
        login(client, factories.make_user(role="admin"))
    for route in routes:
        response = client.open(route.url, method=route.method, data={"csrf_token": "vals"})
        assert response.status_code == 400, route
        assert "Formulier verlopen" in response.get_data(as_text=True), route


# Path prefixes a role may not open (403); everything else renders for every member.
FORBIDDEN_FOR = {
    "officer": ("/beheer", "/vragen/moderatie", "/helpdesk/wachtrij", "/helpdesk/standaardantwoorden",
                "/helpdesk/signalen", "/rapportage", "/bijeenkomsten/nieuw"),
    "adviser": ("/beheer", "/helpdesk/nieuw"),
    "admin": ("/helpdesk/nieuw",),
}


@pytest.mark.parametrize("role", ROLES)
def test_every_page_without_arguments_renders_for_each_role(app, client, login, role):
    with app.app_context():
        login(client, factories.make_user(role=role))
    for route in walk(app, methods=("GET",)):
        if route.has_arguments:
            continue
        response = client.get(route.url)
        if route.rule.startswith(FORBIDDEN_FOR[role]):
            assert response.status_code == 403, route
        elif route.endpoint in STEP_PAGES and response.status_code == 302:
            assert response.headers["Location"].startswith(STEP_PAGES[route.endpoint]), route
        elif route.endpoint in ONLY_WHILE_PENDING:  # 200 once the set-up page made a key
            assert response.status_code in (200, 404), route
        else:
            assert response.status_code == 200, route


def test_logged_in_member_visiting_login_goes_to_the_overview(app, client, login):
    with app.app_context():
        login(client, factories.make_user())
    response = client.get("/inloggen")
    assert response.status_code == 302
    assert response.headers["Location"] == "/overzicht"


def test_disabled_account_loses_access_on_its_next_request(app, client, login):
    from servicecentrum.extensions import db

    with app.app_context():
        user = factories.make_user()
        login(client, user)
        user_id = user.id
    assert client.get("/overzicht").status_code == 200
    with app.app_context():
        db.session.get(factories.User, user_id).status = "disabled"
        db.session.commit()
    assert client.get("/overzicht").status_code == 302
