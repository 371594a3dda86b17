"""Write and read the audit log."""

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from .. import tallies
from ..database import utcnow
from ..extensions import db
from ..paging import paginate
from .models import AuditEvent

READS = "audit_reads"  # kind of tally: audit events of reads, written in the next batch

# Detail keys that could carry a secret are refused outright: a bug, not data to keep.
FORBIDDEN_KEYS = ("password", "token", "code", "secret", "hash", "otp")


class SecretInAuditLog(ValueError):
    """Somebody tried to write a secret into the audit log."""


def record(action: str, actor=None, target=None, ip_address: str | None = None, **details) -> AuditEvent:
    """Add an audit event to the current transaction (the caller commits)."""
    event = AuditEvent(**_fields(action, actor, target, ip_address, details))
    db.session.add(event)
    return event


def record_read(action: str, actor=None, target=None, ip_address: str | None = None, **details) -> None:
    """Log a read (a report seen, an export downloaded) without writing in the request.

    The event goes to the tallies buffer with its moment, and is written, in order, in the
    next batch: a GET never writes.
    """
    fields = _fields(action, actor, target, ip_address, details)
    tallies.append(READS, {**fields, "created_at": utcnow().isoformat()})


@tallies.writer(READS)
def _write_reads(events: list[dict]) -> None:
    db.session.add_all(AuditEvent(**{**event, "created_at": datetime.fromisoformat(event["created_at"])})
                       for event in events)


def _fields(action: str, actor, target, ip_address: str | None, details: dict) -> dict:
    for key in details:
        if any(word in key.lower() for word in FORBIDDEN_KEYS):
            raise SecretInAuditLog(f"audit detail {key!r} may hold a secret")
    return {
        "action": action,
        "actor_id": getattr(actor, "id", None),
        "target_type": type(target).__name__.lower() if target is not None else None,
        "target_id": getattr(target, "id", None),
        "ip_address": ip_address,
        "details": {k: (v if isinstance(v, int | float | bool) or v is None else str(v))
                    for k, v in details.items()},
    }


def changed_fields(before: dict, after: dict) -> dict:
    """The audit details of an edit: ``<field>_old`` and ``<field>_new`` for each changed field."""
    changes = {}
    for key in before:
        if before[key] != after[key]:
            changes[f"{key}_old"] = before[key]
            changes[f"{key}_new"] = after[key]
    return changes


def search_events(action: str | None = None, actor_id: int | None = None,
                  since: datetime | None = None, until: datetime | None = None,
                  page: int = 1, per_page: int = 50, actor_email: str | None = None,
                  actor_text: str | None = None):
    """Return one page of events, newest first, with their actors loaded (counted up to 1,000)."""
    query = _filtered(action, actor_id, since, until, actor_email, actor_text)
    query = query.options(selectinload(AuditEvent.actor)).order_by(AuditEvent.id.desc())
    return paginate(query, page, per_page, count=True)


def _filtered(action=None, actor_id=None, since=None, until=None, actor_email=None, actor_text=None):
    query = select(AuditEvent)
    if actor_text:
        from ..auth.models import User

        # Part of the member's name or e-mail address, in any case; % and _ are taken literally.
        pattern = "%" + actor_text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.join(AuditEvent.actor).where(func.lower(User.name).like(pattern, escape="\\")
                                                   | func.lower(User.email).like(pattern, escape="\\"))
    if action:
        query = query.where(AuditEvent.action == action)
    if actor_id:
        query = query.where(AuditEvent.actor_id == actor_id)
    if actor_email:
        from ..auth.models import User, normalise_email

        query = query.join(AuditEvent.actor).where(User.email == normalise_email(actor_email))
    if since:
        query = query.where(AuditEvent.created_at >= since)
    if until:
        query = query.where(AuditEvent.created_at < until)
    return query


def iter_events(batch_size: int = 500, **filters):
    """Yield every event that matches the filters, newest first, in batches (for exports)."""
    query = (_filtered(**filters).options(joinedload(AuditEvent.actor))
             .order_by(AuditEvent.id.desc()).execution_options(yield_per=batch_size))
    yield from db.session.scalars(query)


def distinct_actions() -> list[str]:
    """Return every action that occurs in the log, alphabetically."""
    return list(db.session.scalars(select(AuditEvent.action).distinct().order_by(AuditEvent.action)))
