"""Account use cases: profile, password, e-mail change, own sessions, deleting the account."""

from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError

from ..audit.services import record
from ..auth import sessions
from ..auth.models import NOTIFY_FREQUENCIES, AccountToken, User, UserSession, normalise_email
from ..auth.password_policy import password_problems
from ..auth.passwords import verify_password
from ..auth.secrets import digest
from ..auth.services import PasswordRejected, set_password
from ..auth.tokens import TokenInvalid, consume_token, issue_token, peek_token
from ..database import utcnow
from ..extensions import db
from ..notifications.models import OutboxMail
from ..notifications.services import queue_mail
from ..taxonomy.models import Theme
from ..urls import absolute_url
from .devices import describe_user_agent

# Called with the member just before their row is deleted, inside the same transaction:
# later features register here, for instance to take the member out of the search index.
BEFORE_DELETE_HOOKS: list[Callable[[User], None]] = []


class AccountError(Exception):
    """Base class for errors in the member's own account."""


class WrongPassword(AccountError):
    """The current password, asked again before a sensitive change, does not match."""


class EmailTaken(AccountError):
    """Another account already uses the address."""


class EmailUnchanged(AccountError):
    """The new address is the address the account already has."""


class LastAdmin(AccountError):
    """The only active admin cannot leave: nobody could manage the site any more."""


@dataclass(frozen=True)
class SessionRow:
    """One open session as the sessions page shows it."""

    session: UserSession
    device: str
    is_current: bool


def register_before_delete(hook: Callable[[User], None]) -> Callable[[User], None]:
    """Run hook(user) before an account is deleted; usable as a decorator."""
    if hook not in BEFORE_DELETE_HOOKS:
        BEFORE_DELETE_HOOKS.append(hook)
    return hook


def _check_password(user: User, password: str, purpose: str, ip_address: str | None) -> None:
    if verify_password(user.password_hash, password):
        return
    record("reauthentication_failed", actor=user, target=user, ip_address=ip_address, purpose=purpose)
    db.session.commit()
    raise WrongPassword()


def _retire_tokens(user: User, purposes: tuple[str, ...]) -> None:
    """Make unused e-mail links of these purposes stop working (links sent to an old address)."""
    db.session.execute(
        update(AccountToken)
        .where(AccountToken.user_id == user.id, AccountToken.purpose.in_(purposes),
               AccountToken.used_at.is_(None))
        .values(used_at=utcnow())
    )


def list_themes() -> list[Theme]:
    """Return every theme, alphabetically, for the expertise checkboxes."""
    return list(db.session.scalars(select(Theme).order_by(Theme.name)))


def update_profile(user: User, name: str, job_title: str, theme_ids: list[int],
                   notify_frequency: str, ip_address: str | None = None) -> list[str]:
    """Save the profile; return the names of the fields that changed."""
    if notify_frequency not in NOTIFY_FREQUENCIES:
        raise ValueError(f"unknown notify_frequency {notify_frequency!r}")
    themes = (list(db.session.scalars(select(Theme).where(Theme.id.in_(theme_ids)).order_by(Theme.name)))
              if theme_ids else [])
    changed = []
    for field, value in (("name", name.strip()), ("job_title", (job_title or "").strip()),
                         ("notify_frequency", notify_frequency)):
        if getattr(user, field) != value:
            setattr(user, field, value)
            changed.append(field)
    if {t.id for t in user.expertise} != {t.id for t in themes}:
        user.expertise = themes
        changed.append("expertise")
    if changed:
        record("profile_updated", actor=user, target=user, ip_address=ip_address, fields=",".join(changed))
    db.session.commit()
    return changed


def change_password(user: User, current_password: str, new_password: str, keep_token: str | None,
                    ip_address: str | None = None) -> None:
    """Replace the password after re-authentication; end every other session; tell the member.

    :raises WrongPassword: the current password does not match.
    :raises PasswordRejected: the new password breaks the rules (the message says which).
    """
    _check_password(user, current_password, "password_change", ip_address)
    problems = password_problems(new_password, user.name, user.email)
    if problems:
        raise PasswordRejected(problems[0])
    set_password(user, new_password)
    _retire_tokens(user, ("reset_password",))
    ended = sessions.end_other_sessions(user, keep_token, reason="password_changed")
    record("password_changed", actor=user, target=user, ip_address=ip_address, sessions_ended=ended)
    queue_mail(user.email, _("Uw wachtwoord is gewijzigd"), "account_password_changed",
               name=user.name, changed_at=utcnow(), ip_address=ip_address,
               login_url=absolute_url("auth.login"))
    db.session.commit()


def _email_in_use(address: str, user: User) -> bool:
    query = select(func.count()).select_from(User).where(User.email == address, User.id != user.id)
    return db.session.scalar(query) > 0


def request_email_change(user: User, new_email: str, password: str, ip_address: str | None = None) -> str:
    """Send a confirmation link to the new address; return the address as stored.

    :raises WrongPassword, EmailUnchanged, EmailTaken:
    """
    _check_password(user, password, "email_change", ip_address)
    address = normalise_email(new_email)
    if address == user.email:
        raise EmailUnchanged()
    if _email_in_use(address, user):
        raise EmailTaken()
    raw = issue_token(user, "change_email", new_email=address)
    queue_mail(address, _("Bevestig uw nieuwe e-mailadres"), "account_email_confirm",
               name=user.name, new_email=address, link=absolute_url("account.email_confirm", token=raw))
    record("email_change_requested", actor=user, target=user, ip_address=ip_address, new_email=address)
    db.session.commit()
    return address


def pending_email_change(user: User, raw_token: str) -> AccountToken:
    """Return the usable change-of-address token, only if it belongs to this member.

    :raises TokenInvalid, TokenExpired, TokenUsed: (another member's token is TokenInvalid)
    """
    token = peek_token(raw_token, "change_email")
    if token.user_id != user.id or not token.new_email:
        raise TokenInvalid()
    return token


def confirm_email_change(user: User, raw_token: str, keep_token: str | None,
                         ip_address: str | None = None) -> str:
    """Switch to the confirmed address, warn the old one, end other sessions; return the new one.

    :raises TokenInvalid, TokenExpired, TokenUsed, EmailTaken:
    """
    new_email = pending_email_change(user, raw_token).new_email
    if _email_in_use(new_email, user):
        raise EmailTaken()
    consume_token(raw_token, "change_email")
    old_email = user.email
    user.email = new_email
    user.email_verified_at = utcnow()
    _retire_tokens(user, ("verify_email", "reset_password", "change_email"))
    sessions.end_other_sessions(user, keep_token, reason="email_changed")
    record("email_changed", actor=user, target=user, ip_address=ip_address,
           old_email=old_email, new_email=new_email)
    queue_mail(old_email, _("Uw e-mailadres is gewijzigd"), "account_email_changed",
               name=user.name, new_email=new_email, login_url=absolute_url("auth.login"))
    try:
        db.session.commit()
    except IntegrityError:
        # Someone took the address in the very same moment; the unique index decided.
        db.session.rollback()
        raise EmailTaken() from None
    return new_email


def session_overview(user: User, current_token: str | None) -> list[SessionRow]:
    """Return the member's open sessions with a readable device, the current one marked."""
    current_hash = digest(current_token) if current_token else None
    return [SessionRow(s, describe_user_agent(s.user_agent), s.token_hash == current_hash)
            for s in sessions.open_sessions(user)]


def find_session(session_id: int) -> UserSession | None:
    """Return the session record with this id, whoever it belongs to."""
    return db.session.get(UserSession, session_id)


def end_own_session(user: User, user_session: UserSession, current_token: str | None,
                    ip_address: str | None = None) -> bool:
    """End one of the member's sessions; return True when it was the session in use."""
    is_current = bool(current_token) and user_session.token_hash == digest(current_token)
    if user_session.is_open:
        user_session.ended_at = utcnow()
        user_session.end_reason = "ended_by_user"
        record("session_ended", actor=user, target=user_session, ip_address=ip_address,
               scope="current" if is_current else "one")
    db.session.commit()
    return is_current


def end_other_sessions(user: User, current_token: str | None, ip_address: str | None = None) -> int:
    """End every session of the member except the one in use; return how many ended."""
    ended = sessions.end_other_sessions(user, current_token, reason="ended_by_user")
    if ended:
        record("session_ended", actor=user, target=user, ip_address=ip_address, scope="others",
               count=ended)
    db.session.commit()
    return ended


def _other_active_admins(user: User) -> int:
    # Lock every active admin row, our own included (PostgreSQL; SQLite writes one at a time):
    # of two last admins leaving at once, the second waits and then sees the first gone.
    query = select(User.id).where(User.role == "admin", User.status == "active").with_for_update()
    return sum(1 for admin_id in db.session.scalars(query) if admin_id != user.id)


def delete_account(user: User, password: str, ip_address: str | None = None) -> None:
    """Delete the member and their personal data; authored content stays as "voormalig lid".

    Sessions, tokens and recovery codes go with the row, queued and sent mails to the member
    are removed, and audit events keep their place with the actor set to NULL by the database.
    :raises WrongPassword, LastAdmin:
    """
    _check_password(user, password, "account_deletion", ip_address)
    if user.is_admin and user.is_active and _other_active_admins(user) == 0:
        db.session.rollback()
        raise LastAdmin()
    record("account_deleted", actor=None, target=user, ip_address=ip_address,
           user_id=user.id, role=user.role)
    for hook in BEFORE_DELETE_HOOKS:
        hook(user)
    # Mails to the member hold their name and address; one being sent right now is left alone.
    db.session.execute(delete(OutboxMail).where(OutboxMail.to_address == user.email,
                                                OutboxMail.status != "sending"))
    db.session.delete(user)
    db.session.commit()
