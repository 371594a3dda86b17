"""Account use cases: authenticate, log in and out, create the first admin."""

from flask import current_app
from sqlalchemy import select

from ..admin.settings import get_setting
from ..audit.services import record
from ..database import utcnow
from ..extensions import db
from ..policies import mfa_required
from . import mfa, sessions
from .models import User, normalise_email
from .password_policy import password_problems
from .passwords import hash_password, needs_rehash, verify_password


class AuthError(Exception):
    """Base class for account errors."""


class InvalidCredentials(AuthError):
    """Unknown e-mail, wrong password or an account that may not log in."""


class InvalidCode(AuthError):
    """A second-factor code that is wrong, expired or used before."""


class AccountExists(AuthError):
    """An account with this e-mail address already exists."""


class PasswordRejected(AuthError):
    """The password does not meet the password rules; the message says why."""


def find_user_by_email(email: str) -> User | None:
    """Return the account with this address, whatever its case."""
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def authenticate(email: str, password: str, ip_address: str | None = None) -> User:
    """Return the active account these credentials belong to (the first factor only).

    :raises InvalidCredentials: for every failure alike, so nobody learns which part was wrong.
    """
    user = find_user_by_email(email)
    password_ok = verify_password(user.password_hash if user else None, password)
    if not password_ok or not user.is_active:
        reason = "unknown_email" if user is None else ("inactive" if password_ok else "wrong_password")
        record("login_failed", actor=user, ip_address=ip_address, email=normalise_email(email)[:254],
               reason=reason)
        db.session.commit()
        raise InvalidCredentials()
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
        db.session.commit()
    return user


def verify_second_factor(user: User, code: str, ip_address: str | None = None) -> str:
    """Accept a TOTP code or an unused recovery code; return which one was used.

    :raises InvalidCode: when neither matches (a replayed code included).
    """
    if mfa.verify_totp(user, code):
        return "totp"
    if mfa.use_recovery_code(user, code):
        record("mfa_recovery_code_used", actor=user, target=user, ip_address=ip_address,
               remaining=mfa.remaining_recovery_codes(user))
        return "recovery_code"
    record("login_failed", actor=user, ip_address=ip_address, email=user.email, reason="wrong_mfa_code")
    db.session.commit()
    raise InvalidCode()


def needs_mfa_setup(user: User) -> bool:
    """True when the user must set up a second factor before doing anything else."""
    if user.mfa_enabled:
        return False
    return user.is_staff or mfa_required(user, get_setting("mfa_required_for_all"))


def complete_login(user: User, ip_address: str | None, user_agent: str | None, method: str) -> str:
    """Open a new session after all factors passed; return its cookie token."""
    token = sessions.start_session(user, ip_address, user_agent)
    user.last_login_at = utcnow()
    record("login_succeeded", actor=user, target=user, ip_address=ip_address, method=method)
    db.session.commit()
    return token


def logout(user: User | None, token: str | None, ip_address: str | None) -> None:
    """End the session and record it."""
    sessions.end_session_by_token(token, reason="logout")
    if user is not None:
        record("logout", actor=user, target=user, ip_address=ip_address)
        db.session.commit()


def set_password(user: User, password: str) -> None:
    """Store a new password hash for the user (the caller commits)."""
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()


def create_admin(email: str, name: str, password: str) -> User:
    """Create an active admin account (the first one, from the command line).

    :raises AccountExists: when the address is taken.
    :raises PasswordRejected: when the password breaks the rules.
    """
    if find_user_by_email(email) is not None:
        raise AccountExists(f"Er bestaat al een account voor {normalise_email(email)}.")
    problems = password_problems(password, name, email)
    if problems:
        raise PasswordRejected(problems[0])
    now = utcnow()
    user = User(email=email, name=name, role="admin", status="active", email_verified_at=now,
                approved_at=now, role_confirmed_at=now)
    set_password(user, password)
    db.session.add(user)
    db.session.flush()
    record("account_created", actor=None, target=user, via="cli", role="admin")
    db.session.commit()
    return user


def pending_mfa_secret(user: User, session_token: str | None) -> str:
    """Return the secret to show during set-up, without storing it (a GET never writes).

    It is derived from the app's secret key, the member and their session (HMAC), so it stays
    the same on every view of the set-up page in this session and is never in the cookie;
    it is stored only when a code confirms it. A key stored by an earlier set-up is kept.
    """
    if user.mfa_enabled:
        raise ValueError("MFA is already on")
    return user.mfa_secret or mfa.derived_secret(current_app.config["SECRET_KEY"],
                                                 f"mfa-setup|{user.id}|{session_token or ''}")


def confirm_mfa_setup(user: User, code: str, keep_token: str | None,
                      ip_address: str | None) -> list[str]:
    """Switch MFA on when the code matches the new secret; return ten recovery codes.

    Ends the member's other sessions, as every change of a login factor does.
    :raises InvalidCode:
    """
    secret = pending_mfa_secret(user, keep_token)
    step = mfa.matching_timecode(secret, code)
    if step is None:
        raise InvalidCode()
    user.mfa_secret = secret
    user.mfa_enabled_at = utcnow()
    user.mfa_last_timecode = step
    codes = mfa.replace_recovery_codes(user)
    sessions.end_other_sessions(user, keep_token, reason="mfa_changed")
    record("mfa_enabled", actor=user, target=user, ip_address=ip_address)
    db.session.commit()
    return codes


def regenerate_recovery_codes(user: User, code: str, ip_address: str | None) -> list[str]:
    """Replace the recovery codes after checking a current TOTP code.

    :raises InvalidCode:
    """
    if not mfa.verify_totp(user, code):
        db.session.rollback()
        raise InvalidCode()
    codes = mfa.replace_recovery_codes(user)
    record("mfa_recovery_codes_replaced", actor=user, target=user, ip_address=ip_address)
    db.session.commit()
    return codes


def disable_mfa(user: User, password: str, keep_token: str | None, ip_address: str | None) -> None:
    """Switch MFA off for a member who may do so, after re-entering the password.

    :raises InvalidCredentials:
    """
    if not verify_password(user.password_hash, password):
        raise InvalidCredentials()
    user.mfa_secret = None
    user.mfa_enabled_at = None
    user.mfa_last_timecode = None
    mfa.delete_recovery_codes(user)
    sessions.end_other_sessions(user, keep_token, reason="mfa_changed")
    record("mfa_disabled", actor=user, target=user, ip_address=ip_address)
    db.session.commit()
