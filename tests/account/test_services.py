"""Account use cases called directly, without HTTP."""

import pytest

from servicecentrum.account import services
from servicecentrum.auth import tokens
from servicecentrum.auth.models import User
from servicecentrum.extensions import db
from tests import factories
from tests.account.helpers import events


def test_update_profile_reports_only_the_fields_that_changed(app_ctx):
    user = factories.make_user(name="Sanne", job_title="Adviseur", notify_frequency="immediately")
    theme = factories.make_theme()
    assert services.update_profile(user, " Sanne ", "Adviseur", [theme.id], "immediately") == ["expertise"]
    assert services.update_profile(user, "Sanne", "Adviseur", [theme.id], "immediately") == []
    assert len(events("profile_updated")) == 1


def test_update_profile_refuses_an_unknown_frequency(app_ctx):
    user = factories.make_user()
    with pytest.raises(ValueError):
        services.update_profile(user, "Sanne", "", [], "elk-uur")


def test_confirming_with_another_members_token_is_invalid(app_ctx):
    owner = factories.make_user()
    other = factories.make_user()
    raw = tokens.issue_token(owner, "change_email", new_email="nieuw@proefstad.test")
    db.session.commit()
    with app_ctx.test_request_context():  # the notice mail is written in the visitor's language
        with pytest.raises(tokens.TokenInvalid):
            services.confirm_email_change(other, raw, keep_token=None)
        assert services.confirm_email_change(owner, raw, keep_token=None) == "nieuw@proefstad.test"


def test_a_confirmed_change_makes_older_reset_links_stop_working(app_ctx):
    user = factories.make_user()
    reset = tokens.issue_token(user, "reset_password")
    raw = tokens.issue_token(user, "change_email", new_email="nieuw@proefstad.test")
    db.session.commit()
    with app_ctx.test_request_context():
        services.confirm_email_change(user, raw, keep_token=None)
    with pytest.raises(tokens.TokenUsed):
        tokens.peek_token(reset, "reset_password")


def test_the_last_admin_check_ignores_disabled_admins_and_officers(app_ctx):
    admin = factories.make_user(role="admin")
    factories.make_user(role="admin", status="disabled")
    factories.make_user()
    with pytest.raises(services.LastAdmin):
        services.delete_account(admin, factories.PASSWORD)
    assert db.session.get(User, admin.id) is not None


def test_a_hook_registered_twice_runs_once(app_ctx):
    calls = []

    def hook(user):
        calls.append(user.id)

    services.register_before_delete(hook)
    services.register_before_delete(hook)
    try:
        user = factories.make_user()
        user_id = user.id
        services.delete_account(user, factories.PASSWORD)
    finally:
        services.BEFORE_DELETE_HOOKS.remove(hook)
    assert calls == [user_id]
