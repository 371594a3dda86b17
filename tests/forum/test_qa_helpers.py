"""Factories for the question tests (call inside an app context; they commit)."""

import itertools

from servicecentrum.extensions import db
from servicecentrum.forum.models import Answer, Question

_sequence = itertools.count(1)


def make_question(author=None, themes=(), **fields) -> Question:
    """A visible question by the author (or a former member when author is None)."""
    n = next(_sequence)
    defaults = {"title": f"Hoe pakken jullie vraagstuk {n} aan?", "body": f"Toelichting bij vraag {n}."}
    question = Question(**{**defaults, **fields}, author_id=getattr(author, "id", None),
                        organisation_id=getattr(author, "organisation_id", None))
    question.themes = list(themes)
    db.session.add(question)
    db.session.commit()
    return question


def make_answer(question, author=None, **fields) -> Answer:
    """An answer in the thread; counts it when it is visible."""
    n = next(_sequence)
    answer = Answer(question=question, author_id=getattr(author, "id", None),
                    body=fields.pop("body", f"Wij doen het zo ({n})."),
                    is_expert=bool(author is not None and author.is_adviser), **fields)
    db.session.add(answer)
    if not answer.is_hidden:
        question.answer_count += 1
    db.session.commit()
    return answer
