"""The glue between Flask's cookie session and our server-side session records."""

from flask import current_app, request, session
from flask_login import login_user, logout_user
from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from ..extensions import db, login_manager
from . import sessions
from .models import User, UserSession
from .secrets import digest

SESSION_TOKEN_KEY = "sid"  # noqa: S105 (a session key name)
PENDING_MFA_KEY = "mfa_user_id"
MFA_NEXT_KEY = "mfa_next"  # where a member was going when the forced MFA set-up stopped them


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Load the member only while their server-side session is open and fresh.

    One query: the session record, the member, their organisation, and the unread count
    for the header bell.
    """
    from ..notifications.centre import remember_unread_count, unread_count_column

    token = session.get(SESSION_TOKEN_KEY)
    if not token:
        return None
    row = db.session.execute(
        select(UserSession, unread_count_column(User.id))
        .join(UserSession.user)
        .where(UserSession.token_hash == digest(token))
        .options(contains_eager(UserSession.user).joinedload(User.organisation))
    ).first()
    config = current_app.config
    if row is None or str(row[0].user_id) != user_id or not sessions.check_open(
            row[0], config["SESSION_IDLE_MINUTES"], config["SESSION_LIFETIME_HOURS"]):
        return None
    remember_unread_count(row[0].user_id, row[1] or 0)
    return row[0].user


def client_address() -> str | None:
    return request.remote_addr


def user_agent() -> str:
    return request.headers.get("User-Agent", "")[:250]


def reset_cookie_session() -> None:
    """Drop everything from the cookie session except the visitor's language."""
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang


def begin_session(user: User, token: str) -> None:
    """Put a freshly opened session into a new cookie session."""
    reset_cookie_session()
    session[SESSION_TOKEN_KEY] = token
    login_user(user)


def end_cookie_session() -> None:
    logout_user()
    reset_cookie_session()


def current_session_token() -> str | None:
    return session.get(SESSION_TOKEN_KEY)
