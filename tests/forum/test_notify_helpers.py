"""Small factories for questions, answers and tags, for the follow, moderation and directory tests."""

from servicecentrum.extensions import db
from servicecentrum.forum.models import Answer, Question, Tag
from tests import factories


def make_question(author=None, themes=(), tags=(), **fields) -> Question:
    author = author or factories.make_user()
    question = Question(**{"title": "Hoe pakken jullie schooluitval aan?", "body": "Wij zoeken ideeën.",
                           "author_id": author.id, "organisation_id": author.organisation_id, **fields})
    question.themes = list(themes)
    question.tags = list(tags)
    db.session.add(question)
    db.session.commit()
    return question


def make_answer(question, author=None, **fields) -> Answer:
    author = author or factories.make_user()
    answer = Answer(**{"question_id": question.id, "body": "Wij werken met een vast aanspreekpunt.",
                       "author_id": author.id, "is_expert": author.is_adviser, **fields})
    db.session.add(answer)
    if not answer.is_hidden:
        question.answer_count = (question.answer_count or 0) + 1
    db.session.commit()
    return answer


def make_tag(name="stage") -> Tag:
    tag = Tag(name=name)
    db.session.add(tag)
    db.session.commit()
    return tag
