"""Satisfaction surveys: answering the short survey on a resolved ticket, and aggregates for reports.

A ticket's survey is answered once: the unique constraint on (subject_type, subject_id)
guarantees it, also for a double click or two tabs submitting at the same moment. The
second answer is refused with ``AlreadyAnswered``, never a server error.
"""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..database import utcnow
from ..extensions import db
from ..helpdesk.history import log_change
from .models import SurveyResponse

TICKET = "ticket"
RATINGS = (1, 2, 3, 4, 5)
MAX_COMMENT = 2000


class SurveyError(Exception):
    """The answer was refused; the message is Dutch and may be shown."""


class AlreadyAnswered(SurveyError):
    """The survey of this subject has been answered before."""

    def __init__(self, message: str | None = None):
        super().__init__(message or _("U heeft deze vraag al beoordeeld."))


@dataclass(frozen=True)
class RatingSummary:
    """How one group (a programme, an organisation) rated the service in a period."""

    key: int | None
    count: int
    average: float


def ticket_response(ticket_id: int) -> SurveyResponse | None:
    """Return the survey answer given on a ticket, if any."""
    return db.session.scalar(select(SurveyResponse).where(
        SurveyResponse.subject_type == TICKET, SurveyResponse.subject_id == ticket_id))


def answer_ticket_survey(ticket, respondent, rating: int, comment: str = "", now=None) -> SurveyResponse:
    """Store the requester's rating (1-5) and comment on a resolved ticket, once.

    The caller checks ``can_answer_survey``; the service checks the values and the "once".
    :raises SurveyError: the rating or comment is out of range.
    :raises AlreadyAnswered: someone (a second tab, a double click) answered before.
    """
    now = now or utcnow()
    comment = (comment or "").strip()
    if rating not in RATINGS:
        raise SurveyError(_("Kies een cijfer van 1 tot en met 5."))
    if len(comment) > MAX_COMMENT:
        raise SurveyError(_("Uw toelichting is hoogstens 2000 tekens."))
    if ticket_response(ticket.id) is not None:
        raise AlreadyAnswered()
    response = SurveyResponse(subject_type=TICKET, subject_id=ticket.id, respondent_id=respondent.id,
                              programme_id=ticket.programme_id, organisation_id=ticket.organisation_id,
                              rating=rating, comment=comment, created_at=now)
    try:
        db.session.add(response)
        log_change(ticket, respondent, "survey", new="Beoordeling gegeven")
        db.session.commit()
    except IntegrityError:
        # Another request stored its answer between our check and our insert.
        db.session.rollback()
        raise AlreadyAnswered() from None
    return response


def _between(statement, start: datetime | None, end: datetime | None):
    """Limit to answers given in [start, end) (UTC datetimes; either may be open)."""
    if start is not None:
        statement = statement.where(SurveyResponse.created_at >= start)
    if end is not None:
        statement = statement.where(SurveyResponse.created_at < end)
    return statement


def _grouped(column, start, end, subject_type: str) -> list[RatingSummary]:
    statement = _between(
        select(column, func.count(SurveyResponse.id), func.avg(SurveyResponse.rating))
        .where(SurveyResponse.subject_type == subject_type)
        .group_by(column).order_by(column), start, end)
    return [RatingSummary(key=key, count=count, average=round(float(average), 2))
            for key, count, average in db.session.execute(statement)]


def average_by_programme(start: datetime | None = None, end: datetime | None = None,
                         subject_type: str = TICKET) -> list[RatingSummary]:
    """Number of answers and average rating per programme in [start, end), in one query."""
    return _grouped(SurveyResponse.programme_id, start, end, subject_type)


def average_by_organisation(start: datetime | None = None, end: datetime | None = None,
                            subject_type: str = TICKET) -> list[RatingSummary]:
    """Number of answers and average rating per organisation in [start, end), in one query."""
    return _grouped(SurveyResponse.organisation_id, start, end, subject_type)


def rating_distribution(start: datetime | None = None, end: datetime | None = None,
                        subject_type: str = TICKET) -> dict[int, int]:
    """How many answers gave each rating 1-5 in [start, end) (every rating present), in one query."""
    statement = _between(
        select(SurveyResponse.rating, func.count(SurveyResponse.id))
        .where(SurveyResponse.subject_type == subject_type).group_by(SurveyResponse.rating), start, end)
    counts = dict.fromkeys(RATINGS, 0)
    counts.update({int(rating): count for rating, count in db.session.execute(statement)})
    return counts
