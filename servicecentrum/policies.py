"""Every authorization rule, as plain functions of (user, object).

Views call these through ``require(...)``; templates through ``can.<rule>``.
"""

from flask import abort


def is_member(user) -> bool:
    """An approved, active account of any role."""
    return bool(getattr(user, "is_authenticated", False)) and user.is_active


def can_view_staff_tools(user) -> bool:
    """FORUM advisers and admins see staff tools."""
    return is_member(user) and user.is_staff


def can_administer(user) -> bool:
    """Only admins manage accounts, organisations, programmes and settings."""
    return is_member(user) and user.is_admin


def require(allowed: bool) -> None:
    """Stop the request with 403 unless the rule allowed it."""
    if not allowed:
        abort(403)


class _TemplateRules:
    """Expose the rules to templates as ``can.view_staff_tools(user)`` and so on."""

    def __getattr__(self, name):
        rule = globals().get(f"can_{name}")
        if rule is None:
            raise AttributeError(name)
        return rule


can = _TemplateRules()
