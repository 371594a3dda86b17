"""Figures for the reports: attendance rates and evaluation ratings, one grouped query each."""

from datetime import timedelta

from servicecentrum.database import utcnow
from servicecentrum.events import stats
from servicecentrum.events.models import Registration
from servicecentrum.extensions import db
from servicecentrum.surveys.models import SurveyResponse
from tests.factories import make_event, make_programme, make_user

NOW = utcnow().replace(microsecond=0)


def _event_with(kind="kennisatelier", confirmed=0, checked_in=0, waitlisted=0, days_ago=10, **fields):
    """An event in the past with registrations added directly (the first ``checked_in`` came)."""
    event = make_event(kind=kind, starts_at=NOW - timedelta(days=days_ago), **fields)
    for n in range(confirmed + waitlisted):
        db.session.add(Registration(
            event_id=event.id, user_id=make_user().id, status="confirmed" if n < confirmed else "waitlisted",
            checked_in_at=event.starts_at if n < checked_in else None))
    db.session.commit()
    return event


def _evaluate(event, *ratings):
    for rating in ratings:
        member = make_user()
        db.session.add(SurveyResponse(subject_type="event", subject_id=event.id, respondent_id=member.id,
                                      programme_id=event.programme_id, organisation_id=member.organisation_id,
                                      rating=rating))
    db.session.commit()


def test_attendance_rates_count_only_events_that_used_check_in(app_ctx, count_queries):
    first = _event_with(confirmed=4, checked_in=3, waitlisted=2, title="Eerste")
    second = _event_with(kind="masterclass", confirmed=6, checked_in=3, days_ago=5, title="Tweede")
    _event_with(confirmed=5)  # no check-in used: no rate
    _event_with(confirmed=2, checked_in=2, status="cancelled")
    _event_with(confirmed=2, checked_in=1, days_ago=100)  # before the period
    with count_queries() as queries:
        rates = stats.attendance_rates(NOW - timedelta(days=30), NOW)
    assert queries.count == 1
    assert [(e.event_id, e.kind, e.confirmed, e.checked_in, e.rate) for e in rates.events] == [
        (first.id, "kennisatelier", 4, 3, 75.0), (second.id, "masterclass", 6, 3, 50.0)]
    assert (rates.confirmed, rates.checked_in, rates.rate) == (10, 6, 60.0)
    assert stats.attendance_rates(NOW, NOW + timedelta(days=1)).rate is None


def test_evaluation_figures_per_kind_and_programme(app_ctx, count_queries):
    taal, jeugd = make_programme(name="Taal"), make_programme(name="Jeugd")
    _evaluate(_event_with(programme_id=taal.id), 5, 4)
    _evaluate(_event_with(programme_id=jeugd.id), 3)
    _evaluate(_event_with(kind="masterclass", programme_id=taal.id), 2, 2, 5)
    _evaluate(_event_with(days_ago=200, programme_id=taal.id), 1)  # outside the period
    with count_queries() as queries:
        figures = stats.evaluation_figures(NOW - timedelta(days=30), NOW)
    assert queries.count == 1
    assert [(r.kind, r.programme, r.count, r.average) for r in figures.rows] == [
        ("kennisatelier", "Jeugd", 1, 3.0), ("kennisatelier", "Taal", 2, 4.5),
        ("masterclass", "Taal", 3, 3.0)]
    assert (figures.count, figures.average) == (6, 3.5)
    assert figures.by_kind() == {"kennisatelier": (3, 4.0), "masterclass": (3, 3.0)}
    assert figures.by_programme() == {"Jeugd": (1, 3.0), "Taal": (5, 3.6)}
    assert stats.evaluation_figures().count == 7
