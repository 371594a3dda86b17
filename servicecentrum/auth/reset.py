"""Password reset by e-mail: ask for a one-hour link, then choose a new password with it."""

from flask_babel import gettext as _

from ..audit.services import record
from ..extensions import db
from ..notifications.services import queue_mail
from ..urls import absolute_url
from . import sessions, tokens
from .models import User
from .password_policy import password_problems
from .services import PasswordRejected, find_user_by_email, set_password

PURPOSE = "reset_password"


def request_password_reset(email: str, ip_address: str | None = None) -> None:
    """Mail a reset link to an active account with this address; do nothing for others.

    The caller shows the same answer either way, so nobody learns which addresses exist.
    """
    user = find_user_by_email(email)
    if user is None or not user.is_active:
        return
    raw = tokens.issue_token(user, PURPOSE)
    queue_mail(user.email, _("Nieuw wachtwoord voor Servicecentrum Integratie"), "password_reset",
               name=user.name, link=absolute_url("auth.password_reset", token=raw),
               hours=int(tokens.LIFETIMES[PURPOSE].total_seconds() // 3600))
    record("password_reset_requested", actor=user, target=user, ip_address=ip_address)
    db.session.commit()


def check_reset_token(raw: str) -> User:
    """Return the member a usable reset link belongs to, without using it up.

    :raises tokens.TokenInvalid, tokens.TokenExpired, tokens.TokenUsed:
    """
    token = tokens.peek_token(raw, PURPOSE)
    if not token.user.is_active:
        # Disabled since the link was sent: the link no longer opens anything.
        raise tokens.TokenInvalid()
    return token.user


def reset_password(raw: str, password: str, ip_address: str | None = None) -> User:
    """Set the new password, use the link up and end every session of the member.

    The member is not logged in: they log in with the new password (and their second factor).
    :raises tokens.TokenError: when the link cannot be used (any more).
    :raises PasswordRejected: when the password breaks the rules; the link stays usable.
    """
    user = check_reset_token(raw)
    problems = password_problems(password, user.name, user.email)
    if problems:
        raise PasswordRejected(problems[0])
    tokens.consume_token(raw, PURPOSE)
    set_password(user, password)
    sessions.end_other_sessions(user, None, "password_reset")
    record("password_reset", actor=user, target=user, ip_address=ip_address)
    queue_mail(user.email, _("Uw wachtwoord is gewijzigd"), "password_changed",
               name=user.name, forgot_link=absolute_url("auth.password_forgot"))
    db.session.commit()
    return user
