"""Evaluation after an event: one invitation per attendee, one answer each, anonymous results.

Answers are ``SurveyResponse`` rows (subject_type "event"). The unique constraint on
(subject_type, subject_id, respondent_id) makes "once" hold for double clicks and two tabs too;
the loser gets ``AlreadyEvaluated``, never a server error. Invitations are sent once per event:
a run claims the event with a conditional UPDATE of ``evaluation_sent_at`` before it mails, so
two cron runs at the same moment cannot both send.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from ..database import utcnow
from ..extensions import db
from ..notifications.services import queue_mail
from ..surveys.models import SurveyResponse
from ..surveys.services import MAX_COMMENT, RATINGS
from ..urls import absolute_url
from .attendance import questions_of
from .mails import local_text
from .models import Event, EventQuestion, Registration

EVENT = "event"
# Events that ended longer ago are not evaluated any more (say, when the cron job first runs).
INVITATION_WINDOW = timedelta(days=30)
MAX_ANSWER = 2000


class EvaluationError(Exception):
    """The evaluation was refused; the message is Dutch and may be shown."""


class AlreadyEvaluated(EvaluationError):
    """The member evaluated this event before."""

    def __init__(self, message: str | None = None):
        super().__init__(message or _("U heeft deze bijeenkomst al geëvalueerd."))


@dataclass(frozen=True)
class EvaluationSummary:
    count: int
    average: float | None


@dataclass
class QuestionResult:
    """The answers to one evaluation question: counts per choice, or the texts."""

    question: EventQuestion
    choice_counts: list[tuple[str, int]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


@dataclass
class EvaluationResults:
    """Everything organisers see of an event's evaluation; no names, no dates."""

    count: int = 0
    average: float | None = None
    distribution: dict[int, int] = field(default_factory=lambda: dict.fromkeys(RATINGS, 0))
    comments: list[str] = field(default_factory=list)
    questions: list[QuestionResult] = field(default_factory=list)


def response_of(event_id: int, user_id: int) -> SurveyResponse | None:
    """The member's evaluation of the event, if they gave one."""
    return db.session.scalar(select(SurveyResponse).where(
        SurveyResponse.subject_type == EVENT, SurveyResponse.subject_id == event_id,
        SurveyResponse.respondent_id == user_id))


def invitees(event: Event) -> list[Registration]:
    """Who is asked: the confirmed attendees, or only those checked in if check-in was used."""
    confirmed = list(db.session.scalars(
        select(Registration).where(Registration.event_id == event.id, Registration.status == "confirmed")
        .options(joinedload(Registration.user)).order_by(Registration.id)))
    checked_in = [r for r in confirmed if r.checked_in_at is not None]
    return checked_in or confirmed


def _invite(event: Event, registration: Registration) -> bool:
    user = registration.user
    if user is None or not user.is_active:
        return False
    queue_mail(user.email, _("Hoe was %(title)s?", title=event.title), "events_evaluation",
               recipient=user, event=event, starts=local_text(event.starts_at),
               url=absolute_url("events.evaluate", event_id=event.id))
    return True


def claim_invitations(event_id: int, now: datetime) -> bool:
    """Mark the event's invitations as sent, unless a run did so before; True for the winner."""
    return db.session.execute(
        update(Event).where(Event.id == event_id, Event.status == "published",
                            Event.evaluation_sent_at.is_(None))
        .values(evaluation_sent_at=now).execution_options(synchronize_session=False)).rowcount == 1


def send_invitations(now: datetime | None = None) -> int:
    """Invite the attendees of every event that ended (within the window) once; return mails queued."""
    now = now or utcnow()
    due = list(db.session.scalars(
        select(Event.id).where(Event.status == "published", Event.ends_at <= now,
                               Event.ends_at > now - INVITATION_WINDOW, Event.evaluation_sent_at.is_(None))
        .order_by(Event.ends_at, Event.id)))
    queued = 0
    for event_id in due:
        if not claim_invitations(event_id, now):  # another run was first
            db.session.rollback()
            continue
        event = db.session.get(Event, event_id)
        queued += sum(_invite(event, registration) for registration in invitees(event))
        db.session.commit()
    return queued


def _clean_answers(questions: list[EventQuestion], answers: dict | None) -> dict:
    cleaned = {}
    for question in questions:
        value = (answers or {}).get(str(question.id))
        value = value.strip() if isinstance(value, str) else value
        if value in (None, "", []):
            if question.required:
                raise EvaluationError(_("Beantwoord de vraag ‘%(label)s’.", label=question.label))
            continue
        if question.choice_list and value not in question.choice_list:
            raise EvaluationError(_("Kies een antwoord uit de lijst bij ‘%(label)s’.", label=question.label))
        if len(str(value)) > MAX_ANSWER:
            raise EvaluationError(_("Uw antwoord is hoogstens 2000 tekens."))
        cleaned[str(question.id)] = value
    return cleaned


def submit_evaluation(event: Event, user, rating: int, comment: str = "", answers: dict | None = None,
                      now: datetime | None = None) -> SurveyResponse:
    """Store the attendee's evaluation once; the caller checks ``can_evaluate_event``.

    :raises EvaluationError: a value is out of range or a required question is unanswered.
    :raises AlreadyEvaluated: the member evaluated before (also in a concurrent request).
    """
    now = now or utcnow()
    comment = (comment or "").strip()
    if rating not in RATINGS:
        raise EvaluationError(_("Kies een cijfer van 1 tot en met 5."))
    if len(comment) > MAX_COMMENT:
        raise EvaluationError(_("Uw toelichting is hoogstens 2000 tekens."))
    cleaned = _clean_answers(questions_of(event, "evaluation"), answers)
    if response_of(event.id, user.id) is not None:
        raise AlreadyEvaluated()
    response = SurveyResponse(subject_type=EVENT, subject_id=event.id, respondent_id=user.id,
                              programme_id=event.programme_id, organisation_id=user.organisation_id,
                              rating=rating, comment=comment, answers=cleaned or None, created_at=now)
    try:
        db.session.add(response)
        db.session.commit()
    except IntegrityError:  # a second tab or a double click stored its answer first
        db.session.rollback()
        raise AlreadyEvaluated() from None
    return response


def summary(event: Event) -> EvaluationSummary:
    """Number of evaluations and the average rating, in one query."""
    count, average = db.session.execute(
        select(func.count(SurveyResponse.id), func.avg(SurveyResponse.rating))
        .where(SurveyResponse.subject_type == EVENT, SurveyResponse.subject_id == event.id)).one()
    return EvaluationSummary(int(count), round(float(average), 1) if average is not None else None)


def _question_result(question: EventQuestion, values: list) -> QuestionResult:
    result = QuestionResult(question)
    if question.choice_list:
        counts = dict.fromkeys(question.choice_list, 0)
        for value in values:
            counts[str(value)] = counts.get(str(value), 0) + 1  # a choice since edited away stays
        result.choice_counts = list(counts.items())
    else:
        result.texts = [str(v) for v in values]
    return result


def results(event: Event) -> EvaluationResults:
    """Average, distribution 1-5, comments and answers per question; anonymous (no respondents)."""
    rows = db.session.execute(
        select(SurveyResponse.rating, SurveyResponse.comment, SurveyResponse.answers)
        .where(SurveyResponse.subject_type == EVENT, SurveyResponse.subject_id == event.id)
        .order_by(SurveyResponse.id)).all()
    outcome = EvaluationResults(count=len(rows))
    if rows:
        outcome.average = round(sum(r.rating for r in rows) / len(rows), 1)
    for row in rows:
        outcome.distribution[int(row.rating)] = outcome.distribution.get(int(row.rating), 0) + 1
        if row.comment:
            outcome.comments.append(row.comment)
    for question in questions_of(event, "evaluation"):
        values = [(r.answers or {}).get(str(question.id)) for r in rows]
        outcome.questions.append(_question_result(question, [v for v in values if v not in (None, "")]))
    return outcome
