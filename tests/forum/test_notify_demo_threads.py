"""The demo threads: realistic questions with answers, created once, queued for search."""

from sqlalchemy import func, select

from servicecentrum.extensions import db
from servicecentrum.forum.models import Answer, Question
from servicecentrum.search.models import SearchOutboxEntry

PASSWORD = "demo-wachtwoord-2026"


def test_demo_seed_creates_threads_once_with_expert_and_accepted_answers(app, runner):
    assert runner.invoke(args=["demo", "seed", "--password", PASSWORD]).exit_code == 0
    with app.app_context():
        questions = db.session.scalar(select(func.count(Question.id)))
        answers = db.session.scalar(select(func.count(Answer.id)))
        assert 15 <= questions <= 25  # the demo threads plus the newer ones of the wider demo world
        assert db.session.scalar(select(func.count(Answer.id)).where(Answer.is_expert)) >= 1
        assert db.session.scalar(select(func.count(Question.id)).where(Question.has_accepted_answer)) >= 3
        queued = {(e.doc_type, e.doc_id) for e in db.session.scalars(select(SearchOutboxEntry))}
        assert {t for t, _ in queued} >= {"question", "answer"}
    assert runner.invoke(args=["demo", "seed", "--password", PASSWORD]).exit_code == 0
    with app.app_context():
        assert db.session.scalar(select(func.count(Question.id))) == questions
        assert db.session.scalar(select(func.count(Answer.id))) == answers
