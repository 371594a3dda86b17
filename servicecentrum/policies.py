"""Every authorization rule, as plain functions of (user, object).

Views call these through ``require(...)``; templates through ``can.<rule>``.
"""

from flask import abort


def is_member(user) -> bool:
    """An approved, active account of any role."""
    return bool(getattr(user, "is_authenticated", False)) and user.is_active


def mfa_required(user, required_for_all: bool) -> bool:
    """Advisers and admins always need a second factor; officers when the admins say so."""
    return user.is_staff or bool(required_for_all)


def can_disable_mfa(user, required_for_all: bool) -> bool:
    """Only someone for whom MFA is optional may switch it off."""
    return is_member(user) and user.mfa_enabled and not mfa_required(user, required_for_all)


def can_view_staff_tools(user) -> bool:
    """FORUM advisers and admins see staff tools."""
    return is_member(user) and user.is_staff


def can_administer(user) -> bool:
    """Only admins manage accounts, organisations, programmes and settings."""
    return is_member(user) and user.is_admin


def can_review_registrations(user) -> bool:
    """Admins approve and reject requests for access."""
    return can_administer(user)


def can_view_audit_log(user) -> bool:
    """Only admins read the audit log."""
    return can_administer(user)


def can_change_role(user, target) -> bool:
    """Admins change roles, but never their own (no accidental lock-out)."""
    return can_administer(user) and target.id != user.id


def can_disable_account(user, target) -> bool:
    """Admins disable other accounts, never their own."""
    return can_administer(user) and target.id != user.id


def can_end_session(user, user_session) -> bool:
    """Members end only their own sessions."""
    return is_member(user) and user_session.user_id == user.id


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


def can_reset_mfa(user, target) -> bool:
    """Admins reset another member's second factor (a lost phone), never their own."""
    return can_administer(user) and target.id != user.id


def can_assign_programmes(user, target) -> bool:
    """Admins assign advisers, and only advisers, to programmes."""
    return can_administer(user) and target.is_adviser


# --- Library of practices ------------------------------------------------------------------
# Drafts and practices in review are for their author and FORUM staff only; views answer 404
# (not 403) to everyone else, so practice ids cannot be probed.


def _is_practice_author(user, practice) -> bool:
    return practice.author_id is not None and practice.author_id == user.id


def can_view_practice(user, practice) -> bool:
    """Published practices for every member; unpublished ones only for their author and staff."""
    if not is_member(user):
        return False
    # An archived practice stays readable only if it was ever published (not a rejected draft).
    was_published = practice.status == "published" or (
        practice.status == "archived" and practice.published_at is not None)
    return was_published or user.is_staff or _is_practice_author(user, practice)


def can_create_practice(user) -> bool:
    """Every member may propose a practice."""
    return is_member(user)


def can_edit_practice(user, practice) -> bool:
    """Staff edit any practice; authors edit their own until it is archived."""
    if not can_view_practice(user, practice):
        return False
    return user.is_staff or (_is_practice_author(user, practice) and practice.status != "archived")


def can_submit_practice(user, practice) -> bool:
    """Authors offer their own practice for review."""
    return can_view_practice(user, practice) and _is_practice_author(user, practice)


def can_review_practices(user) -> bool:
    """FORUM staff comment, ask for changes, publish and archive."""
    return is_member(user) and user.is_staff


def can_follow_review(user, practice) -> bool:
    """The author and staff read and write the review remarks of a practice."""
    return can_view_practice(user, practice) and (user.is_staff or _is_practice_author(user, practice))


def can_rate_practice(user, practice) -> bool:
    """Members rate other people's published practices, not their own."""
    return (can_view_practice(user, practice) and practice.status == "published"
            and not _is_practice_author(user, practice))


def can_download_attachment(user, attachment) -> bool:
    """Whoever may see the practice may download its attachments."""
    return can_view_practice(user, attachment.practice)
