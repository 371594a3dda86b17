"""Server-side session records: start, check, list and end the sessions of a member."""

from datetime import timedelta

from sqlalchemy import select, update

from ..database import utcnow
from ..extensions import db
from .models import User, UserSession
from .secrets import digest, new_token

# Refresh last_seen_at at most this often, so a page view does not always write.
TOUCH_INTERVAL = timedelta(minutes=1)


def start_session(user: User, ip_address: str | None, user_agent: str | None) -> str:
    """Open a session for the user; return the token for the cookie (the caller commits)."""
    token = new_token()
    db.session.add(UserSession(user=user, token_hash=digest(token), ip_address=ip_address,
                               user_agent=(user_agent or "")[:250]))
    return token


def find_open_session(token: str | None, idle_minutes: int, lifetime_hours: int) -> UserSession | None:
    """Return the open session for this token, ending it first if it timed out."""
    if not token:
        return None
    record = db.session.scalar(select(UserSession).where(UserSession.token_hash == digest(token)))
    if record is None or not record.is_open:
        return None
    now = utcnow()
    if now - record.last_seen_at > timedelta(minutes=idle_minutes):
        _end(record, "idle")
        return None
    if now - record.created_at > timedelta(hours=lifetime_hours):
        _end(record, "expired")
        return None
    if now - record.last_seen_at > TOUCH_INTERVAL:
        record.last_seen_at = now
        db.session.commit()
    return record


def _end(record: UserSession, reason: str) -> None:
    record.ended_at = utcnow()
    record.end_reason = reason
    db.session.commit()


def end_session_by_token(token: str | None, reason: str = "logout") -> None:
    """End the session this cookie token belongs to, if it is open."""
    if token:
        db.session.execute(
            update(UserSession)
            .where(UserSession.token_hash == digest(token), UserSession.ended_at.is_(None))
            .values(ended_at=utcnow(), end_reason=reason)
        )
        db.session.commit()


def end_other_sessions(user: User, keep_token: str | None, reason: str) -> int:
    """End every open session of the user except the one with keep_token (the caller commits)."""
    query = update(UserSession).where(UserSession.user_id == user.id, UserSession.ended_at.is_(None))
    if keep_token:
        query = query.where(UserSession.token_hash != digest(keep_token))
    result = db.session.execute(query.values(ended_at=utcnow(), end_reason=reason))
    return result.rowcount


def open_sessions(user: User) -> list[UserSession]:
    """Return the user's open sessions, most recently used first."""
    query = (select(UserSession)
             .where(UserSession.user_id == user.id, UserSession.ended_at.is_(None))
             .order_by(UserSession.last_seen_at.desc()))
    return list(db.session.scalars(query))
