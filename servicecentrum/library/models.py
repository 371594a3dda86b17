"""Practices with their versions, review comments, attachments and ratings."""

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db
from ..rendered import RenderedMarkdown

# draft -> review -> published -> archived; "changes requested" sends review back to draft.
PRACTICE_STATUSES = ("draft", "review", "published", "archived")
PRACTICE_KINDS = {
    "praktijk": "Goede praktijk",
    "methode": "Methode",
    "instrument": "Instrument",
}

practice_themes = Table(
    "practice_themes",
    db.metadata,
    Column("practice_id", ForeignKey("practices.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_practice_themes_theme", "theme_id", "practice_id"),  # the list's theme filter
)

practice_organisations = Table(
    "practice_organisations",
    db.metadata,
    Column("practice_id", ForeignKey("practices.id", ondelete="CASCADE"), primary_key=True),
    Column("organisation_id", ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_practice_organisations_organisation", "organisation_id", "practice_id"),  # province, size
)


class Practice(RenderedMarkdown, db.Model):
    """A good practice, method or instrument from local practice."""

    __tablename__ = "practices"
    # The practice list: newest, by title, by usefulness, and each facet's counts from an index
    # alone (docs/performance.md, "Indexes behind the lists").
    __table_args__ = (
        Index("ix_practices_listed", "status", "published_at", "id"),
        Index("ix_practices_status_title", "status", "title", "id"),
        Index("ix_practices_status_useful", "status", "helpful_count"),
        Index("ix_practices_status_kind", "status", "kind", "id"),
        Index("ix_practices_status_year", "status", "year", "id"),
        Index("ix_practices_status_spearhead", "status", "spearhead_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")  # Markdown
    body_html: Mapped[str | None] = mapped_column(Text)  # body rendered, see rendered.py
    kind: Mapped[str] = mapped_column(String(20), default="praktijk", index=True)
    spearhead_id: Mapped[int | None] = mapped_column(ForeignKey("spearheads.id", ondelete="SET NULL"),
                                                     index=True)
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    target_groups: Mapped[list] = mapped_column(JSON, default=list)
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    # Counters kept with every rating, so lists can sort on usefulness without a join.
    helpful_count: Mapped[int] = mapped_column(Integer, default=0)
    rating_count: Mapped[int] = mapped_column(Integer, default=0)

    author: Mapped["User | None"] = relationship(foreign_keys=[author_id])  # noqa: F821
    reviewer: Mapped["User | None"] = relationship(foreign_keys=[reviewer_id])  # noqa: F821
    spearhead: Mapped["Spearhead | None"] = relationship()  # noqa: F821
    themes: Mapped[list["Theme"]] = relationship(secondary=practice_themes,  # noqa: F821
                                                 order_by="Theme.name")
    organisations: Mapped[list["Organisation"]] = relationship(  # noqa: F821
        secondary=practice_organisations, order_by="Organisation.name")
    versions: Mapped[list["PracticeVersion"]] = relationship(
        back_populates="practice", cascade="all, delete-orphan", order_by="PracticeVersion.number")
    comments: Mapped[list["PracticeComment"]] = relationship(
        back_populates="practice", cascade="all, delete-orphan", order_by="PracticeComment.id")
    attachments: Mapped[list["PracticeAttachment"]] = relationship(
        back_populates="practice", cascade="all, delete-orphan", order_by="PracticeAttachment.id")

    @property
    def kind_label(self) -> str:
        return PRACTICE_KINDS.get(self.kind, self.kind)


class PracticeVersion(db.Model):
    """A published state of a practice, kept so the history can show what changed."""

    __tablename__ = "practice_versions"
    __table_args__ = (UniqueConstraint("practice_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    snapshot: Mapped[dict] = mapped_column(JSON, default=dict)  # themes, kind, year, ... as shown
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    change_note: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    practice: Mapped[Practice] = relationship(back_populates="versions")
    changed_by: Mapped["User | None"] = relationship()  # noqa: F821


class PracticeComment(db.Model):
    """A review step or remark: comment, changes requested, submitted, published, archived."""

    __tablename__ = "practice_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(30), default="comment")
    body: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    practice: Mapped[Practice] = relationship(back_populates="comments")
    author: Mapped["User | None"] = relationship()  # noqa: F821


class PracticeAttachment(db.Model):
    """An uploaded file, stored under a generated name in instance/uploads."""

    __tablename__ = "practice_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255))  # as uploaded, shown to members
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text)  # extracted from PDFs, for search
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    practice: Mapped[Practice] = relationship(back_populates="attachments")


class PracticeRating(db.Model):
    """One member's answer to "was dit nuttig?" for one practice."""

    __tablename__ = "practice_ratings"
    __table_args__ = (UniqueConstraint("practice_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    helpful: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PracticeDailyViews(db.Model):
    """How often members opened a published practice on one day (Amsterdam date), for the reports."""

    __tablename__ = "practice_daily_views"

    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True, index=True)
    views: Mapped[int] = mapped_column(Integer, default=0)
