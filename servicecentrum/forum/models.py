"""Questions, answers, votes, revisions, reports, tags and attachments."""

from datetime import datetime

from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db
from ..rendered import RenderedMarkdown

question_themes = Table(
    "question_themes",
    db.metadata,
    Column("question_id", ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True),
)

question_tags = Table(
    "question_tags",
    db.metadata,
    Column("question_id", ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Tag(db.Model):
    """A free keyword on questions, lower case."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)


class Question(RenderedMarkdown, db.Model):
    """A question an officer puts to peers."""

    __tablename__ = "questions"
    # The question list as members see it (hidden ones left out), newest or latest activity
    # first (docs/performance.md, "Indexes behind the lists").
    __table_args__ = (
        Index("ix_questions_listed", "is_hidden", "created_at", "id"),
        Index("ix_questions_active", "is_hidden", "last_activity_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")  # Markdown
    body_html: Mapped[str | None] = mapped_column(Text)  # body rendered, see rendered.py
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True)
    has_accepted_answer: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    answer_count: Mapped[int] = mapped_column(Integer, default=0)  # visible answers
    is_locked: Mapped[bool] = mapped_column(Boolean, default=False)
    is_hidden: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    hidden_reason: Mapped[str | None] = mapped_column(String(300))
    expert_offered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # "vraag een adviseur"
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_activity_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    author: Mapped["User | None"] = relationship()  # noqa: F821
    organisation: Mapped["Organisation | None"] = relationship()  # noqa: F821
    themes: Mapped[list["Theme"]] = relationship(secondary=question_themes,  # noqa: F821
                                                 order_by="Theme.name")
    tags: Mapped[list[Tag]] = relationship(secondary=question_tags, order_by="Tag.name")
    answers: Mapped[list["Answer"]] = relationship(
        back_populates="question", cascade="all, delete-orphan", order_by="Answer.id")


class Answer(RenderedMarkdown, db.Model):
    """An answer in a thread; an adviser's answer carries the expert mark."""

    __tablename__ = "answers"
    # The question list sorted by usefulness sums each question's visible answers from this alone.
    __table_args__ = (Index("ix_answers_question_useful", "question_id", "is_hidden", "useful_count"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), index=True)
    body: Mapped[str] = mapped_column(Text)  # Markdown
    body_html: Mapped[str | None] = mapped_column(Text)  # body rendered, see rendered.py
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    is_expert: Mapped[bool] = mapped_column(Boolean, default=False)  # written by a FORUM adviser
    is_accepted: Mapped[bool] = mapped_column(Boolean, default=False)  # at most one per question
    useful_count: Mapped[int] = mapped_column(Integer, default=0)
    is_hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    hidden_reason: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    question: Mapped[Question] = relationship(back_populates="answers")
    author: Mapped["User | None"] = relationship()  # noqa: F821


class AnswerVote(db.Model):
    """One member's "nuttig" vote on one answer."""

    __tablename__ = "answer_votes"
    __table_args__ = (UniqueConstraint("answer_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PostRevision(RenderedMarkdown, db.Model):
    """The text of a question or answer before an edit (the visible revision history)."""

    __tablename__ = "post_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_type: Mapped[str] = mapped_column(String(10))  # question | answer
    post_id: Mapped[int] = mapped_column(Integer, index=True)
    title: Mapped[str | None] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)  # Markdown
    body_html: Mapped[str | None] = mapped_column(Text)  # body rendered, see rendered.py
    editor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PostReport(db.Model):
    """A member's report of a question or answer, for the moderation queue."""

    __tablename__ = "post_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_type: Mapped[str] = mapped_column(String(10))
    post_id: Mapped[int] = mapped_column(Integer, index=True)
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    resolution: Mapped[str | None] = mapped_column(String(30))


class PostAttachment(db.Model):
    """A file attached to a question or answer, stored like the library's attachments."""

    __tablename__ = "post_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_type: Mapped[str] = mapped_column(String(10))
    post_id: Mapped[int] = mapped_column(Integer, index=True)
    filename: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
