"""A helpdesk ticket, its messages, attachments and the history of every change."""

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...database import UTCDateTime, utcnow
from ...extensions import db
from ...rendered import RenderedMarkdown

# Stored keys; the Dutch labels live in helpdesk/labels.py.
STATUSES = ("new", "open", "waiting", "resolved", "closed")
OPEN_STATUSES = ("new", "open", "waiting")
PRIORITIES = ("low", "normal", "high", "urgent")
SERVICE_LEVELS = ("basic", "additional")
MESSAGE_KINDS = ("reply", "note")  # a public reply, or an internal note that never leaves FORUM


class Ticket(RenderedMarkdown, db.Model):
    """An individual question to FORUM, routed to a programme and answered by its advisers."""

    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_queue", "programme_id", "status", "created_at"),
        # "Mijn vragen" and the organisation's questions, most recently changed first.
        Index("ix_tickets_requester_recent", "requester_id", "updated_at", "id"),
        Index("ix_tickets_organisation_recent", "organisation_id", "updated_at", "id"),
        # The adviser's start page: first answers due today (a few among 50,000 tickets).
        Index("ix_tickets_first_response_due", "first_response_due", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")  # Markdown
    body_html: Mapped[str | None] = mapped_column(Text)  # body rendered, see rendered.py
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id", ondelete="SET NULL"), index=True)
    requester_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id"), index=True)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="new", index=True)
    priority: Mapped[str] = mapped_column(String(20), default="normal")
    service_level: Mapped[str] = mapped_column(String(20), default="basic")
    # Routing: the rule that fired (if it still exists) and a readable account of the decision.
    routing_rule_id: Mapped[int | None] = mapped_column(ForeignKey("routing_rules.id", ondelete="SET NULL"))
    routing_note: Mapped[str] = mapped_column(String(300), default="")
    # A ticket opened from an unanswered thread ("Vraag het een FORUM-adviseur").
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("questions.id", ondelete="SET NULL"), index=True)
    # Working-day SLA: due dates (Europe/Amsterdam calendar days) and when they were met.
    first_response_due: Mapped[date | None] = mapped_column(Date)
    resolution_due: Mapped[date | None] = mapped_column(Date, index=True)
    first_responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # A breach e-mails the programme's advisers once per target.
    first_response_escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolution_escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Satisfaction survey sent when resolved (answered at most once, see surveys/).
    survey_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Requester's consent: the answer may be published anonymised; and with name and organisation.
    publish_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    publish_named: Mapped[bool] = mapped_column(Boolean, default=False)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # a search document then
    practice_id: Mapped[int | None] = mapped_column(ForeignKey("practices.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    theme: Mapped["Theme | None"] = relationship()  # noqa: F821
    requester: Mapped["User | None"] = relationship(foreign_keys=[requester_id])  # noqa: F821
    organisation: Mapped["Organisation | None"] = relationship()  # noqa: F821
    programme: Mapped["Programme"] = relationship()  # noqa: F821
    assignee: Mapped["User | None"] = relationship(foreign_keys=[assignee_id])  # noqa: F821
    routing_rule: Mapped["RoutingRule | None"] = relationship()  # noqa: F821
    question: Mapped["Question | None"] = relationship()  # noqa: F821
    practice: Mapped["Practice | None"] = relationship()  # noqa: F821
    messages: Mapped[list["TicketMessage"]] = relationship(
        back_populates="ticket", cascade="all, delete-orphan", order_by="TicketMessage.id")
    attachments: Mapped[list["TicketAttachment"]] = relationship(
        back_populates="ticket", cascade="all, delete-orphan", order_by="TicketAttachment.id")
    changes: Mapped[list["TicketChange"]] = relationship(
        back_populates="ticket", cascade="all, delete-orphan", order_by="TicketChange.id")
    time_entries: Mapped[list["TimeEntry"]] = relationship(  # noqa: F821
        back_populates="ticket", cascade="all, delete-orphan", order_by="TimeEntry.id")
    quotes: Mapped[list["Quote"]] = relationship(  # noqa: F821
        back_populates="ticket", cascade="all, delete-orphan", order_by="Quote.id")

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def __repr__(self) -> str:
        return f"<Ticket {self.id} {self.status}>"


class TicketMessage(RenderedMarkdown, db.Model):
    """A public reply (requester or adviser) or an internal note (advisers only)."""

    __tablename__ = "ticket_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    kind: Mapped[str] = mapped_column(String(10), default="reply")
    body: Mapped[str] = mapped_column(Text)  # Markdown
    body_html: Mapped[str | None] = mapped_column(Text)  # body rendered, see rendered.py
    canned_reply_id: Mapped[int | None] = mapped_column(ForeignKey("canned_replies.id", ondelete="SET NULL"))
    # Set when an adviser posted this reply back into the linked thread as an expert answer.
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("answers.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    ticket: Mapped[Ticket] = relationship(back_populates="messages")
    author: Mapped["User | None"] = relationship()  # noqa: F821

    @property
    def is_internal(self) -> bool:
        return self.kind == "note"


class TicketAttachment(db.Model):
    """A file on a ticket; one added to an internal note is internal too."""

    __tablename__ = "ticket_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("ticket_messages.id", ondelete="CASCADE"))
    uploader_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    is_internal: Mapped[bool] = mapped_column(Boolean, default=False)
    filename: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(80), unique=True)
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    ticket: Mapped[Ticket] = relationship(back_populates="attachments")


class TicketChange(db.Model):
    """One line of a ticket's history: who changed what, from which value to which, and when."""

    __tablename__ = "ticket_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(40))  # created, routed, status, assignee, priority, ...
    old_value: Mapped[str | None] = mapped_column(String(300))
    new_value: Mapped[str | None] = mapped_column(String(300))
    is_internal: Mapped[bool] = mapped_column(Boolean, default=False)  # hidden from the requester
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    ticket: Mapped[Ticket] = relationship(back_populates="changes")
    actor: Mapped["User | None"] = relationship()  # noqa: F821
