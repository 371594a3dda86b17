"""Personal calendar feeds: a secret, revocable URL with the member's own registrations.

Only a keyed digest of the token is stored (auth/secrets.digest), so the full URL can be shown
once, right after it is made; a lost link is replaced by a new one, which revokes the old.
Calendar apps cannot log in, so the feed URL is public and the token is the only key: an
unknown or revoked token, or the token of a disabled account, finds nothing (404).
"""

from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from ..auth.models import User
from ..auth.secrets import digest, new_token
from ..database import utcnow
from ..extensions import db
from .calendar import build_calendar
from .models import CalendarFeed, Event, Registration

RECENT_DAYS = 90  # past events stay in the feed this long
FEED_STATUSES = ("confirmed", "offered")


def feed_of(user) -> CalendarFeed | None:
    """The member's current feed, if they made one."""
    return db.session.scalar(select(CalendarFeed).where(CalendarFeed.user_id == user.id))


def create_feed(user, now: datetime | None = None) -> str:
    """Make a new secret feed URL token for the member (revoking an older one); commits.

    Returns the token: the caller shows it once, it is not stored.
    """
    now = now or utcnow()
    for _attempt in range(3):
        token = new_token()
        db.session.execute(delete(CalendarFeed).where(CalendarFeed.user_id == user.id))
        db.session.add(CalendarFeed(user_id=user.id, token_hash=digest(token), created_at=now))
        try:
            db.session.commit()
        except IntegrityError:  # the member's other request made one at the same moment
            db.session.rollback()
            continue
        return token
    raise RuntimeError("could not store a calendar feed")


def revoke_feed(user) -> bool:
    """Revoke the member's feed; return whether there was one. Commits."""
    removed = db.session.execute(delete(CalendarFeed).where(CalendarFeed.user_id == user.id)).rowcount
    db.session.commit()
    return removed > 0


def owner_of(token: str):
    """The active member whose feed has this token, else None."""
    if not token or len(token) > 200:
        return None
    feed = db.session.scalar(select(CalendarFeed).where(CalendarFeed.token_hash == digest(token)))
    if feed is None:
        return None
    user = db.session.get(User, feed.user_id)
    return user if user is not None and user.is_active else None


def feed_events(user, now: datetime | None = None) -> list[Event]:
    """Events the member holds a seat (or an offered seat) at: upcoming and the last 90 days."""
    now = now or utcnow()
    return list(db.session.scalars(
        select(Event).join(Registration, Registration.event_id == Event.id)
        .where(Registration.user_id == user.id, Registration.status.in_(FEED_STATUSES),
               Event.status != "draft", Event.ends_at >= now - timedelta(days=RECENT_DAYS))
        .order_by(Event.starts_at, Event.id)))


def feed_calendar(token: str, now: datetime | None = None) -> bytes | None:
    """The iCalendar file behind a feed token, or None when the token finds nobody."""
    user = owner_of(token)
    if user is None:
        return None
    return build_calendar(feed_events(user, now), name=_("Mijn bijeenkomsten – Servicecentrum Integratie"))


def viewable_event(event_id: int) -> Event | None:
    """An event by id (the caller checks can_view_event)."""
    return db.session.get(Event, event_id)
