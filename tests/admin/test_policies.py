"""Truth tables of the rules behind the admin screens: officer, adviser, admin × self, other."""

from types import SimpleNamespace

import pytest

from servicecentrum import policies


def member(role: str, user_id: int = 1, status: str = "active"):
    """A stand-in for a User with just what the rules read."""
    return SimpleNamespace(id=user_id, role=role, status=status, is_authenticated=True,
                           is_active=status == "active", is_admin=role == "admin",
                           is_adviser=role == "adviser", is_staff=role in ("adviser", "admin"))


ROLES = ("officer", "adviser", "admin")


@pytest.mark.parametrize(("role", "expected"), [("officer", False), ("adviser", False), ("admin", True)])
def test_only_active_admins_administer_and_read_the_audit_log(role, expected):
    assert policies.can_administer(member(role)) is expected
    assert policies.can_view_audit_log(member(role)) is expected
    assert policies.can_administer(member(role, status="disabled")) is False
    assert policies.can_view_audit_log(member(role, status="pending")) is False


@pytest.mark.parametrize("rule", [policies.can_change_role, policies.can_disable_account,
                                  policies.can_reset_mfa])
@pytest.mark.parametrize(("role", "on_self", "expected"), [
    ("officer", True, False), ("officer", False, False),
    ("adviser", True, False), ("adviser", False, False),
    ("admin", True, False), ("admin", False, True),
])
def test_only_an_admin_changes_role_status_and_mfa_of_someone_else(rule, role, on_self, expected):
    actor = member(role, user_id=1)
    target = actor if on_self else member("officer", user_id=2)
    assert rule(actor, target) is expected


@pytest.mark.parametrize("target_role", ROLES)
def test_a_disabled_admin_changes_nobody(target_role):
    actor = member("admin", user_id=1, status="disabled")
    target = member(target_role, user_id=2)
    for rule in (policies.can_change_role, policies.can_disable_account, policies.can_reset_mfa,
                 policies.can_assign_programmes):
        assert rule(actor, target) is False


@pytest.mark.parametrize(("role", "target_role", "on_self", "expected"), [
    ("officer", "adviser", False, False), ("adviser", "adviser", True, False),
    ("adviser", "adviser", False, False), ("admin", "adviser", False, True),
    ("admin", "officer", False, False), ("admin", "admin", False, False),
    ("admin", "admin", True, False),
])
def test_only_admins_assign_programmes_and_only_to_advisers(role, target_role, on_self, expected):
    actor = member(role, user_id=1)
    target = actor if on_self else member(target_role, user_id=2)
    assert policies.can_assign_programmes(actor, target) is expected


def test_templates_reach_the_new_rules_through_can():
    assert policies.can.reset_mfa is policies.can_reset_mfa
    assert policies.can.assign_programmes is policies.can_assign_programmes
