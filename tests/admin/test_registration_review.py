"""Admins review requests for access: list, approve with an organisation, reject with a reason."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from servicecentrum.audit.models import AuditEvent
from servicecentrum.auth.models import AccountToken, User
from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from servicecentrum.organisations.models import Organisation
from tests import factories
from tests.auth.test_registration import (
    PASSWORD,
    account,
    confirm,
    log_in,
    mails_to,
    register,
    verification_path,
)


def make_applicant(verified=True, organisation=None, requested="Stichting Buurtwerk Noord",
                   age=timedelta(hours=1), **fields) -> User:
    """A pending request as the registration form leaves it (inside an app context)."""
    created = utcnow() - age
    n = db.session.scalar(select(func.max(User.id))) or 0
    defaults = {"email": f"aanvrager{n + 1}@buurtwerk.test", "name": f"Aanvrager {n + 1}", "role": "officer",
                "status": "pending", "job_title": "Opbouwwerker", "password_hash": factories.password_hash(),
                "created_at": created, "terms_accepted_at": created,
                "email_verified_at": created if verified else None, "organisation": organisation,
                "requested_organisation": None if organisation else requested}
    user = User(**{**defaults, **fields})
    db.session.add(user)
    db.session.commit()
    return user


def request_by_id(app, user_id: int) -> User | None:
    with app.app_context():
        user = db.session.get(User, user_id)
        if user is not None:
            db.session.expunge(user)
        return user


@pytest.fixture
def admin_client(app, client, login):
    with app.app_context():
        login(client, factories.make_user(role="admin", email="beheer@forum.test", name="Bea Beheer"))
    return client


def approve(client, post_form, user_id, **data):
    page = f"/beheer/aanvragen/{user_id}"
    return post_form(client, f"{page}/goedkeuren", data, page=page)


def reject(client, post_form, user_id, reason):
    page = f"/beheer/aanvragen/{user_id}"
    return post_form(client, f"{page}/afwijzen", {"reason": reason}, page=page)


def test_whole_review_journey_from_request_to_login(app, client, post_form, login):
    with app.app_context():
        org_id = factories.make_organisation(name="Gemeente Breda", domains=["breda.test"]).id
        admin_id = factories.make_user(role="admin", email="beheer@forum.test").id
    register(client, post_form, email="fatima@gmail.test", organisation="anders",
             organisation_other="Gemeente Breda")
    confirm(client, post_form, verification_path(app, "fatima@gmail.test"))
    user_id = account(app, "fatima@gmail.test").id
    [notice] = mails_to(app, "beheer@forum.test")
    review_path = f"/beheer/aanvragen/{user_id}"
    assert review_path in notice.body_text

    reviewer = app.test_client()
    with app.app_context():
        login(reviewer, admin_id)
    detail = reviewer.get(review_path).get_data(as_text=True)
    assert "Gemeente Breda (staat niet in de lijst)" in detail
    response = approve(reviewer, post_form, user_id, organisation=str(org_id))
    assert response.headers["Location"] == "/beheer/aanvragen"
    assert "is goedgekeurd" in reviewer.get("/beheer/aanvragen").get_data(as_text=True)

    [approved] = mails_to(app, "fatima@gmail.test")[1:]
    assert "goedgekeurd" in approved.subject and "/inloggen" in approved.body_text
    user = account(app, "fatima@gmail.test")
    assert (user.status, user.organisation_id, user.requested_organisation) == ("active", org_id, None)
    assert user.approved_at is not None and user.role_confirmed_at is not None
    assert log_in(app.test_client(), post_form, "fatima@gmail.test").headers["Location"] == "/overzicht"
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "registration_approved"))
        assert (event.actor_id, event.target_id) == (admin_id, user_id)


def test_list_shows_verified_requests_oldest_first_and_stale_unverified_ones_apart(app, admin_client):
    with app.app_context():
        org = factories.make_organisation(name="Gemeente Delft")
        make_applicant(name="Nieuwe Aanvrager", age=timedelta(hours=2))
        make_applicant(name="Oude Aanvrager", organisation=org, age=timedelta(days=3))
        make_applicant(name="Nog Bevestigen", verified=False, age=timedelta(hours=2))
        make_applicant(name="Nooit Bevestigd", verified=False, age=timedelta(hours=30))
        factories.make_user(name="Actief Lid")
    html = admin_client.get("/beheer/aanvragen").get_data(as_text=True)
    waiting, _sep, stale = html.partition("Niet bevestigde aanvragen")
    assert waiting.index("Oude Aanvrager") < waiting.index("Nieuwe Aanvrager")
    assert "Gemeente Delft" in waiting and "Stichting Buurtwerk Noord" in waiting
    assert "Opbouwwerker" in waiting
    assert "Nooit Bevestigd" in stale and "Nooit Bevestigd" not in waiting
    assert "1 aanvrager bevestigde het e-mailadres niet binnen 24 uur" in stale
    assert "Nog Bevestigen" not in html and "Actief Lid" not in html


def test_list_pages_cost_the_same_number_of_queries_for_few_and_many(app, admin_client, count_queries):
    with app.app_context():
        orgs = [factories.make_organisation() for _ in range(3)]
        for n in range(5):
            make_applicant(organisation=orgs[n % 3])
    with count_queries() as few:
        assert admin_client.get("/beheer/aanvragen").status_code == 200
    with app.app_context():
        for n in range(40):
            make_applicant(organisation=orgs[n % 3] if n % 2 else None)
            make_applicant(verified=False, age=timedelta(days=2))
    with count_queries() as many:
        html = admin_client.get("/beheer/aanvragen").get_data(as_text=True)
    assert many.count == few.count
    assert "Pagina 1 van 2" in html
    assert admin_client.get("/beheer/aanvragen?pagina=2").status_code == 200


def test_unlisted_organisation_must_be_resolved_before_approval(app, admin_client, post_form):
    with app.app_context():
        user_id = make_applicant().id
    response = approve(admin_client, post_form, user_id)
    assert response.status_code == 422
    assert "Kies een organisatie, of maak de gevraagde organisatie aan." in response.get_data(as_text=True)
    assert request_by_id(app, user_id).status == "pending"
    assert mails_to(app, request_by_id(app, user_id).email) == []


def test_admin_can_create_the_requested_organisation_while_approving(app, admin_client, post_form):
    with app.app_context():
        user_id = make_applicant(requested="Stichting Welzijn Oost").id
    response = approve(admin_client, post_form, user_id, create_organisation="y", kind="welzijn")
    assert response.status_code == 302
    with app.app_context():
        org = db.session.scalar(select(Organisation).where(Organisation.name == "Stichting Welzijn Oost"))
        assert org.kind == "welzijn"
        assert db.session.get(User, user_id).organisation_id == org.id


def test_creating_an_organisation_that_exists_asks_to_choose_it(app, admin_client, post_form):
    with app.app_context():
        factories.make_organisation(name="Stichting Welzijn Oost")
        user_id = make_applicant(requested="stichting welzijn oost").id
    response = approve(admin_client, post_form, user_id, create_organisation="y", kind="welzijn")
    assert response.status_code == 422
    assert "Er bestaat al een organisatie met deze naam" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Organisation.id))) == 1
        assert db.session.get(User, user_id).status == "pending"


def test_choosing_and_creating_an_organisation_at_once_is_refused(app, admin_client, post_form):
    with app.app_context():
        org_id = factories.make_organisation().id
        user_id = make_applicant().id
    response = approve(admin_client, post_form, user_id, organisation=str(org_id), create_organisation="y")
    assert response.status_code == 422
    assert "niet allebei" in response.get_data(as_text=True)


def test_applicant_who_chose_a_listed_organisation_is_approved_with_it(app, admin_client, post_form):
    with app.app_context():
        org = factories.make_organisation(name="Gemeente Venlo")
        user_id = make_applicant(organisation=org).id
        org_id = org.id
    html = admin_client.get(f"/beheer/aanvragen/{user_id}").get_data(as_text=True)
    assert f'<option selected value="{org_id}">' in html or f'value="{org_id}" selected' in html
    assert approve(admin_client, post_form, user_id, organisation=str(org_id)).status_code == 302
    assert request_by_id(app, user_id).organisation_id == org_id


def test_rejection_needs_a_reason_then_mails_it_and_deletes_the_request(app, admin_client, post_form):
    with app.app_context():
        user_id = make_applicant(email="fatima@gmail.test").id
        db.session.add(AccountToken(user_id=user_id, purpose="verify_email", token_hash="x" * 64,
                                    expires_at=utcnow()))
        db.session.commit()
    response = reject(admin_client, post_form, user_id, "   ")
    assert response.status_code == 422
    assert "Vul de reden in" in response.get_data(as_text=True)
    assert account(app, "fatima@gmail.test") is not None

    reason = "Uw organisatie is geen lid van het Servicecentrum."
    response = reject(admin_client, post_form, user_id, reason)
    assert response.headers["Location"] == "/beheer/aanvragen"
    assert account(app, "fatima@gmail.test") is None
    [mail] = mails_to(app, "fatima@gmail.test")
    assert "afgewezen" in mail.subject and reason in mail.body_text
    with app.app_context():
        assert db.session.scalar(select(func.count(AccountToken.id))) == 0
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "registration_rejected"))
        assert event.details["email"] == "fatima@gmail.test"
    assert admin_client.get(f"/beheer/aanvragen/{user_id}").status_code == 404


def test_failed_rejection_keeps_the_typed_reason_and_both_forms(app, admin_client, post_form):
    with app.app_context():
        user_id = make_applicant().id
    response = reject(admin_client, post_form, user_id, "x" * 2001)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "hoogstens 2000 tekens" in html and "x" * 2001 in html
    assert "Goedkeuren" in html


def test_unverified_request_can_be_rejected_but_not_approved(app, admin_client, post_form):
    with app.app_context():
        org_id = factories.make_organisation().id
        user_id = make_applicant(verified=False, age=timedelta(days=2)).id
    html = admin_client.get(f"/beheer/aanvragen/{user_id}").get_data(as_text=True)
    assert "alleen afgewezen" in html
    response = approve(admin_client, post_form, user_id, organisation=str(org_id))
    assert response.status_code == 422
    assert request_by_id(app, user_id).status == "pending"
    assert reject(admin_client, post_form, user_id, "Nooit bevestigd.").status_code == 302
    assert request_by_id(app, user_id) is None


def test_ids_that_are_not_pending_requests_give_404(app, admin_client, post_form):
    with app.app_context():
        member_id = factories.make_user().id
    for user_id in (member_id, 9999):
        assert admin_client.get(f"/beheer/aanvragen/{user_id}").status_code == 404
        assert approve(admin_client, post_form, user_id).status_code == 404
        assert reject(admin_client, post_form, user_id, "Reden").status_code == 404
    assert account(app, "beheer@forum.test").status == "active"


@pytest.mark.parametrize("role", ["officer", "adviser"])
def test_non_admins_get_403_on_every_review_route(app, client, login, post_form, role):
    with app.app_context():
        user_id = make_applicant().id
        login(client, factories.make_user(role=role))
    assert client.get("/beheer/aanvragen").status_code == 403
    assert client.get(f"/beheer/aanvragen/{user_id}").status_code == 403
    page = "/overzicht"
    assert post_form(client, f"/beheer/aanvragen/{user_id}/goedkeuren", {}, page=page).status_code == 403
    assert post_form(client, f"/beheer/aanvragen/{user_id}/afwijzen", {"reason": "Nee"},
                     page=page).status_code == 403
    assert request_by_id(app, user_id).status == "pending"


def test_anonymous_visitors_are_sent_to_login(app, client, post_form):
    with app.app_context():
        user_id = make_applicant().id
    for path in ("/beheer/aanvragen", f"/beheer/aanvragen/{user_id}"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/inloggen?next=")
    for path in (f"/beheer/aanvragen/{user_id}/goedkeuren", f"/beheer/aanvragen/{user_id}/afwijzen"):
        response = post_form(client, path, {"reason": "Nee"})
        assert response.headers["Location"].startswith("/inloggen")
    assert request_by_id(app, user_id).status == "pending"


def test_review_leaves_no_password_in_the_audit_log_or_the_mails(app, client, post_form, login):
    with app.app_context():
        org_id = factories.make_organisation().id
        admin_id = factories.make_user(role="admin").id
    register(client, post_form, email="fatima@gmail.test", organisation=org_id)
    confirm(client, post_form, verification_path(app, "fatima@gmail.test"))
    with app.app_context():
        login(client, admin_id)
    approve(client, post_form, account(app, "fatima@gmail.test").id, organisation=str(org_id))
    with app.app_context():
        details = json.dumps([e.details for e in db.session.scalars(select(AuditEvent))])
        bodies = " ".join(m.body_text for m in db.session.scalars(select(OutboxMail)))
    assert PASSWORD not in details and PASSWORD not in bodies
