"""Registrations (with the waitlist), personal calendar feeds, and topic wishes."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...database import UTCDateTime, utcnow
from ...extensions import db

# confirmed: holds a seat; waitlisted: in line; offered: a freed seat is held for them until
# offer_expires_at; cancelled/declined/expired/removed: no seat, kept for the history.
REGISTRATION_STATUSES = ("confirmed", "waitlisted", "offered", "cancelled", "declined", "expired", "removed")
SEAT_HOLDING = ("confirmed", "offered")
PROPOSAL_STATUSES = ("open", "planned", "closed")


class Registration(db.Model):
    """One member's place at one event: at most one row per member and event."""

    __tablename__ = "event_registrations"
    __table_args__ = (
        UniqueConstraint("event_id", "user_id", name="uq_registration_once"),
        Index("ix_event_registrations_line", "event_id", "status", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    answers: Mapped[dict | None] = mapped_column(JSON)  # question id (str) -> answer
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)  # place in line
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    offered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    offer_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    reminder_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    event: Mapped["Event"] = relationship(back_populates="registrations")  # noqa: F821
    user: Mapped["User"] = relationship(foreign_keys=[user_id])  # noqa: F821


class CalendarFeed(db.Model):
    """A member's secret calendar URL; only a keyed hash of its token is stored."""

    __tablename__ = "calendar_feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TopicProposal(db.Model):
    """A member's wish for a future kennisatelier or masterclass, supported by others."""

    __tablename__ = "topic_proposals"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id", ondelete="SET NULL"))
    proposer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    support_count: Mapped[int] = mapped_column(Integer, default=0, index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    theme: Mapped["Theme | None"] = relationship()  # noqa: F821
    proposer: Mapped["User | None"] = relationship()  # noqa: F821
    event: Mapped["Event | None"] = relationship()  # noqa: F821


class TopicSupport(db.Model):
    """One member's support for one proposal."""

    __tablename__ = "topic_supports"

    proposal_id: Mapped[int] = mapped_column(ForeignKey("topic_proposals.id", ondelete="CASCADE"),
                                             primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


__all__ = ["PROPOSAL_STATUSES", "REGISTRATION_STATUSES", "SEAT_HOLDING", "CalendarFeed",
           "Registration", "TopicProposal", "TopicSupport"]
