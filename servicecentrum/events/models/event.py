"""An event (masterclass, kennisatelier, network meeting), its organisers and its own questions."""

from datetime import datetime

from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...database import UTCDateTime, utcnow
from ...extensions import db
from ...rendered import RenderedMarkdown

# Stored keys; the Dutch labels live in events/labels.py.
EVENT_KINDS = ("masterclass", "kennisatelier", "netwerkbijeenkomst")
EVENT_STATUSES = ("draft", "published", "cancelled")
AUDIENCES = ("all", "g30", "kinds")  # everyone, G30 municipalities only, chosen organisation kinds
QUESTION_PURPOSES = ("registration", "evaluation")

event_organisers = Table(
    "event_organisers",
    db.metadata,
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
)


class Event(RenderedMarkdown, db.Model):
    """A meeting with a fixed number of seats; times are stored in UTC, shown in Amsterdam time."""

    __tablename__ = "events"
    markdown_sources = ("description",)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")  # Markdown
    description_html: Mapped[str | None] = mapped_column(Text)  # rendered, see rendered.py
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id", ondelete="SET NULL"), index=True)
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id", ondelete="SET NULL"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    location: Mapped[str] = mapped_column(String(300), default="")
    online_url: Mapped[str] = mapped_column(String(500), default="")
    capacity: Mapped[int] = mapped_column(Integer)
    # Seats held by confirmed registrations and by open offers to the waitlist. Changed only by
    # conditional UPDATEs (seats_taken < capacity), so no request can take one seat too many.
    seats_taken: Mapped[int] = mapped_column(Integer, default=0)
    registration_opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    registration_closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    audience: Mapped[str] = mapped_column(String(20), default="all")
    audience_kinds: Mapped[str] = mapped_column(String(200), default="")  # comma-separated kinds
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    reminder_days: Mapped[int] = mapped_column(Integer, default=2)
    offer_hours: Mapped[int] = mapped_column(Integer, default=48)  # how long a waitlist offer stands
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    evaluation_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    theme: Mapped["Theme | None"] = relationship()  # noqa: F821
    programme: Mapped["Programme | None"] = relationship()  # noqa: F821
    organisers: Mapped[list["User"]] = relationship(  # noqa: F821
        secondary=event_organisers, order_by="User.name")
    questions: Mapped[list["EventQuestion"]] = relationship(
        back_populates="event", cascade="all, delete-orphan",
        order_by="(EventQuestion.purpose, EventQuestion.position, EventQuestion.id)")
    registrations: Mapped[list["Registration"]] = relationship(  # noqa: F821
        back_populates="event", cascade="all, delete-orphan", order_by="Registration.id")

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.seats_taken, 0)

    @property
    def audience_kind_list(self) -> list[str]:
        return [k for k in self.audience_kinds.split(",") if k]

    def __repr__(self) -> str:
        return f"<Event {self.id} {self.title!r}>"


class EventQuestion(db.Model):
    """A question of one event: asked at registration, or in its evaluation."""

    __tablename__ = "event_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(20), default="registration")
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str] = mapped_column(String(200))
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    choices: Mapped[str] = mapped_column(Text, default="")  # one per line; empty: free text

    event: Mapped[Event] = relationship(back_populates="questions")

    @property
    def choice_list(self) -> list[str]:
        return [c.strip() for c in self.choices.splitlines() if c.strip()]
