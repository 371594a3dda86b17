"""Server-side session records: start, check, list and end the sessions of a member."""

from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import select, update

from .. import tallies
from ..database import utcnow
from ..extensions import db
from .models import User, UserSession
from .secrets import digest, new_token

# Refresh last_seen_at at most this often, so a page view does not always write.
TOUCH_INTERVAL = timedelta(minutes=1)
SEEN, ENDED = "session_seen", "session_ended"  # kinds of tally


def start_session(user: User, ip_address: str | None, user_agent: str | None) -> str:
    """Open a session for the user; return the token for the cookie (the caller commits)."""
    token = new_token()
    db.session.add(UserSession(user=user, token_hash=digest(token), ip_address=ip_address,
                               user_agent=(user_agent or "")[:250]))
    return token


def check_open(record: UserSession | None, idle_minutes: int, lifetime_hours: int) -> bool:
    """Tell whether the session is open and fresh; note a time-out or a use for the next batch."""
    if record is None or not record.is_open:
        return False
    now = utcnow()
    if now - record.last_seen_at > timedelta(minutes=idle_minutes):
        tallies.stamp(ENDED, f"{record.id}|idle", now.timestamp())
        return False
    if now - record.created_at > timedelta(hours=lifetime_hours):
        tallies.stamp(ENDED, f"{record.id}|expired", now.timestamp())
        return False
    if now - record.last_seen_at > TOUCH_INTERVAL:
        tallies.stamp(SEEN, str(record.id), now.timestamp())
    return True


@tallies.writer(SEEN)
def write_last_seen(stamps: dict[str, float]) -> None:
    """Move each session's last_seen_at forward to its buffered stamp (the flush commits)."""
    for session_id, seen in stamps.items():
        at = datetime.fromtimestamp(seen, UTC)
        db.session.execute(update(UserSession)
                           .where(UserSession.id == int(session_id), UserSession.last_seen_at < at)
                           .values(last_seen_at=at))


@tallies.writer(ENDED)
def write_endings(stamps: dict[str, float]) -> None:
    """End the sessions found timed out, with the reason (the flush commits)."""
    for key, ended in stamps.items():
        session_id, reason = key.split("|")
        db.session.execute(update(UserSession)
                           .where(UserSession.id == int(session_id), UserSession.ended_at.is_(None))
                           .values(ended_at=datetime.fromtimestamp(ended, UTC), end_reason=reason))


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
    """Return the user's open sessions (not timed out), most recently used first."""
    config, now = current_app.config, utcnow()
    query = (select(UserSession)
             .where(UserSession.user_id == user.id, UserSession.ended_at.is_(None),
                    UserSession.last_seen_at >= now - timedelta(minutes=config["SESSION_IDLE_MINUTES"]),
                    UserSession.created_at >= now - timedelta(hours=config["SESSION_LIFETIME_HOURS"]))
             .order_by(UserSession.last_seen_at.desc()))
    return list(db.session.scalars(query))
