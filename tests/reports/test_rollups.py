"""The dashboard from daily roll-ups: exactly the live figures, whatever was rolled up when."""

import threading
from datetime import timedelta

import pytest
from sqlalchemy import delete, func, select

from servicecentrum.extensions import db
from servicecentrum.helpdesk.models import Ticket
from servicecentrum.reports import coverage
from servicecentrum.reports.rollup import roll_up
from servicecentrum.reports.rollup_models import (
    ReportResolution,
    ReportRolledDay,
    ReportSurveyDay,
    ReportTicketDay,
)
from tests.reports import rollup_world
from tests.reports.rollup_world import FIRST, NOW, PERIODS, TODAY, figures, filter_sets


@pytest.fixture
def world(app_ctx, monkeypatch):
    monkeypatch.setattr("servicecentrum.helpdesk.sla.today", lambda: TODAY)
    return rollup_world.build()


def live_figures(world) -> dict:
    """Every period and filter counted from the raw tables alone (nothing rolled up yet)."""
    assert db.session.scalar(select(func.count()).select_from(ReportRolledDay)) == 0
    return {(period, tuple(choice.items())): figures(*period, **choice)
            for period in PERIODS for choice in filter_sets(world)}


def assert_same_as(expected: dict) -> None:
    for (period, choice), tables in expected.items():
        assert figures(*period, **dict(choice)) == tables, (period, choice)


def rows_of(model) -> list:
    columns = [c for c in model.__table__.columns if c.name != "id"]
    return sorted((tuple(row) for row in db.session.execute(select(*columns))), key=repr)


def test_figures_from_the_roll_ups_equal_the_live_count(world):
    expected = live_figures(world)
    result = roll_up(now=NOW)
    assert (result.first, result.last, result.days) == (FIRST, TODAY - timedelta(days=1), 43)
    # The roll-ups really carry the closed days: most of March comes from them, today stays live.
    march = coverage.load(PERIODS[0][0], PERIODS[0][1])
    assert march.rolled == ((FIRST, PERIODS[0][1]),)
    assert march.live == ((PERIODS[0][0], FIRST - timedelta(days=1)),)
    assert coverage.load(TODAY, TODAY).rolled == ()
    filed_before_today = db.session.scalar(
        select(func.count(Ticket.id)).where(Ticket.created_at < rollup_world.moment(TODAY, 0)))
    for totals in (True, False):  # the totals over all themes, and the rows per theme
        assert db.session.scalar(select(func.sum(ReportTicketDay.created))
                                 .where(ReportTicketDay.all_themes.is_(totals))) == filed_before_today
    assert db.session.scalar(select(func.count()).select_from(ReportResolution)) > 50
    assert db.session.scalar(select(func.count()).select_from(ReportSurveyDay)) > 20
    assert_same_as(expected)


def test_days_the_roll_up_did_not_reach_are_counted_live(world):
    expected = live_figures(world)
    roll_up(today=TODAY - timedelta(days=5), now=NOW - timedelta(days=5))  # cron stopped five days ago
    assert db.session.scalar(select(func.max(ReportRolledDay.day))) == TODAY - timedelta(days=6)
    assert_same_as(expected)
    # A day lost in the middle (a failed run, a restored backup): its rows no longer count, live ones do.
    missing = FIRST + timedelta(days=20)
    db.session.execute(delete(ReportRolledDay).where(ReportRolledDay.day == missing))
    db.session.commit()
    assert any(first <= missing <= last for first, last in coverage.load(FIRST, TODAY).live)
    assert_same_as(expected)
    # The next run fills exactly the gap and the days since.
    result = roll_up(now=NOW)
    assert (result.first, result.last) == (missing, TODAY - timedelta(days=1))
    assert_same_as(expected)


def test_rolling_up_twice_changes_nothing(world):
    roll_up(now=NOW)
    before = {model: rows_of(model) for model in (ReportTicketDay, ReportResolution, ReportSurveyDay)}
    assert roll_up(now=NOW + timedelta(minutes=30)).days == 0  # nothing changed: nothing to do
    again = roll_up(rebuild=True, now=NOW + timedelta(hours=1))
    assert again.days == 43
    assert {model: rows_of(model) for model in before} == before


def test_a_change_to_an_old_ticket_counts_after_the_next_roll_up(world):
    roll_up(now=NOW)
    later = NOW + timedelta(hours=2)
    moved = next(t for t in world["tickets"] if t.created_at.date() == FIRST + timedelta(days=2))
    reopened = next(t for t in world["tickets"]
                    if t.resolved_at and t.created_at.date() > FIRST + timedelta(days=9))
    moved.programme_id = next(p.id for p in world["programmes"] if p.id != moved.programme_id)
    reopened.resolved_at, reopened.status = None, "open"
    for ticket in (moved, reopened):
        ticket.updated_at = later
    # An import adds a ticket dated back to March (its own times are old: it is found by its id).
    db.session.add(Ticket(subject="Ingelezen", programme_id=moved.programme_id, created_at=moved.created_at,
                          updated_at=moved.created_at, first_response_due=FIRST + timedelta(days=5)))
    db.session.commit()
    whole = (FIRST, TODAY)
    live = figures(*whole, live=True)
    # Until the next run the rolled-up days still show the situation of the last run ...
    assert figures(*whole) != live
    # ... and the next run rolls up again from the first day the changes touched.
    result = roll_up(now=later + timedelta(minutes=30))
    assert result.first == moved.created_at.astimezone(rollup_world.AMSTERDAM).date()
    assert figures(*whole) == live


@pytest.fixture
def shared_app(tmp_path, database_url, app):
    """An app whose database two threads can use at once (SQLite: a file, not one in memory)."""
    if database_url:
        return app
    from servicecentrum import create_app
    from tests.conftest import base_config

    on_file = create_app(base_config(tmp_path, f"sqlite:///{tmp_path}/rollups.db"))
    with on_file.app_context():
        db.create_all()
    return on_file


def test_two_roll_ups_at_once_leave_one_set_of_rows(shared_app, monkeypatch):
    monkeypatch.setattr("servicecentrum.helpdesk.sla.today", lambda: TODAY)
    with shared_app.app_context():
        rollup_world.build()
        expected = figures(FIRST, TODAY, live=True)
        db.session.remove()
    barrier, errors = threading.Barrier(2), []

    def run() -> None:
        try:
            with shared_app.app_context():
                barrier.wait()
                roll_up(rebuild=True, now=NOW)
                db.session.remove()
        except Exception as error:  # collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with shared_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ReportRolledDay)) == 43
        assert db.session.scalar(select(func.sum(ReportTicketDay.created))
                                 .where(ReportTicketDay.all_themes.is_(True))) == db.session.scalar(
            select(func.count(Ticket.id)).where(Ticket.created_at < rollup_world.moment(TODAY, 0)))
        assert figures(FIRST, TODAY) == expected
        db.session.remove()
