"""Use cases of the peer questions: ask, answer, vote, accept; each commits its own change."""

from dataclasses import dataclass, field

from flask_babel import gettext as _

from ..audit.services import record
from ..database import utcnow
from ..extensions import db
from ..search.outbox import enqueue
from . import notify, queries
from .models import Answer, AnswerVote, Question, Tag


class ForumError(Exception):
    """A rule of the questions was broken; the message is Dutch and may be shown."""


@dataclass
class QuestionData:
    """What a member typed for a question."""

    title: str
    body: str = ""
    theme_ids: list[int] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def enqueue_thread(question: Question) -> None:
    """Refresh the index entries of a question and all its answers (the caller commits)."""
    enqueue("question", question.id)
    for answer in question.answers:
        enqueue("answer", answer.id)


def _tags(names: list[str]) -> list[Tag]:
    existing = queries.tags_named(names)
    tags = []
    for name in names:
        tag = existing.get(name)
        if tag is None:
            tag = Tag(name=name)
            db.session.add(tag)
        tags.append(tag)
    return tags


def apply_question_data(question: Question, data: QuestionData) -> None:
    """Copy the typed fields onto the question (no commit)."""
    question.title = data.title.strip()
    question.body = data.body or ""
    question.themes = queries.themes_by_ids(data.theme_ids)
    question.tags = _tags(data.tags)


def ask_question(actor, data: QuestionData, ip_address: str | None = None) -> Question:
    """Store a new question of the member and put it in the search index."""
    question = Question(author_id=actor.id, organisation_id=actor.organisation_id, title="")
    apply_question_data(question, data)
    db.session.add(question)
    db.session.flush()
    enqueue("question", question.id)
    record("question_created", actor=actor, target=question, ip_address=ip_address)
    db.session.commit()
    notify.posted(question)  # the asker follows; followers of its themes and tags, mentions
    return question


def post_answer(actor, question: Question, body: str, ip_address: str | None = None) -> Answer:
    """Add the member's answer; an adviser's answer carries the expert mark."""
    if question.is_locked:
        raise ForumError(_("Deze vraag is gesloten; er kunnen geen antwoorden meer bij."))
    now = utcnow()
    answer = Answer(question=question, body=body, author_id=actor.id, is_expert=actor.is_adviser,
                    created_at=now, updated_at=now)
    db.session.add(answer)
    question.answer_count = (question.answer_count or 0) + 1
    question.last_activity_at = now
    db.session.flush()
    enqueue("answer", answer.id)
    record("answer_created", actor=actor, target=answer, ip_address=ip_address,
           question_id=question.id)
    db.session.commit()
    notify.posted(answer)  # mentions
    notify.question_answered(answer)  # the question's followers
    return answer


def toggle_vote(actor, answer: Answer) -> bool:
    """Call the answer "nuttig", or take that back; return whether the member now votes for it."""
    if answer.author_id == actor.id:
        raise ForumError(_("U kunt uw eigen antwoord niet nuttig noemen."))
    vote = queries.find_vote(actor, answer)
    if vote is not None:
        db.session.delete(vote)
        answer.useful_count = max(0, (answer.useful_count or 0) - 1)
    else:
        db.session.add(AnswerVote(answer_id=answer.id, user_id=actor.id))
        answer.useful_count = (answer.useful_count or 0) + 1
    db.session.commit()
    return vote is None


def toggle_accepted(actor, answer: Answer, ip_address: str | None = None) -> bool:
    """Mark the answer as the accepted one (replacing another), or unmark it; return the new state."""
    question = answer.question
    accept = not answer.is_accepted
    for other in question.answers:
        other.is_accepted = False
    answer.is_accepted = accept
    question.has_accepted_answer = accept
    question.last_activity_at = utcnow()
    record("answer_accepted" if accept else "answer_unaccepted", actor=actor, target=answer,
           ip_address=ip_address, question_id=question.id)
    db.session.commit()
    if accept:
        notify.answer_accepted(answer, actor)
    return accept
