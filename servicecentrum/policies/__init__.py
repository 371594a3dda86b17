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


def can_view_outbox(user) -> bool:
    """Only admins read the e-mail outbox (it holds other members' mail)."""
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


# --- Peer questions ------------------------------------------------------------------------
# Hidden questions answer 404 and hidden answers are left out for members; FORUM staff see
# both with a "verborgen" mark. Posts work for questions and answers alike.


def _question_of(post):
    return getattr(post, "question", None) or post


def can_view_question(user, question) -> bool:
    """Members see visible questions; staff also see hidden ones."""
    return is_member(user) and (not question.is_hidden or user.is_staff)


def can_view_answer(user, answer) -> bool:
    """Members see visible answers of questions they may see; staff also see hidden ones."""
    return can_view_question(user, answer.question) and (not answer.is_hidden or user.is_staff)


def can_view_post(user, post) -> bool:
    """A question or an answer, whichever it is, by the rules above."""
    return can_view_answer(user, post) if hasattr(post, "question") else can_view_question(user, post)


def can_ask_question(user) -> bool:
    """Every member may ask a question."""
    return is_member(user)


def can_answer(user, question) -> bool:
    """Members answer questions they see, unless the question is locked."""
    return can_view_question(user, question) and not question.is_locked


def can_edit_post(user, post) -> bool:
    """The author edits their own post, FORUM staff any post; a locked thread only by staff."""
    if not can_view_post(user, post):
        return False
    if user.is_staff:
        return True
    own = post.author_id is not None and post.author_id == user.id
    return own and not _question_of(post).is_locked


def can_vote(user, answer) -> bool:
    """Members call other members' visible answers "nuttig", never their own."""
    return (can_view_answer(user, answer) and not answer.is_hidden
            and answer.author_id != user.id)


def can_accept_answer(user, answer) -> bool:
    """The asker or FORUM staff mark a visible answer as the accepted one."""
    if not can_view_answer(user, answer) or answer.is_hidden:
        return False
    asker = answer.question.author_id
    return user.is_staff or (asker is not None and asker == user.id)


def can_download_post_attachment(user, post) -> bool:
    """Whoever may see the post may download its attachments."""
    return can_view_post(user, post)


# --- Peer questions: follow, moderation, "vraag een adviseur", directory (issue 5) --------


def can_follow_question(user, question) -> bool:
    """Members follow the questions they may see."""
    return can_view_question(user, question)


def can_report_post(user, post) -> bool:
    """Members report visible posts of other members (not their own)."""
    return (can_view_post(user, post) and not post.is_hidden
            and not _question_of(post).is_hidden and post.author_id != user.id)


def can_moderate(user) -> bool:
    """FORUM advisers and admins hide, restore, lock and move posts."""
    return is_member(user) and user.is_staff


def can_ask_adviser(user, question) -> bool:
    """The asker of a visible, unanswered question may call in a FORUM adviser once."""
    return (can_view_question(user, question) and not question.is_hidden
            and question.author_id is not None and question.author_id == user.id
            and question.answer_count == 0 and question.expert_offered_at is None)


def can_view_directory(user) -> bool:
    """Every member finds peers in the directory."""
    return is_member(user)


def can_view_member(user, member) -> bool:
    """Members see active profiles that are not hidden; admins and the member themselves always."""
    if not is_member(user) or member.status != "active":
        return False
    return not member.hide_from_directory or user.is_admin or member.id == user.id


from .events import *  # noqa: E402,F401,F403  (event rules)
from .helpdesk import *  # noqa: E402,F401,F403  (helpdesk rules, also for ``can.x`` in templates)
