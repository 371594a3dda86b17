"""The demo world looks like the real service: working days, a year of helpdesk history, varied people."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from servicecentrum.auth.models import User
from servicecentrum.events.models import Event
from servicecentrum.extensions import db
from servicecentrum.helpdesk.models import Ticket, TicketMessage, TimeEntry
from servicecentrum.helpdesk.sla import is_working_day
from servicecentrum.surveys.models import SurveyResponse

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def world(app, runner):
    result = runner.invoke(args=["demo", "seed", "--password", "demo-wachtwoord-2026"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        yield


def _local(moment):
    return moment.astimezone(AMSTERDAM)


def test_events_fall_on_working_days_at_office_hours_past_and_upcoming(world):
    events = list(db.session.scalars(select(Event)))
    assert len(events) >= 10
    for event in events:
        starts, ends = _local(event.starts_at), _local(event.ends_at)
        assert is_working_day(starts.date()), (event.title, starts)
        assert starts.hour >= 9 and ends.hour <= 17 and starts.minute in (0, 30), (event.title, starts)
    kinds = {e.kind for e in events}
    assert kinds == {"masterclass", "kennisatelier", "netwerkbijeenkomst"}
    now = events[0].starts_at.now(AMSTERDAM)
    assert sum(e.starts_at < now for e in events) >= 3 and sum(e.starts_at > now for e in events) >= 6
    assert max(e.starts_at for e in events) > now + timedelta(days=90)  # the coming months, not weeks


def test_every_month_of_the_past_year_has_helpdesk_questions_answers_ratings_and_time(world):
    tickets = list(db.session.scalars(select(Ticket)))
    now = tickets[0].created_at.now(AMSTERDAM)
    months = {(_local(t.created_at).year, _local(t.created_at).month) for t in tickets}
    for back in range(1, 12):
        day = (now.replace(day=1) - timedelta(days=28 * back)).replace(day=15)
        assert (day.year, day.month) in months, day
    assert all(is_working_day(_local(t.created_at).date()) for t in tickets)
    messages = db.session.scalars(select(TicketMessage.created_at)).all()
    assert all(is_working_day(_local(m).date()) for m in messages)
    assert sum(t.resolved_at is not None for t in tickets) >= 100
    assert db.session.query(SurveyResponse).count() >= 50
    assert db.session.query(TimeEntry).count() >= 100


def test_members_have_varied_dutch_names(world):
    names = set(db.session.scalars(select(User.name)))
    for surname in ("Yilmaz", "El Amrani", "de Vries", "Jansen", "Ramdin", "Nguyen", "Kowalski", "Bakker"):
        assert any(name.endswith(surname) for name in names), surname
