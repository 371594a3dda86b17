"""The notification centre: notify members per their choice, count, list and mark read.

``notify`` is the one way to tell members something: it adds a Notification row per
recipient and, when the member wants this kind by e-mail now, queues the mail in the same
transaction. Digest kinds wait for ``digest.send_digests``. Nothing here commits except the
mark-read functions (they are whole use cases).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from flask import g
from flask_babel import gettext as _
from sqlalchemy import func, select, update

from ..database import utcnow
from ..extensions import db
from ..i18n import times_for
from ..urls import absolute_url
from .inbox import Notification
from .kinds import chosen_channels, resolve_channel
from .services import queue_mail

PAGE_SIZE = 25
UNREAD_KEY = "unread_notifications"
SUBJECT_TYPES = ("question", "ticket", "event")


def absolute(path: str) -> str:
    """Return the full address of a site path, for e-mails."""
    return absolute_url("main.landing").rstrip("/") + path


def notify(users: Iterable, kind: str, text: str, path: str, *, actor_id: int | None = None,
           subject: tuple[str, int] | None = None, mail_template: str | None = None,
           mail_subject: str | None = None, mail_attachments: list[dict] | None = None,
           seen: set | None = None, now: datetime | None = None, **mail_context) -> int:
    """Notify each active member (not the actor) once; mail those who want this kind now.

    ``path`` is the site path the notification opens; ``subject`` what it is about, such as
    ``("ticket", 12)``. Without ``mail_template`` the mail is the generic notification mail.
    ``seen`` collects the ids already told, to tell a member once across several calls.
    Returns how many were notified; no commit.
    """
    seen = set() if seen is None else seen
    now = now or utcnow()
    recipients = []
    for user in users:
        if user is None or user.id == actor_id or user.id in seen or user.status != "active":
            continue
        seen.add(user.id)
        recipients.append(user)
    if not recipients:
        return 0
    chosen = chosen_channels([u.id for u in recipients], kind)
    subject_type, subject_id = subject if subject else (None, None)
    for user in recipients:
        note = Notification(user_id=user.id, kind=kind, text=text[:300], url=path[:300], created_at=now,
                            subject_type=subject_type, subject_id=subject_id)
        if resolve_channel(user, kind, chosen.get((user.id, kind))) == "mail":
            _mail(user, text, path, mail_template, mail_subject, mail_attachments, mail_context)
            note.mailed_at = now
        db.session.add(note)
    return len(recipients)


def _mail(user, text, path, template, subject, attachments, context) -> None:
    context = {"url": absolute(path), **context, "user": user, "recipient": user, "text": text}
    with times_for(user):  # the recipient's zone, not the actor's
        queue_mail(user.email, subject or _("Servicecentrum: %(text)s", text=text[:120]),
                   template or "forum_notification", attachments=attachments, **context)


def unread_count(user) -> int:
    """Count the member's unread notifications (for the header bell; 0 for visitors).

    The login check counts them in its own query (``unread_count_column``) and keeps the
    number for the request; a mark-read in the request forgets it.
    """
    if not getattr(user, "is_authenticated", False):
        return 0
    known = g.get(UNREAD_KEY)
    if known is not None and known[0] == user.id:
        return known[1]
    return db.session.scalar(select(func.count(Notification.id)).where(
        Notification.user_id == user.id, Notification.read_at.is_(None))) or 0


def unread_count_column(user_id_column):
    """The unread count as a column of another query (correlated to a user id column)."""
    return (select(func.count(Notification.id))
            .where(Notification.user_id == user_id_column, Notification.read_at.is_(None))
            .scalar_subquery())


def remember_unread_count(user_id: int, count: int) -> None:
    g.setdefault(UNREAD_KEY, (user_id, count))


def _forget_unread_count() -> None:
    g.pop(UNREAD_KEY, None)


@dataclass(frozen=True)
class NotificationRow:
    """A notification as the list shows it."""

    id: int
    text: str
    url: str
    created_at: datetime
    is_new: bool
    kind: str = ""


def notification_page(user, page: int = 1):
    """Return a page of the member's notifications, newest first, and its rows (reads only)."""
    result = db.paginate(select(Notification).where(Notification.user_id == user.id)
                         .order_by(Notification.created_at.desc(), Notification.id.desc()),
                         page=page, per_page=PAGE_SIZE, error_out=False)
    rows = [NotificationRow(n.id, n.text, n.url, n.created_at, n.read_at is None, n.kind)
            for n in result.items]
    return result, rows


def read_notifications(user, page: int = 1):
    """Return a page of the member's notifications and mark that page read (commits)."""
    result, rows = notification_page(user, page)
    unread = [row.id for row in rows if row.is_new]
    if unread:
        db.session.execute(update(Notification).where(Notification.id.in_(unread))
                           .values(read_at=utcnow()).execution_options(synchronize_session=False))
    db.session.commit()
    return result, rows


def open_notification(user, notification_id: int) -> str | None:
    """Mark one of the member's own notifications read; return its path, or None if not theirs."""
    note = db.session.scalar(select(Notification).where(
        Notification.id == notification_id, Notification.user_id == user.id))
    if note is None:
        return None
    if note.read_at is None:
        note.read_at = utcnow()
    db.session.commit()
    _forget_unread_count()
    return note.url


def mark_all_read(user) -> int:
    """Mark every unread notification of the member read; return how many (commits)."""
    result = db.session.execute(
        update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow()).execution_options(synchronize_session=False))
    db.session.commit()
    _forget_unread_count()
    return result.rowcount


def unread_subject_ids(user, subject_type: str, ids: Iterable[int]) -> set[int]:
    """Return which of these subjects have an unread notification for the member (one query)."""
    wanted = [int(i) for i in ids]
    if not wanted or not getattr(user, "is_authenticated", False):
        return set()
    return set(db.session.scalars(
        select(Notification.subject_id).where(
            Notification.user_id == user.id, Notification.read_at.is_(None),
            Notification.subject_type == subject_type, Notification.subject_id.in_(wanted))
        .distinct()))


def mark_subject_read(user, subject_type: str, subject_id: int) -> int:
    """Mark the member's notifications about one subject read; return how many (commits)."""
    result = db.session.execute(
        update(Notification).where(
            Notification.user_id == user.id, Notification.read_at.is_(None),
            Notification.subject_type == subject_type, Notification.subject_id == int(subject_id))
        .values(read_at=utcnow()).execution_options(synchronize_session=False))
    db.session.commit()
    _forget_unread_count()
    return result.rowcount
