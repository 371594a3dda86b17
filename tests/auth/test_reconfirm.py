"""Staying current: the yearly role confirmation, and creating the first admin from the shell."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from servicecentrum.audit.models import AuditEvent
from servicecentrum.auth import reconfirm
from servicecentrum.auth.models import User, UserSession
from servicecentrum.database import utcnow
from servicecentrum.dates import format_date
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from tests import factories

YEAR = timedelta(days=365)
DAY = timedelta(days=1)


def _mails(to_address=None):
    query = select(OutboxMail).order_by(OutboxMail.id)
    if to_address:
        query = query.where(OutboxMail.to_address == to_address)
    return list(db.session.scalars(query))


def _events(action):
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def _member(email, confirmed_ago=None, approved_ago=None, created_ago=None, **fields):
    now = utcnow()
    return factories.make_user(
        email=email,
        role_confirmed_at=now - confirmed_ago if confirmed_ago else None,
        approved_at=now - approved_ago if approved_ago else None,
        created_at=now - created_ago if created_ago else now,
        **fields,
    )


# Asking --------------------------------------------------------------------------------------

def test_members_not_confirmed_for_a_year_are_asked_once(app_ctx):
    _member("oud@proefstad.test", confirmed_ago=YEAR + DAY)
    _member("recent@proefstad.test", confirmed_ago=YEAR - DAY)
    _member("goedgekeurd@proefstad.test", approved_ago=YEAR + DAY, created_ago=2 * YEAR)
    _member("nieuw-goedgekeurd@proefstad.test", approved_ago=10 * DAY, created_ago=2 * YEAR)
    _member("aangemaakt@proefstad.test", created_ago=YEAR + DAY)
    _member("net-aangemaakt@proefstad.test", created_ago=10 * DAY)
    _member("wacht@proefstad.test", confirmed_ago=2 * YEAR, status="pending")
    _member("uit@proefstad.test", confirmed_ago=2 * YEAR, status="disabled")
    _member("al-gevraagd@proefstad.test", confirmed_ago=2 * YEAR, reconfirm_requested_at=utcnow() - DAY)

    assert reconfirm.request_reconfirmations() == 3
    asked = sorted(m.to_address for m in _mails())
    assert asked == ["aangemaakt@proefstad.test", "goedgekeurd@proefstad.test", "oud@proefstad.test"]
    flagged = db.session.scalars(select(User.email).where(User.reconfirm_requested_at.is_not(None)))
    assert set(flagged) == {*asked, "al-gevraagd@proefstad.test"}

    assert reconfirm.request_reconfirmations() == 0
    assert len(_mails()) == 3


def test_the_question_names_job_and_organisation_and_links_to_the_confirm_page(app_ctx):
    organisation = factories.make_organisation(name="Gemeente Zwolle")
    _member("sanne@zwolle.test", confirmed_ago=2 * YEAR, name="Sanne Jansen",
            job_title="Beleidsadviseur inburgering", organisation=organisation)
    now = utcnow()
    reconfirm.request_reconfirmations(now)
    mail, = _mails()
    assert mail.subject == "Werkt u nog bij Gemeente Zwolle?"
    assert "Beste Sanne Jansen" in mail.body_text
    assert "Werkt u nog als Beleidsadviseur inburgering bij Gemeente Zwolle?" in mail.body_text
    assert "http://127.0.0.1:5000/account/bevestigen" in mail.body_text  # BASE_URL outside a request
    assert f"vóór {format_date(now + 30 * DAY)}," in mail.body_text  # "2 januari 2027"
    event, = _events("role_confirmation_requested")
    assert event.actor_id is None


def test_pending_reconfirmation_is_visible_for_the_banner(app_ctx):
    member = _member("oud@proefstad.test", confirmed_ago=2 * YEAR)
    other = _member("recent@proefstad.test", confirmed_ago=DAY)
    reconfirm.request_reconfirmations()
    assert reconfirm.reconfirmation_pending(member) is True
    assert reconfirm.reconfirmation_pending(other) is False


def test_nobody_is_pending_when_not_logged_in(app):
    from flask_login import AnonymousUserMixin

    assert reconfirm.reconfirmation_pending(AnonymousUserMixin()) is False


# Disabling -----------------------------------------------------------------------------------

def test_members_who_do_not_answer_within_30_days_are_disabled_once(app_ctx):
    asked_at = utcnow() - 40 * DAY
    member = _member("stil@proefstad.test", confirmed_ago=2 * YEAR)
    _member("antwoordt@proefstad.test", confirmed_ago=2 * YEAR)
    assert reconfirm.request_reconfirmations(asked_at) == 2
    reconfirm.confirm_role(db.session.scalar(select(User).where(User.email == "antwoordt@proefstad.test")),
                           now=asked_at + 5 * DAY)

    assert reconfirm.disable_unconfirmed(asked_at + 29 * DAY) == 0
    assert reconfirm.disable_unconfirmed(asked_at + 31 * DAY) == 1
    db.session.refresh(member)
    assert member.status == "disabled"
    assert member.disabled_reason == "Niet bevestigd binnen 30 dagen"
    mail = _mails("stil@proefstad.test")[-1]
    assert "geblokkeerd" in mail.subject
    assert "neem dan contact op" in mail.body_text.lower()
    event, = _events("account_disabled")
    assert (event.actor_id, event.target_id) == (None, member.id)
    assert event.details["reason"] == "Niet bevestigd binnen 30 dagen"

    mails_before = len(_mails())
    assert reconfirm.disable_unconfirmed(asked_at + 32 * DAY) == 0
    assert reconfirm.request_reconfirmations(asked_at + 32 * DAY) == 0
    assert len(_mails()) == mails_before
    assert db.session.scalar(select(User.status).where(User.email == "antwoordt@proefstad.test")) == "active"


def test_admins_who_do_not_answer_are_asked_but_never_disabled_by_cron(app_ctx):
    asked_at = utcnow() - 40 * DAY
    admin = factories.make_user(role="admin", role_confirmed_at=utcnow() - 2 * YEAR)
    assert reconfirm.request_reconfirmations(asked_at) == 1
    assert reconfirm.disable_unconfirmed(asked_at + 31 * DAY) == 0
    db.session.refresh(admin)
    assert admin.status == "active"


def test_disabling_ends_the_members_sessions(app, client, login):
    with app.app_context():
        member = _member("stil@proefstad.test", confirmed_ago=2 * YEAR)
        login(client, member)
        member_id = member.id
    assert client.get("/overzicht").status_code == 200
    with app.app_context():
        reconfirm.request_reconfirmations(utcnow() - 31 * DAY)
        reconfirm.disable_unconfirmed()
        reasons = set(db.session.scalars(select(UserSession.end_reason)
                                         .where(UserSession.user_id == member_id)))
    assert reasons == {"account_disabled"}
    assert client.get("/overzicht").status_code == 302


def test_a_member_re_enabled_by_an_admin_gets_a_new_question_and_30_days(app_ctx):
    asked_at = utcnow() - 40 * DAY
    member = _member("stil@proefstad.test", confirmed_ago=2 * YEAR)
    reconfirm.request_reconfirmations(asked_at)
    reconfirm.disable_unconfirmed()
    member.status = "active"  # what an admin does
    db.session.commit()
    assert reconfirm.disable_unconfirmed() == 0
    assert reconfirm.request_reconfirmations() == 1
    assert reconfirm.disable_unconfirmed(utcnow() + 29 * DAY) == 0
    db.session.refresh(member)
    assert member.status == "active"


# The confirm page ----------------------------------------------------------------------------

def test_the_confirm_page_asks_about_job_and_organisation(app, client, login):
    with app.app_context():
        organisation = factories.make_organisation(name="Gemeente Zwolle")
        login(client, _member("sanne@zwolle.test", confirmed_ago=2 * YEAR, organisation=organisation,
                              job_title="Beleidsadviseur"))
    response = client.get("/account/bevestigen")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Werkt u nog als Beleidsadviseur bij Gemeente Zwolle?" in html
    assert "Ja, dat klopt" in html
    assert 'href="/account"' in html
    assert html.count("<h1") == 1


def test_staff_without_an_organisation_are_asked_about_forum(app, client, login):
    with app.app_context():
        login(client, factories.make_user(role="adviser", job_title=""))
    html = client.get("/account/bevestigen").get_data(as_text=True)
    assert "Werkt u nog bij FORUM?" in html


def test_confirming_clears_the_question_for_another_year(app, client, login, post_form):
    with app.app_context():
        member = _member("sanne@zwolle.test", confirmed_ago=2 * YEAR)
        member_id = member.id
        login(client, member)
        reconfirm.request_reconfirmations(utcnow() - 20 * DAY)
    response = post_form(client, "/account/bevestigen", page="/account/bevestigen",
                         environ_base={"REMOTE_ADDR": "203.0.113.9"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/overzicht"
    assert "bevestigd" in client.get("/overzicht").get_data(as_text=True)
    with app.app_context():
        member = db.session.get(User, member_id)
        assert member.reconfirm_requested_at is None
        assert utcnow() - member.role_confirmed_at < timedelta(minutes=1)
        event, = _events("role_confirmed")
        assert (event.actor_id, event.ip_address) == (member_id, "203.0.113.9")
        assert reconfirm.disable_unconfirmed(utcnow() + 60 * DAY) == 0
        assert reconfirm.request_reconfirmations(utcnow() + 300 * DAY) == 0


def test_the_confirm_page_needs_a_login_and_a_csrf_token(app, client, login):
    assert client.get("/account/bevestigen").headers["Location"].startswith("/inloggen")
    with app.app_context():
        login(client, factories.make_user())
    assert client.post("/account/bevestigen").status_code == 400


# The command for cron ------------------------------------------------------------------------

def test_the_reconfirm_command_asks_and_disables_and_prints_counts(app, runner):
    with app.app_context():
        _member("oud@proefstad.test", confirmed_ago=2 * YEAR)
        _member("stil@proefstad.test", confirmed_ago=2 * YEAR, reconfirm_requested_at=utcnow() - 31 * DAY)
    result = runner.invoke(args=["users", "reconfirm"])
    assert result.exit_code == 0, result.output
    assert "Asked to confirm: 1, disabled: 1" in result.output
    again = runner.invoke(args=["users", "reconfirm"])
    assert "Asked to confirm: 0, disabled: 0" in again.output
    with app.app_context():
        assert sorted(m.to_address for m in _mails()) == ["oud@proefstad.test", "stil@proefstad.test"]


# create-admin --------------------------------------------------------------------------------

@pytest.fixture
def typed(monkeypatch):
    """Make getpass return the given answers in turn."""

    def answers(*values):
        replies = iter(values)
        monkeypatch.setattr("getpass.getpass", lambda prompt="": next(replies))

    return answers


def test_create_admin_makes_an_active_admin_who_can_log_in(app, runner, typed, post_form):
    typed("paarse olifant op de fiets", "paarse olifant op de fiets")
    result = runner.invoke(args=["users", "create-admin", "--email", "Baas@Forum.test"])
    assert result.exit_code == 0, result.output
    assert "baas@forum.test" in result.output
    assert "paarse olifant" not in result.output
    with app.app_context():
        admin = db.session.scalar(select(User).where(User.email == "baas@forum.test"))
        assert (admin.role, admin.status) == ("admin", "active")
        assert admin.password_hash.startswith("$argon2id$")
        assert _events("account_created")[0].details == {"via": "cli", "role": "admin"}
    client = app.test_client()
    response = post_form(client, "/inloggen", {"email": "baas@forum.test",
                                               "password": "paarse olifant op de fiets"}, page="/inloggen")
    # Admins must set up MFA first.
    assert response.headers["Location"] == "/account/tweestapsverificatie/instellen"


def test_create_admin_refuses_passwords_that_differ(app, runner, typed):
    typed("paarse olifant op de fiets", "paarse olifant op de fietz")
    result = runner.invoke(args=["users", "create-admin", "--email", "baas@forum.test"])
    assert result.exit_code != 0
    assert "niet gelijk" in result.output
    with app.app_context():
        assert db.session.scalar(select(User)) is None


def test_create_admin_refuses_a_weak_password(app, runner, typed):
    typed("Wachtwoord2024!", "Wachtwoord2024!")
    result = runner.invoke(args=["users", "create-admin", "--email", "baas@forum.test"])
    assert result.exit_code == 1
    assert "te bekend" in result.output
    with app.app_context():
        assert db.session.scalar(select(User)) is None


def test_create_admin_refuses_an_address_that_is_taken(app, runner, typed):
    with app.app_context():
        factories.make_user(email="baas@forum.test")
    typed("paarse olifant op de fiets", "paarse olifant op de fiets")
    result = runner.invoke(args=["users", "create-admin", "--email", "BAAS@forum.test"])
    assert result.exit_code == 1
    assert "Er bestaat al een account voor baas@forum.test" in result.output
    with app.app_context():
        assert db.session.scalar(select(User.role)) == "officer"
