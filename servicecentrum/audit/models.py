"""The audit event: who did what, when, from which address. Never a secret."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db


class AuditEvent(db.Model):
    """One security-relevant event. Rows are only ever inserted."""

    __tablename__ = "audit_events"
    # The audit log filtered on one action, newest first (PostgreSQL reads it in order from this).
    __table_args__ = (Index("ix_audit_events_action_recent", "action", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    action: Mapped[str] = mapped_column(String(60), index=True)
    target_type: Mapped[str | None] = mapped_column(String(40))
    target_id: Mapped[int | None] = mapped_column()
    ip_address: Mapped[str | None] = mapped_column(String(45))
    details: Mapped[dict] = mapped_column(JSON, default=dict)

    actor: Mapped["User | None"] = relationship()  # noqa: F821


class AuditLogIsAppendOnly(Exception):
    """Raised when code tries to change or delete an audit event."""


@event.listens_for(AuditEvent, "before_update")
def _refuse_update(_mapper, _connection, target):
    # A deleted member's actor_id is set to NULL by the database, not through here.
    raise AuditLogIsAppendOnly("audit events cannot be changed")


@event.listens_for(AuditEvent, "before_delete")
def _refuse_delete(_mapper, _connection, target):
    raise AuditLogIsAppendOnly("audit events cannot be deleted")


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_change(state):
    # update(AuditEvent) and delete(AuditEvent) skip the mapper events above.
    if (state.is_update or state.is_delete) and state.statement.table.name == AuditEvent.__tablename__:
        raise AuditLogIsAppendOnly("audit events cannot be changed or deleted")
