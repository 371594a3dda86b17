"""Changing the e-mail address: re-authenticate, confirm from the new mailbox."""

from datetime import timedelta

from sqlalchemy import select

from servicecentrum.auth.models import AccountToken
from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from tests import factories
from tests.account.helpers import events, link_in, mails_to, reload_user

OLD = "sanne@zwolle.test"
NEW = "s.jansen@deventer.test"


def _member(app, client, login, email=OLD):
    with app.app_context():
        user = factories.make_user(email=email, name="Sanne Jansen")
        login(client, user)
        return user.id


def _ask(client, post_form, email=NEW, password=factories.PASSWORD):
    return post_form(client, "/account/e-mail", {"email": email, "password": password},
                     page="/account/e-mail")


def _confirmation_link(app, address=NEW) -> str:
    with app.app_context():
        (mail,) = mails_to(address)
        return link_in(mail)


def test_full_change_of_address_from_request_to_confirmation(app, client, login, post_form):
    user_id = _member(app, client, login)
    other_device = app.test_client()
    with app.app_context():
        login(other_device, user_id)

    response = _ask(client, post_form, email="  S.Jansen@Deventer.TEST ")
    assert response.status_code == 302
    assert f"We hebben een e-mail gestuurd naar {NEW}" in client.get("/account").get_data(as_text=True)
    with app.app_context():
        assert reload_user(user_id).email == OLD  # nothing changes before confirmation
        (mail,) = mails_to(NEW)
        assert "Bevestig uw nieuwe e-mailadres" in mail.subject
        link = link_in(mail)
    assert link.startswith("/account/e-mail/bevestigen/")

    page = client.get(link)
    assert page.status_code == 200
    assert NEW in page.get_data(as_text=True)
    response = post_form(client, link, page=link)
    assert response.status_code == 302
    assert f"Uw e-mailadres is gewijzigd in {NEW}." in client.get("/account").get_data(as_text=True)

    with app.app_context():
        user = reload_user(user_id)
        assert user.email == NEW
        assert user.email_verified_at > utcnow() - timedelta(minutes=1)
        (notice,) = mails_to(OLD)
        assert "Uw e-mailadres is gewijzigd" in notice.subject
        assert NEW in notice.body_text
        (event,) = events("email_changed")
        assert event.actor_id == user_id
        assert event.details == {"old_email": OLD, "new_email": NEW}
    assert client.get("/account").status_code == 200
    assert other_device.get("/account").headers["Location"].startswith("/inloggen")


def test_a_used_link_cannot_change_the_address_again(app, client, login, post_form):
    user_id = _member(app, client, login)
    _ask(client, post_form)
    link = _confirmation_link(app)
    post_form(client, link, page=link)
    with app.app_context():
        user = reload_user(user_id)
        user.email = "weer.terug@zwolle.test"
        db.session.commit()
    for response in (client.get(link), post_form(client, link, page="/account")):
        assert response.status_code == 410
        assert "Deze link is al gebruikt." in response.get_data(as_text=True)
    with app.app_context():
        assert reload_user(user_id).email == "weer.terug@zwolle.test"


def test_an_expired_link_says_so_and_changes_nothing(app, client, login, post_form):
    user_id = _member(app, client, login)
    _ask(client, post_form)
    link = _confirmation_link(app)
    with app.app_context():
        token = db.session.scalar(select(AccountToken).where(AccountToken.purpose == "change_email"))
        token.expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    response = post_form(client, link, page="/account")
    assert response.status_code == 410
    assert "Deze link is verlopen" in response.get_data(as_text=True)
    with app.app_context():
        assert reload_user(user_id).email == OLD


def test_a_newer_request_makes_the_older_link_stop_working(app, client, login, post_form):
    _member(app, client, login)
    _ask(client, post_form)
    first = _confirmation_link(app)
    _ask(client, post_form, email="ander@deventer.test")
    assert client.get(first).status_code == 410


def test_wrong_password_sends_nothing_and_keeps_the_typed_address(app, client, login, post_form):
    user_id = _member(app, client, login)
    response = _ask(client, post_form, password="niet mijn wachtwoord")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Uw huidige wachtwoord klopt niet." in html
    assert f'value="{NEW}"' in html
    assert "niet mijn wachtwoord" not in html
    with app.app_context():
        assert mails_to(NEW) == []
        (event,) = events("reauthentication_failed")
        assert event.actor_id == user_id


def test_an_address_in_use_by_another_member_is_refused(app, client, login, post_form):
    with app.app_context():
        factories.make_user(email=NEW)
    _member(app, client, login)
    response = _ask(client, post_form, email=NEW.upper())
    assert response.status_code == 422
    assert "Er is al een account met dit e-mailadres." in response.get_data(as_text=True)
    with app.app_context():
        assert mails_to(NEW) == []


def test_the_current_address_is_not_a_change(app, client, login, post_form):
    _member(app, client, login)
    response = _ask(client, post_form, email=OLD)
    assert response.status_code == 422
    assert "Dit is al uw e-mailadres." in response.get_data(as_text=True)


def test_invalid_address_gets_a_dutch_message(app, client, login, post_form):
    _member(app, client, login)
    response = _ask(client, post_form, email="geen-adres")
    assert response.status_code == 422
    assert "Vul een geldig e-mailadres in" in response.get_data(as_text=True)


def test_address_taken_between_request_and_confirmation_is_refused(app, client, login, post_form):
    user_id = _member(app, client, login)
    _ask(client, post_form)
    link = _confirmation_link(app)
    with app.app_context():
        factories.make_user(email=NEW)
    response = post_form(client, link, page="/account")
    assert response.status_code == 302
    assert "Er is al een account met dit e-mailadres." in client.get("/account/e-mail").get_data(as_text=True)
    with app.app_context():
        assert reload_user(user_id).email == OLD


def test_another_members_link_is_not_found(app, client, login, post_form):
    _member(app, client, login)
    _ask(client, post_form)
    link = _confirmation_link(app)
    intruder = app.test_client()
    with app.app_context():
        login(intruder, factories.make_user(email="ander@zwolle.test"))
    assert intruder.get(link).status_code == 404
    assert post_form(intruder, link, page="/account").status_code == 404
    assert client.get(link).status_code == 200  # still usable by its owner


def test_an_unknown_link_is_not_found(app, client, login):
    _member(app, client, login)
    assert client.get("/account/e-mail/bevestigen/verzonnen").status_code == 404


def test_the_link_asks_anonymous_visitors_to_log_in_first(app, client, login, post_form):
    _member(app, client, login)
    _ask(client, post_form)
    link = _confirmation_link(app)
    response = app.test_client().get(link)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/inloggen?next=/account/e-mail/bevestigen/")
