"""The dashboard's event table: fill rate and attendance rate per event kind, on a hand-made set."""

from datetime import UTC, date, datetime

from servicecentrum.events.models import Registration
from servicecentrum.extensions import db
from servicecentrum.reports.figures.events import event_fill
from servicecentrum.reports.tables import BUILDERS, Filters
from tests.factories import make_event, make_programme, make_theme, make_user

MARCH = Filters(date(2026, 3, 1), date(2026, 3, 31))


def _utc(*parts) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def _event(people, starts_at, confirmed=0, checked_in=0, others=(), **fields):
    """An event with ``confirmed`` registrations (the first ``checked_in`` came) and other ones."""
    event = make_event(starts_at=starts_at, **fields)
    statuses = ["confirmed"] * confirmed + list(others)
    for n, status in enumerate(statuses):
        db.session.add(Registration(event_id=event.id, user_id=people[n].id, status=status,
                                    checked_in_at=starts_at if n < checked_in else None))
    db.session.commit()
    return event


def _dataset(people, programme_id=None, theme_id=None):
    # 1 March 00:30 in Amsterdam (CET): in the period, though 28 February in UTC.
    _event(people, _utc(2026, 2, 28, 23, 30), confirmed=4, checked_in=3, others=["waitlisted"] * 2,
           theme_id=theme_id)
    # 31 March 23:30 in Amsterdam (CEST): still in the period; no check-in used.
    _event(people, _utc(2026, 3, 31, 21, 30), confirmed=5)
    # 1 April 00:30 in Amsterdam: after the period, though 31 March in UTC.
    _event(people, _utc(2026, 3, 31, 22, 30), confirmed=2, checked_in=2)
    _event(people, _utc(2026, 3, 10, 9), kind="masterclass", capacity=20, confirmed=10, checked_in=5,
           others=["cancelled"], programme_id=programme_id)
    _event(people, _utc(2026, 3, 11, 9), kind="masterclass", capacity=5, confirmed=5, status="cancelled")
    _event(people, _utc(2026, 3, 12, 9), kind="masterclass", capacity=5, confirmed=5, status="draft")
    _event(people, _utc(2026, 3, 15, 9), kind="netwerkbijeenkomst", capacity=30)


def test_fill_and_attendance_per_kind_with_a_total(app_ctx):
    people = [make_user() for _ in range(12)]
    _dataset(people)
    table = event_fill(MARCH)
    assert BUILDERS["event_fill"] is event_fill
    assert [c.kind for c in table.columns] == ["text", "int", "int", "int", "percent", "percent"]
    assert table.rows == [
        ["Masterclass", 1, 20, 10, 10 / 20, 5 / 10],
        ["Kennisatelier", 2, 20, 9, 9 / 20, 3 / 4],
        ["Netwerkbijeenkomst", 1, 30, 0, 0.0, None],
        ["Totaal", 4, 70, 19, 19 / 70, 8 / 14],
    ]
    assert (table.chart.label_column, table.chart.value_columns) == (0, [4, 5])


def test_programme_and_theme_filters_apply(app_ctx):
    people = [make_user() for _ in range(12)]
    programme, theme = make_programme(), make_theme()
    _dataset(people, programme_id=programme.id, theme_id=theme.id)
    by_programme = event_fill(Filters(MARCH.start, MARCH.end, programme_id=programme.id))
    assert by_programme.rows == [
        ["Masterclass", 1, 20, 10, 0.5, 0.5],
        ["Kennisatelier", 0, 0, 0, None, None],
        ["Netwerkbijeenkomst", 0, 0, 0, None, None],
        ["Totaal", 1, 20, 10, 0.5, 0.5],
    ]
    by_theme = event_fill(Filters(MARCH.start, MARCH.end, theme_id=theme.id))
    assert by_theme.rows[1] == ["Kennisatelier", 1, 10, 4, 0.4, 0.75]
    assert by_theme.rows[-1] == ["Totaal", 1, 10, 4, 0.4, 0.75]


def test_an_empty_period_has_zero_rows_and_no_rates(app_ctx):
    table = event_fill(MARCH)
    assert [row[1:] for row in table.rows] == [[0, 0, 0, None, None]] * 4


def test_one_query_whatever_the_number_of_events(app_ctx, count_queries):
    people = [make_user() for _ in range(12)]
    _dataset(people)
    with count_queries() as small:
        event_fill(MARCH)
    for day in range(1, 25):
        _event(people, _utc(2026, 3, day, 12), kind="masterclass", confirmed=8, checked_in=day % 3)
    with count_queries() as large:
        table = event_fill(MARCH)
    assert small.count == large.count == 1
    assert table.rows[0][1:4] == [25, 260, 202]
