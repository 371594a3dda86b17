"""A satisfaction response: 1-5 and a comment, once per respondent per subject."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, SmallInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db

SUBJECT_TYPES = ("ticket", "event")


class SurveyResponse(db.Model):
    """How satisfied a member was with one service (a resolved ticket, an attended event)."""

    __tablename__ = "survey_responses"
    # Once per respondent per subject; a ticket has one possible respondent (its requester).
    __table_args__ = (UniqueConstraint("subject_type", "subject_id", "respondent_id", name="uq_survey_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_type: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[int] = mapped_column(Integer)
    respondent_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    # Kept for the reports: which programme and organisation the service was for.
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id", ondelete="SET NULL"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"))
    rating: Mapped[int] = mapped_column(SmallInteger)
    comment: Mapped[str] = mapped_column(Text, default="")
    answers: Mapped[dict | None] = mapped_column(JSON)  # an event's own evaluation questions
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    respondent: Mapped["User | None"] = relationship()  # noqa: F821
