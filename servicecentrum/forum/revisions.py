"""Edits of questions and answers: every edit keeps the previous text as a visible revision."""

from ..audit.services import record
from ..database import utcnow
from ..extensions import db
from ..search.outbox import enqueue
from .models import Answer, PostRevision, Question
from .services import QuestionData, apply_question_data


def _theme_ids(question: Question) -> list[int]:
    return sorted(theme.id for theme in question.themes)


def edit_question(actor, question: Question, data: QuestionData, ip_address: str | None = None) -> bool:
    """Save an edit of a question, keeping the old title and text; return whether anything changed."""
    changed = (data.title.strip() != question.title or (data.body or "") != question.body
               or sorted(data.theme_ids) != _theme_ids(question)
               or data.tags != [tag.name for tag in question.tags])
    if not changed:
        return False
    if data.title.strip() != question.title or (data.body or "") != question.body:
        db.session.add(PostRevision(post_type="question", post_id=question.id, title=question.title,
                                    body=question.body, editor_id=actor.id))
    apply_question_data(question, data)
    question.updated_at = utcnow()
    enqueue("question", question.id)
    record("question_edited", actor=actor, target=question, ip_address=ip_address,
           by_author=question.author_id == actor.id)
    db.session.commit()
    return True


def edit_answer(actor, answer: Answer, body: str, ip_address: str | None = None) -> bool:
    """Save an edit of an answer, keeping the old text; return whether anything changed."""
    if body == answer.body:
        return False
    db.session.add(PostRevision(post_type="answer", post_id=answer.id, body=answer.body,
                                editor_id=actor.id))
    answer.body = body
    answer.updated_at = utcnow()
    enqueue("answer", answer.id)
    record("answer_edited", actor=actor, target=answer, ip_address=ip_address,
           by_author=answer.author_id == actor.id)
    db.session.commit()
    return True
