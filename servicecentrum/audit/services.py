"""Write and read the audit log."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from .models import AuditEvent

# Detail keys that could carry a secret are refused outright: a bug, not data to keep.
FORBIDDEN_KEYS = ("password", "token", "code", "secret", "hash", "otp")


class SecretInAuditLog(ValueError):
    """Somebody tried to write a secret into the audit log."""


def record(action: str, actor=None, target=None, ip_address: str | None = None, **details) -> AuditEvent:
    """Add an audit event to the current transaction (the caller commits)."""
    for key in details:
        if any(word in key.lower() for word in FORBIDDEN_KEYS):
            raise SecretInAuditLog(f"audit detail {key!r} may hold a secret")
    event = AuditEvent(
        action=action,
        actor_id=getattr(actor, "id", None),
        target_type=type(target).__name__.lower() if target is not None else None,
        target_id=getattr(target, "id", None),
        ip_address=ip_address,
        details={k: (v if isinstance(v, int | float | bool) or v is None else str(v))
                 for k, v in details.items()},
    )
    db.session.add(event)
    return event


def search_events(action: str | None = None, actor_id: int | None = None,
                  since: datetime | None = None, until: datetime | None = None,
                  page: int = 1, per_page: int = 50):
    """Return one page of events, newest first, with their actors loaded."""
    query = select(AuditEvent).options(selectinload(AuditEvent.actor)).order_by(AuditEvent.id.desc())
    if action:
        query = query.where(AuditEvent.action == action)
    if actor_id:
        query = query.where(AuditEvent.actor_id == actor_id)
    if since:
        query = query.where(AuditEvent.created_at >= since)
    if until:
        query = query.where(AuditEvent.created_at < until)
    return db.paginate(query, page=page, per_page=per_page, error_out=False)
