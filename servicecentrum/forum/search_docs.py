"""Make visible questions and answers searchable: the "question" and "answer" document types."""

from flask import current_app, has_request_context, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from ..auth.models import User
from ..extensions import db
from ..search.registry import DocumentType, IndexedDoc, Parent, register
from ..text import strip_markdown
from .models import Answer, Question


def _url(endpoint: str, anchor: str | None = None, **values) -> str:
    if has_request_context():
        return url_for(endpoint, _anchor=anchor, **values)
    with current_app.test_request_context():
        return url_for(endpoint, _anchor=anchor, **values)


def _visible_answers():
    return (select(Answer).join(Answer.question)
            .where(Answer.is_hidden.is_(False), Question.is_hidden.is_(False)))


def load_questions(ids: list[int]) -> dict[int, IndexedDoc]:
    """Return the index entries of the visible questions among ids."""
    if not ids:
        return {}
    statement = (select(Question).where(Question.id.in_(list(ids)), Question.is_hidden.is_(False))
                 .options(selectinload(Question.themes), selectinload(Question.tags)))
    return {q.id: IndexedDoc(doc_type="question", doc_id=q.id, title=q.title,
                             body=" ".join([strip_markdown(q.body)] + [t.name for t in q.tags]),
                             facets={"theme": [t.slug for t in q.themes]})
            for q in db.session.scalars(statement)}


def question_ids() -> list[int]:
    """Return the ids of every visible question."""
    return list(db.session.scalars(select(Question.id).where(Question.is_hidden.is_(False))
                                   .order_by(Question.id)))


def visible_question_ids(user, ids: list[int]) -> set[int]:
    """Return the ids among these that are visible questions (members only)."""
    if not ids or not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    return set(db.session.scalars(select(Question.id).where(
        Question.id.in_(list(ids)), Question.is_hidden.is_(False))))


def load_answers(ids: list[int]) -> dict[int, IndexedDoc]:
    """Return the index entries of the visible answers of visible questions among ids."""
    if not ids:
        return {}
    statement = (_visible_answers().where(Answer.id.in_(list(ids)))
                 .options(joinedload(Answer.question).selectinload(Question.themes)))
    return {a.id: IndexedDoc(doc_type="answer", doc_id=a.id, title=a.question.title,
                             body=strip_markdown(a.body),
                             facets={"theme": [t.slug for t in a.question.themes]})
            for a in db.session.scalars(statement)}


def answer_ids() -> list[int]:
    """Return the ids of every visible answer of a visible question."""
    return list(db.session.scalars(_visible_answers().with_only_columns(Answer.id).order_by(Answer.id)))


def visible_answer_ids(user, ids: list[int]) -> set[int]:
    """Return the ids among these that are visible answers of visible questions (members only)."""
    if not ids or not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    return set(db.session.scalars(_visible_answers().with_only_columns(Answer.id)
                                  .where(Answer.id.in_(list(ids)))))


def answer_url(answer_id: int) -> str:
    """Return the thread of the answer, scrolled to the answer."""
    question_id = db.session.scalar(select(Answer.question_id).where(Answer.id == answer_id))
    if question_id is None:
        return _url("forum.question_list")
    return _url("forum.question_detail", anchor=f"antwoord-{answer_id}", question_id=question_id)


def answer_parents(ids: list[int]) -> dict[int, Parent]:
    """Return, in one query, the question each answer belongs to, its anchor and its author's name."""
    if not ids:
        return {}
    rows = db.session.execute(select(Answer.id, Answer.question_id, User.name)
                              .outerjoin(User, User.id == Answer.author_id).where(Answer.id.in_(list(ids))))
    return {answer_id: Parent("question", question_id, anchor=f"antwoord-{answer_id}", byline=name or "")
            for answer_id, question_id, name in rows}


register(DocumentType(name="question", label=_l("Vraag"), load=load_questions, all_ids=question_ids,
                      visible_ids=visible_question_ids,
                      url=lambda question_id: _url("forum.question_detail", question_id=question_id)))
register(DocumentType(name="answer", label=_l("Antwoord"), load=load_answers, all_ids=answer_ids,
                      visible_ids=visible_answer_ids, url=answer_url, parents=answer_parents))
