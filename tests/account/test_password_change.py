"""Changing the password: re-authenticate, follow the rules, sign out elsewhere."""

from servicecentrum.auth.passwords import verify_password
from tests import factories
from tests.account.helpers import events, mails_to, reload_user

NEW_PASSWORD = "lange wandeling langs de ijssel"


def _change(client, post_form, current=factories.PASSWORD, new=NEW_PASSWORD, confirm=None):
    return post_form(client, "/account/wachtwoord", {
        "current_password": current, "password": new,
        "password_confirm": new if confirm is None else confirm,
    }, page="/account/wachtwoord")


def _member(app, client, login):
    with app.app_context():
        user = factories.make_user(email="sanne@zwolle.test", name="Sanne Jansen")
        login(client, user)
        return user.id


def test_password_change_ends_other_sessions_but_keeps_this_one(app, client, login, post_form):
    user_id = _member(app, client, login)
    other_device = app.test_client()
    with app.app_context():
        login(other_device, user_id)
    assert other_device.get("/account").status_code == 200

    response = _change(client, post_form)
    assert response.status_code == 302
    assert "Uw wachtwoord is gewijzigd." in client.get("/account").get_data(as_text=True)
    assert other_device.get("/account").headers["Location"].startswith("/inloggen")
    with app.app_context():
        user = reload_user(user_id)
        assert verify_password(user.password_hash, NEW_PASSWORD)
        assert user.password_changed_at is not None
        (mail,) = mails_to("sanne@zwolle.test")
        assert mail.subject == "Uw wachtwoord is gewijzigd"
        (event,) = events("password_changed")
        assert event.actor_id == user_id
        assert event.details["sessions_ended"] == 1
        assert NEW_PASSWORD not in str(event.details)


def test_new_password_works_for_logging_in_and_the_old_one_does_not(app, client, login, post_form):
    _member(app, client, login)
    _change(client, post_form)
    fresh = app.test_client()
    old = post_form(fresh, "/inloggen", {"email": "sanne@zwolle.test", "password": factories.PASSWORD},
                    page="/inloggen")
    assert old.status_code == 422
    new = post_form(fresh, "/inloggen", {"email": "sanne@zwolle.test", "password": NEW_PASSWORD},
                    page="/inloggen")
    assert new.status_code == 302


def test_wrong_current_password_changes_nothing(app, client, login, post_form):
    user_id = _member(app, client, login)
    response = _change(client, post_form, current="dit is het niet")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Uw huidige wachtwoord klopt niet." in html
    assert NEW_PASSWORD not in html
    with app.app_context():
        assert verify_password(reload_user(user_id).password_hash, factories.PASSWORD)
        assert mails_to("sanne@zwolle.test") == []


def test_new_password_must_follow_the_password_rules(app, client, login, post_form):
    user_id = _member(app, client, login)
    for new, message in (("kort", "minstens 12 tekens"),
                         ("welkom123456", "te bekend"),
                         ("sanne jansen is de beste", "naam of e-mailadres")):
        response = _change(client, post_form, new=new)
        assert response.status_code == 422
        assert message in response.get_data(as_text=True)
    with app.app_context():
        assert verify_password(reload_user(user_id).password_hash, factories.PASSWORD)


def test_the_two_new_passwords_must_match(app, client, login, post_form):
    _member(app, client, login)
    response = _change(client, post_form, confirm="iets heel anders dan dat")
    assert response.status_code == 422
    assert "De twee nieuwe wachtwoorden zijn niet gelijk." in response.get_data(as_text=True)


def test_empty_form_names_each_missing_field(app, client, login, post_form):
    _member(app, client, login)
    html = _change(client, post_form, current="", new="", confirm="").get_data(as_text=True)
    assert "Vul uw huidige wachtwoord in." in html
    assert "Kies een nieuw wachtwoord." in html
    assert "Typ het nieuwe wachtwoord nog een keer." in html


def test_repeated_wrong_passwords_are_rate_limited(app, client, login, post_form):
    _member(app, client, login)
    statuses = [_change(client, post_form, current=f"fout {n}").status_code for n in range(11)]
    assert statuses[:10] == [422] * 10
    assert statuses[10] == 429
