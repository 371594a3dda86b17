"""`flask demo generate` adds a consistent synthetic data set; a second run adds a second batch."""

from sqlalchemy import func, select

from servicecentrum.auth.models import User
from servicecentrum.events.models import Event, Registration
from servicecentrum.extensions import db
from servicecentrum.forum.models import Answer, Question
from servicecentrum.helpdesk.models import Ticket
from servicecentrum.library.models import Practice, PracticeDailyViews, PracticeRating
from servicecentrum.search.models import SearchMiss
from servicecentrum.signals.models import Signal
from servicecentrum.surveys.models import SurveyResponse
from servicecentrum.taxonomy.models import Programme

SMALL = ["demo", "generate", "--members", "20", "--practices", "30", "--questions", "10",
         "--tickets", "50", "--events", "5", "--seed", "7"]


def _count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def _generate(runner):
    result = runner.invoke(args=SMALL)
    assert result.exit_code == 0, result.output
    assert "search reindex" in result.output
    return result


def test_generate_creates_the_requested_rows(app, runner):
    _generate(runner)
    with app.app_context():
        assert _count(Programme) == 6  # the seed's taxonomy was created first
        assert _count(User, User.role == "officer") == 20
        assert _count(Practice) == 30
        assert _count(Question) == 10
        assert _count(Ticket) == 50
        assert _count(Event) == 5
        assert _count(Answer) == db.session.scalar(select(func.sum(Question.answer_count)))
        assert _count(Registration) > 0 and _count(SearchMiss) > 0
        assert _count(PracticeDailyViews) > 0
        assert len(set(db.session.scalars(select(User.password_hash)))) == 1  # hashed once


def test_generated_data_is_consistent(app, runner):
    _generate(runner)
    with app.app_context():
        confirmed = dict(db.session.execute(
            select(Registration.event_id, func.count()).where(Registration.status == "confirmed")
            .group_by(Registration.event_id)).all())
        for event in db.session.scalars(select(Event)):
            assert event.seats_taken == confirmed.get(event.id, 0) <= event.capacity
        assert _count(Ticket, Ticket.programme_id.is_(None)) == 0
        assert _count(Ticket, Ticket.first_response_due.is_(None) | Ticket.resolution_due.is_(None)) == 0
        assert _count(Ticket, Ticket.first_response_due > Ticket.resolution_due) == 0
        assert _count(Ticket, Ticket.resolved_at < Ticket.created_at) == 0
        assert _count(Ticket, Ticket.status.in_(["resolved", "closed"]), Ticket.resolved_at.is_(None)) == 0
        assert _count(SurveyResponse, (SurveyResponse.rating < 1) | (SurveyResponse.rating > 5)) == 0
        assert _count(SurveyResponse) > 0
        assert _count(Signal, Signal.organisation_id.is_(None)) == 0
        assert _count(Signal, Signal.region.is_(None)) == 0
        ratings = db.session.execute(
            select(Practice.rating_count, func.count(PracticeRating.id))
            .outerjoin(PracticeRating, PracticeRating.practice_id == Practice.id).group_by(Practice.id)).all()
        assert all(stored == counted for stored, counted in ratings)
        assert _count(Question, Question.has_accepted_answer) == _count(Answer, Answer.is_accepted)


def test_generate_is_deterministic_and_a_second_run_adds_a_batch(app, runner, tmp_path):
    _generate(runner)
    with app.app_context():
        first = sorted(db.session.scalars(select(Ticket.subject)))
    assert "2 batch" in _generate(runner).output
    with app.app_context():
        assert _count(Ticket) == 100
        assert _count(User, User.role == "officer") == 40
    from tests.conftest import app_for

    with app_for(tmp_path / "other", None) as other:  # same seed on an empty database: same data
        assert other.test_cli_runner().invoke(args=SMALL).exit_code == 0
        with other.app_context():
            assert sorted(db.session.scalars(select(Ticket.subject))) == first
