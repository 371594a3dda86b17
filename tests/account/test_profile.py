"""The profile page: what a member sees and changes about themselves."""

from servicecentrum.extensions import db
from tests import factories
from tests.account.helpers import events, is_checked, reload_user


def _member(app, client, login, **fields):
    with app.app_context():
        org = factories.make_organisation(name="Gemeente Zwolle")
        user = factories.make_user(organisation=org, name="Sanne Jansen", email="sanne@zwolle.test",
                                   **fields)
        login(client, user)
        return user.id


def test_profile_shows_email_organisation_role_and_mfa_status(app, client, login):
    _member(app, client, login)
    html = client.get("/account").get_data(as_text=True)
    assert "sanne@zwolle.test" in html
    assert "Gemeente Zwolle" in html
    assert "Lid" in html
    assert "Tweestapsverificatie" in html
    assert 'href="/account/tweestapsverificatie/instellen"' in html
    for path in ("/account/e-mail", "/account/wachtwoord", "/account/sessies", "/account/export",
                 "/account/verwijderen"):
        assert f'href="{path}"' in html


def test_profile_links_to_the_mfa_overview_when_mfa_is_on(app, client, login):
    with app.app_context():
        login(client, factories.make_user(role="adviser"))
    html = client.get("/account").get_data(as_text=True)
    assert 'href="/account/tweestapsverificatie"' in html
    assert "Adviseur" in html


def test_themes_are_a_fieldset_of_checkboxes_with_a_legend(app, client, login):
    with app.app_context():
        factories.make_theme(name="Onderwijs")
        factories.make_theme(name="Werk")
    _member(app, client, login)
    html = client.get("/account").get_data(as_text=True)
    assert "<legend" in html and "Mijn expertise" in html
    assert html.count('type="checkbox"') == 2
    assert html.count('type="radio"') == 4
    for label in ("Direct", "Dagelijks overzicht", "Wekelijks overzicht", "Geen e-mail"):
        assert label in html


def test_saving_the_profile_stores_every_field_and_records_which_changed(app, client, login, post_form):
    with app.app_context():
        onderwijs = factories.make_theme(name="Onderwijs").id
        factories.make_theme(name="Werk")
        wonen = factories.make_theme(name="Wonen").id
    user_id = _member(app, client, login)
    response = post_form(client, "/account", {
        "name": "Sanne de Vries", "job_title": "Programmamanager integratie",
        "expertise": [str(onderwijs), str(wonen)], "notify_frequency": "weekly",
    }, page="/account")
    assert response.status_code == 302
    html = client.get("/account").get_data(as_text=True)
    assert "Uw profiel is opgeslagen." in html
    assert is_checked(html, "expertise", str(wonen)) and is_checked(html, "notify_frequency", "weekly")
    assert 'value="Programmamanager integratie"' in html
    with app.app_context():
        user = reload_user(user_id)
        assert user.name == "Sanne de Vries"
        assert user.job_title == "Programmamanager integratie"
        assert [t.name for t in user.expertise] == ["Onderwijs", "Wonen"]
        assert user.notify_frequency == "weekly"
        (event,) = events("profile_updated")
        assert event.actor_id == user_id
        assert event.details == {"fields": "name,job_title,notify_frequency,expertise"}


def test_unticking_every_theme_clears_the_expertise(app, client, login, post_form):
    user_id = _member(app, client, login)
    with app.app_context():
        reload_user(user_id).expertise = [factories.make_theme(name="Onderwijs")]
        db.session.commit()
    post_form(client, "/account", {"name": "Sanne Jansen", "job_title": "",
                                   "notify_frequency": "immediately"}, page="/account")
    with app.app_context():
        assert reload_user(user_id).expertise == []


def test_profile_with_errors_keeps_what_was_typed_and_saves_nothing(app, client, login, post_form):
    with app.app_context():
        theme_id = factories.make_theme(name="Onderwijs").id
    user_id = _member(app, client, login)
    response = post_form(client, "/account", {
        "name": "   ", "job_title": "Strateeg sociale cohesie", "expertise": [str(theme_id)],
        "notify_frequency": "daily",
    }, page="/account")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Vul uw naam in." in html
    assert 'value="Strateeg sociale cohesie"' in html
    assert is_checked(html, "expertise", str(theme_id))
    assert is_checked(html, "notify_frequency", "daily")
    assert not is_checked(html, "notify_frequency", "immediately")
    with app.app_context():
        assert reload_user(user_id).job_title == "Beleidsmedewerker"
        assert events("profile_updated") == []


def test_unknown_choices_get_dutch_messages(app, client, login, post_form):
    _member(app, client, login)
    response = post_form(client, "/account", {"name": "Sanne", "expertise": ["999"],
                                              "notify_frequency": "elk-uur"}, page="/account")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Kies thema&#39;s uit de lijst." in html or "Kies thema's uit de lijst." in html
    assert "Kies hoe vaak u e-mail wilt ontvangen." in html


def test_too_long_name_is_refused_with_a_message(app, client, login, post_form):
    _member(app, client, login)
    response = post_form(client, "/account", {"name": "x" * 201, "notify_frequency": "never"},
                         page="/account")
    assert response.status_code == 422
    assert "Een naam is hoogstens 200 tekens." in response.get_data(as_text=True)
