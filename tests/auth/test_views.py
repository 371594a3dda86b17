"""Login and logout as a member experiences them."""

from servicecentrum.extensions import db
from tests import factories


def _login_form(client, post_form, email, password, next_url=None):
    data = {"email": email, "password": password}
    if next_url:
        data["next"] = next_url
    return post_form(client, "/inloggen", data, page="/inloggen")


def test_member_logs_in_with_email_in_any_case_and_sees_overview(app, client, post_form):
    with app.app_context():
        factories.make_user(email="sanne@utrecht.test", name="Sanne Jansen")
    response = _login_form(client, post_form, "  Sanne@Utrecht.TEST ", factories.PASSWORD)
    assert response.status_code == 302
    assert response.headers["Location"] == "/overzicht"
    page = client.get("/overzicht").get_data(as_text=True)
    assert "Welkom, Sanne Jansen" in page


def test_wrong_password_and_unknown_email_get_the_same_message(app, client, post_form):
    with app.app_context():
        factories.make_user(email="sanne@utrecht.test")
    wrong = _login_form(client, post_form, "sanne@utrecht.test", "niet het wachtwoord")
    unknown = _login_form(client, post_form, "niemand@utrecht.test", "niet het wachtwoord")
    for response in (wrong, unknown):
        assert response.status_code == 422
        assert "Het e-mailadres of het wachtwoord klopt niet." in response.get_data(as_text=True)
    assert client.get("/overzicht").status_code == 302


def test_failed_login_keeps_the_typed_email_but_not_the_password(app, client, post_form):
    response = _login_form(client, post_form, "sanne@utrecht.test", "geheim-geheim-geheim")
    html = response.get_data(as_text=True)
    assert 'value="sanne@utrecht.test"' in html
    assert "geheim-geheim-geheim" not in html


def test_invalid_email_gets_a_dutch_message_linked_to_the_field(client, post_form):
    response = _login_form(client, post_form, "geen-adres", "x")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Vul een geldig e-mailadres in" in html
    assert 'aria-describedby="email-error"' in html
    assert 'href="#email"' in html


def test_empty_form_names_each_missing_field(client, post_form):
    html = _login_form(client, post_form, "", "").get_data(as_text=True)
    assert "Vul uw e-mailadres in." in html
    assert "Vul uw wachtwoord in." in html


def test_pending_and_disabled_accounts_cannot_log_in(app, client, post_form):
    with app.app_context():
        factories.make_user(email="wacht@proefstad.test", status="pending")
        factories.make_user(email="uit@proefstad.test", status="disabled")
    for email in ("wacht@proefstad.test", "uit@proefstad.test"):
        response = _login_form(client, post_form, email, factories.PASSWORD)
        assert response.status_code == 422
    assert client.get("/overzicht").status_code == 302


def test_login_returns_to_the_page_asked_for_but_never_off_site(app, client, post_form):
    with app.app_context():
        factories.make_user(email="sanne@utrecht.test")
    assert client.get("/overzicht").headers["Location"] == "/inloggen?next=/overzicht"
    response = _login_form(client, post_form, "sanne@utrecht.test", factories.PASSWORD,
                           next_url="/overzicht")
    assert response.headers["Location"] == "/overzicht"

    other = app.test_client()
    response = _login_form(other, post_form, "sanne@utrecht.test", factories.PASSWORD,
                           next_url="https://kwaadwillend.example/")
    assert response.headers["Location"] == "/overzicht"


def test_login_records_the_time_of_the_last_login(app, client, post_form):
    with app.app_context():
        user_id = factories.make_user(email="sanne@utrecht.test").id
    _login_form(client, post_form, "sanne@utrecht.test", factories.PASSWORD)
    with app.app_context():
        assert db.session.get(factories.User, user_id).last_login_at is not None


def test_logout_needs_a_post_with_csrf_and_ends_the_session(app, client, login, post_form):
    with app.app_context():
        user = factories.make_user()
        login(client, user)
    assert client.get("/uitloggen").status_code == 405
    assert client.post("/uitloggen").status_code == 400
    assert client.get("/overzicht").status_code == 200
    response = post_form(client, "/uitloggen", page="/overzicht")
    assert response.status_code == 302
    assert client.get("/overzicht").status_code == 302
