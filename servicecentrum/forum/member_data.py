"""The questions' part of a member's data: the export section and what deleting an account does."""

from sqlalchemy import select, update

from ..account.export import register_export_section
from ..account.services import register_before_delete
from ..extensions import db
from .models import Answer, AnswerVote, Question


def questions_section(user) -> dict:
    """Return the member's questions, answers and "nuttig" votes."""
    questions = db.session.scalars(select(Question).where(Question.author_id == user.id)
                                   .order_by(Question.id))
    answers = db.session.scalars(select(Answer).where(Answer.author_id == user.id).order_by(Answer.id))
    votes = db.session.scalars(select(AnswerVote).where(AnswerVote.user_id == user.id)
                               .order_by(AnswerVote.id))
    return {
        "questions": [{"id": q.id, "title": q.title, "body": q.body, "created_at": q.created_at,
                       "updated_at": q.updated_at} for q in questions],
        "answers": [{"id": a.id, "question_id": a.question_id, "body": a.body,
                     "created_at": a.created_at, "updated_at": a.updated_at} for a in answers],
        "votes": [{"answer_id": v.answer_id, "voted_at": v.created_at} for v in votes],
    }


def forget_votes(user) -> None:
    """Take a deleted member's votes out of the answers' counts (posts stay as "voormalig lid")."""
    voted = select(AnswerVote.answer_id).where(AnswerVote.user_id == user.id)
    db.session.execute(update(Answer).where(Answer.id.in_(voted))
                       .values(useful_count=Answer.useful_count - 1)
                       .execution_options(synchronize_session=False))


register_export_section("questions", questions_section)
register_before_delete(forget_votes)
