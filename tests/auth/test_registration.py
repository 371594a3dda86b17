"""Requesting access as an applicant experiences it: the form, the mail, the link, the result."""

import json
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from servicecentrum.audit.models import AuditEvent
from servicecentrum.auth.models import AccountToken, User
from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from tests import factories

PASSWORD = "zeven zonnige dagen aan zee"
VERIFY_LINK = re.compile(r"https?://[^/\s]+(/registreren/bevestigen/\S+)")


def registration_data(organisation="anders", **overrides) -> dict:
    data = {"name": "Fatima el Idrissi", "email": "fatima@tilburg.test", "organisation": str(organisation),
            "organisation_other": "Gemeente Tilburg", "job_title": "Beleidsadviseur integratie",
            "password": PASSWORD, "password_confirm": PASSWORD, "accept_terms": "y"}
    data.update(overrides)
    return data


def register(client, post_form, **data):
    return post_form(client, "/registreren", registration_data(**data), page="/registreren")


def mails_to(app, address: str) -> list[OutboxMail]:
    with app.app_context():
        mails = db.session.scalars(select(OutboxMail).where(OutboxMail.to_address == address)
                                   .order_by(OutboxMail.id)).all()
        db.session.expunge_all()
        return mails


def verification_path(app, address: str) -> str:
    match = VERIFY_LINK.search(mails_to(app, address)[-1].body_text)
    assert match, "the mail holds no verification link"
    return match.group(1)


def confirm(client, post_form, path: str):
    return post_form(client, path, page=path)


def account(app, email: str) -> User | None:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        if user is not None:
            db.session.expunge(user)
        return user


def audit_actions(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def log_in(client, post_form, email, password=PASSWORD):
    return post_form(client, "/inloggen", {"email": email, "password": password}, page="/inloggen")


def test_applicant_from_a_member_domain_can_log_in_right_after_confirming(app, client, post_form):
    with app.app_context():
        org_id = factories.make_organisation(name="Gemeente Tilburg", domains=["tilburg.test"]).id

    response = register(client, post_form, organisation=org_id, email="Fatima@Tilburg.test")
    assert response.status_code == 302
    assert response.headers["Location"] == "/registreren?stap=verstuurd"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Controleer uw e-mail" in page
    assert "fatima@tilburg.test" in page

    [mail] = mails_to(app, "fatima@tilburg.test")
    assert "24 uur" in mail.body_text
    path = verification_path(app, "fatima@tilburg.test")
    confirm_page = client.get(path)
    assert confirm_page.status_code == 200
    assert "Bevestig mijn e-mailadres" in confirm_page.get_data(as_text=True)
    assert account(app, "fatima@tilburg.test").email_verified_at is None  # a GET does not use the link

    response = confirm(client, post_form, path)
    assert response.status_code == 302
    assert "Uw account is actief" in client.get(response.headers["Location"]).get_data(as_text=True)
    user = account(app, "fatima@tilburg.test")
    assert (user.status, user.role, user.organisation_id) == ("active", "officer", org_id)
    assert user.approved_at is not None and user.terms_accepted_at is not None

    response = log_in(app.test_client(), post_form, "fatima@tilburg.test")
    assert response.headers["Location"] == "/overzicht"
    assert {"registration_requested", "registration_auto_approved"} <= set(audit_actions(app))


def test_applicant_whose_domain_does_not_match_waits_and_every_active_admin_is_told(app, client, post_form):
    with app.app_context():
        org_id = factories.make_organisation(name="Gemeente Breda", domains=["breda.test"]).id
        factories.make_user(role="admin", email="beheer@forum.test")
        factories.make_user(role="admin", email="oud-beheer@forum.test", status="disabled")

    register(client, post_form, organisation=org_id, email="fatima@gmail.test")
    response = confirm(client, post_form, verification_path(app, "fatima@gmail.test"))
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Een beheerder van het Servicecentrum beoordeelt nu uw aanvraag" in page

    user = account(app, "fatima@gmail.test")
    assert user.status == "pending" and user.email_verified_at is not None
    [notice] = mails_to(app, "beheer@forum.test")
    assert f"/beheer/aanvragen/{user.id}" in notice.body_text
    assert "Fatima el Idrissi" in notice.body_text
    assert mails_to(app, "oud-beheer@forum.test") == []
    assert log_in(client, post_form, "fatima@gmail.test").status_code == 422


def test_unlisted_organisation_is_kept_as_requested_and_goes_to_review(app, client, post_form):
    with app.app_context():
        factories.make_organisation(domains=["tilburg.test"])
    register(client, post_form, organisation="anders", organisation_other="  Stichting Buurtwerk  ")
    user = account(app, "fatima@tilburg.test")
    assert (user.organisation_id, user.requested_organisation) == (None, "Stichting Buurtwerk")
    response = confirm(client, post_form, verification_path(app, "fatima@tilburg.test"))
    assert response.headers["Location"] == "/registreren?stap=beoordeling"
    assert account(app, "fatima@tilburg.test").status == "pending"


def test_registration_form_lists_organisations_by_name_with_a_not_listed_option(app, client):
    with app.app_context():
        factories.make_organisation(name="Gemeente Zwolle")
        factories.make_organisation(name="Gemeente Almere")
    html = client.get("/registreren").get_data(as_text=True)
    assert html.index("Gemeente Almere") < html.index("Gemeente Zwolle") < html.index(
        "Mijn organisatie staat er niet bij")
    assert 'for="accept_terms"' in html and 'aria-describedby="accept_terms-hint"' in html


def test_verification_link_works_only_once(app, client, post_form):
    register(client, post_form)
    path = verification_path(app, "fatima@tilburg.test")
    assert confirm(client, post_form, path).status_code == 302
    for response in (client.get(path), confirm(client, post_form, path)):
        assert response.status_code == 400
        assert "Deze link is al gebruikt" in response.get_data(as_text=True)


def test_verification_link_expires_after_24_hours(app, client, post_form):
    register(client, post_form)
    path = verification_path(app, "fatima@tilburg.test")
    with app.app_context():
        token = db.session.scalar(select(AccountToken))
        assert timedelta(hours=23) < token.expires_at - utcnow() <= timedelta(hours=24)
        token.expires_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    for response in (client.get(path), confirm(client, post_form, path)):
        assert response.status_code == 410
        html = response.get_data(as_text=True)
        assert "Deze link is verlopen" in html and "Opnieuw een account aanvragen" in html
    assert account(app, "fatima@tilburg.test").email_verified_at is None


def test_unknown_verification_link_gets_a_dutch_explanation(client, post_form):
    path = "/registreren/bevestigen/verzonnen-code"
    for response in (client.get(path), confirm(client, post_form, path)):
        assert response.status_code == 400
        assert "Deze link is onbekend" in response.get_data(as_text=True)


def test_known_address_gets_the_same_page_no_second_account_and_a_notice(app, client, post_form):
    with app.app_context():
        factories.make_user(email="fatima@tilburg.test", name="Fatima el Idrissi")
    fresh = register(app.test_client(), post_form, email="nieuw@tilburg.test")
    response = register(client, post_form, email="FATIMA@tilburg.test")
    assert response.status_code == fresh.status_code == 302
    assert response.headers["Location"] == fresh.headers["Location"]
    assert "Controleer uw e-mail" in client.get(response.headers["Location"]).get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(User.id)).where(User.email == "fatima@tilburg.test")) == 1
    [notice] = mails_to(app, "fatima@tilburg.test")
    assert "/wachtwoord-vergeten" in notice.body_text
    assert "/registreren/bevestigen/" not in notice.body_text
    assert account(app, "fatima@tilburg.test").status == "active"


def test_second_request_while_the_first_link_still_works_points_to_that_link(app, client, post_form):
    register(client, post_form)
    first_path = verification_path(app, "fatima@tilburg.test")
    register(client, post_form, name="Iemand Anders")
    assert account(app, "fatima@tilburg.test").name == "Fatima el Idrissi"
    notice = mails_to(app, "fatima@tilburg.test")[-1]
    assert "link uit de eerste e-mail" in notice.body_text
    assert confirm(client, post_form, first_path).status_code == 302


def test_request_never_confirmed_within_24_hours_can_be_made_again(app, client, post_form):
    register(client, post_form)
    with app.app_context():
        user = db.session.scalar(select(User))
        user.created_at = utcnow() - timedelta(hours=25)
        db.session.commit()
    register(client, post_form, name="Fatima Idrissi")
    assert account(app, "fatima@tilburg.test").name == "Fatima Idrissi"
    response = confirm(client, post_form, verification_path(app, "fatima@tilburg.test"))
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"password": "kort", "password_confirm": "kort"}, "minstens 12 tekens"),
        ({"password": "welkom123456", "password_confirm": "welkom123456"}, "te bekend"),
        ({"password": "fatima houdt van zee", "password_confirm": "fatima houdt van zee"},
         "Gebruik uw naam of e-mailadres niet"),
        ({"password_confirm": "zeven zonnige dagen aan het strand"}, "De twee wachtwoorden zijn niet gelijk"),
        ({"accept_terms": ""}, "Ga akkoord met de gebruiksvoorwaarden"),
        ({"email": "fatima-at-tilburg"}, "Vul een geldig e-mailadres in"),
        ({"organisation": "anders", "organisation_other": ""}, "Vul de naam van uw organisatie in"),
        ({"organisation": ""}, "Kies uw organisatie"),
        ({"organisation": "9999"}, "Kies een organisatie uit de lijst"),
        ({"job_title": ""}, "Vul uw functie in"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_keeps_what_was_typed(app, client, post_form, overrides, message):
    response = register(client, post_form, **overrides)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in html
    assert 'value="Fatima el Idrissi"' in html
    assert 'value="{}"'.format(overrides.get("email", "fatima@tilburg.test")) in html
    assert PASSWORD not in html and overrides.get("password", PASSWORD) not in html
    with app.app_context():
        assert db.session.scalar(select(func.count(User.id))) == 0
        assert db.session.scalar(select(func.count(OutboxMail.id))) == 0


def test_too_many_requests_from_one_address_get_a_dutch_429(app, client, post_form):
    app.config["SIGNUP_LIMIT"] = "2 per hour"
    for n in range(2):
        assert register(client, post_form, email=f"persoon{n}@tilburg.test").status_code == 302
    response = register(client, post_form, email="persoon3@tilburg.test")
    assert response.status_code == 429
    assert "Te veel verzoeken" in response.get_data(as_text=True)
    assert account(app, "persoon3@tilburg.test") is None
    assert client.get("/registreren").status_code == 200


def test_audit_log_records_the_request_and_never_the_password(app, client, post_form):
    with app.app_context():
        factories.make_user(role="admin")
    register(client, post_form)
    confirm(client, post_form, verification_path(app, "fatima@tilburg.test"))
    with app.app_context():
        events = db.session.scalars(select(AuditEvent)).all()
        stored = json.dumps([[e.action, e.details] for e in events])
        user = db.session.scalar(select(User).where(User.email == "fatima@tilburg.test"))
        assert PASSWORD not in stored and user.password_hash not in stored
        assert PASSWORD not in user.password_hash
    assert audit_actions(app)[:2] == ["registration_requested", "email_verified"]


def test_members_who_are_logged_in_are_told_they_already_have_an_account(app, client, login):
    with app.app_context():
        login(client, factories.make_user())
    html = client.get("/registreren").get_data(as_text=True)
    assert "U bent ingelogd, dus u heeft al een account." in html
    assert 'name="password"' not in html


def test_step_pages_show_only_after_the_step_happened(client):
    html = client.get("/registreren?stap=actief").get_data(as_text=True)
    assert "Uw account is actief" not in html
    assert 'name="email"' in html


def test_simultaneous_requests_for_one_address_leave_one_account(app, monkeypatch):
    from servicecentrum.auth import registration

    details = {"name": "Fatima el Idrissi", "email": "fatima@tilburg.test", "password": PASSWORD,
               "job_title": "Adviseur", "organisation_id": None, "requested_organisation": "Stichting X",
               "ip_address": "127.0.0.1"}
    with app.test_request_context():
        registration.request_registration(**details)
        # The second request checked for the address before the first one had committed.
        monkeypatch.setattr(registration, "find_user_by_email", lambda email: None)
        registration.request_registration(**details)
        assert db.session.scalar(select(func.count(User.id))) == 1
        assert db.session.scalar(select(func.count(OutboxMail.id))) == 1
