"""The notification centre: unread markers per subject (notify and reading follow)."""

from collections.abc import Iterable

from sqlalchemy import select, update

from ..database import utcnow
from ..extensions import db
from .inbox import Notification


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
    return result.rowcount
