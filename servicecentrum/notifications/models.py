"""The outbox row that one e-mail is, from queueing to delivery."""

from datetime import datetime

from sqlalchemy import JSON, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime, utcnow
from ..extensions import db

# pending -> sending -> sent; a failed attempt goes back to pending with a later
# next_attempt_at, and after MAIL_MAX_ATTEMPTS to failed. A row left in "sending"
# by a crash is never sent again automatically: it may already have been delivered.
MAIL_STATUSES = ("pending", "sending", "sent", "failed")


class OutboxMail(db.Model):
    """One e-mail waiting for, or done with, delivery."""

    __tablename__ = "outbox_mails"
    # The admins' outbox list, newest first, with or without a status filter.
    __table_args__ = (
        Index("ix_outbox_mails_recent", "created_at", "id"),
        Index("ix_outbox_mails_status_recent", "status", "created_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    to_address: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(250))
    body_text: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str | None] = mapped_column(Text)
    # Text attachments such as a calendar invitation: [{"filename", "content_type", "content"}].
    attachments: Mapped[list | None] = mapped_column(JSON)
    message_id: Mapped[str] = mapped_column(String(250), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    def __repr__(self) -> str:
        return f"<OutboxMail {self.id} {self.status} to={self.to_address}>"
