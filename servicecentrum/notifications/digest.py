"""The e-mail digest: once a day or week, the notifications a member chose to read that way."""

from flask_babel import gettext as _
from sqlalchemy import select

from ..auth.models import User
from ..database import utcnow
from ..extensions import db
from .centre import absolute
from .inbox import Notification
from .kinds import DIGEST_FREQUENCIES, chosen_channels, resolve_channel
from .services import queue_mail

# Members who chose "immediately" as their old mail frequency get their digest kinds daily.
FREQUENCY_MEMBERS = {"daily": ("daily", "immediately"), "weekly": ("weekly",)}


def send_digests(frequency: str) -> int:
    """Mail each member with this frequency one digest of their pending digest items (commits).

    An item is pending when it was not mailed yet and the member's channel for its kind is
    "digest"; after the digest it counts as mailed, so it is never sent twice.
    """
    if frequency not in DIGEST_FREQUENCIES:
        raise ValueError(frequency)
    rows = db.session.execute(
        select(Notification, User).join(User, User.id == Notification.user_id)
        .where(User.notify_frequency.in_(FREQUENCY_MEMBERS[frequency]), User.status == "active",
               Notification.mailed_at.is_(None))
        .order_by(Notification.user_id, Notification.created_at, Notification.id)).all()
    chosen = chosen_channels({user.id for _note, user in rows})
    by_user: dict[int, tuple[User, list[Notification]]] = {}
    for note, user in rows:
        if resolve_channel(user, note.kind, chosen.get((user.id, note.kind))) == "digest":
            by_user.setdefault(user.id, (user, []))[1].append(note)
    now = utcnow()
    subject = (_("Servicecentrum: uw dagelijkse overzicht") if frequency == "daily"
               else _("Servicecentrum: uw wekelijkse overzicht"))
    for user, items in by_user.values():
        queue_mail(user.email, subject, "forum_digest", user=user,
                   items=[(n.text, absolute(n.url)) for n in items], frequency=frequency)
        for note in items:
            note.mailed_at = now
    db.session.commit()
    return len(by_user)
