"""Helpdesk figures on a small hand-made data set, on SQLite and PostgreSQL alike."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.helpdesk.models import Ticket
from servicecentrum.reports.figures.helpdesk import first_response_sla, tickets_per_month
from servicecentrum.reports.figures.resolution import resolution_time
from servicecentrum.reports.sql import (
    local_date,
    local_datetime,
    month_key,
    month_keys,
    month_label,
    summer_time,
    years_of,
)
from servicecentrum.reports.tables import BUILDERS, Filters
from tests.factories import make_programme, make_theme

MARCH_APRIL = Filters(start=date(2026, 3, 1), end=date(2026, 4, 30))
APRIL = Filters(start=date(2026, 4, 1), end=date(2026, 4, 30))


def at(*parts) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def add_tickets(*specs) -> list[Ticket]:
    """Tickets from (programme, fields) pairs, inserted directly: the figures read only columns."""
    tickets = [Ticket(subject=f"Vraag {i}", programme_id=programme.id, **fields)
               for i, (programme, fields) in enumerate(specs)]
    db.session.add_all(tickets)
    db.session.commit()
    return tickets


@pytest.fixture
def programmes(app_ctx):
    # Names chosen so that alphabetical order is the expected column order.
    return (make_programme(name="Alfa"), make_programme(name="Beta"), make_programme(name="Gamma"))


def test_builders_are_registered():
    assert BUILDERS["tickets_per_month"] is tickets_per_month
    assert BUILDERS["first_response_sla"] is first_response_sla
    assert BUILDERS["resolution_time"] is resolution_time


@pytest.mark.parametrize("utc", [
    at(2026, 3, 29, 0, 59, 59), at(2026, 3, 29, 1, 0), at(2026, 10, 25, 0, 59, 59), at(2026, 10, 25, 1, 0),
    at(2024, 3, 31, 0, 30), at(2024, 3, 31, 1, 30), at(2025, 10, 26, 0, 30), at(2025, 10, 26, 1, 30),
    at(2026, 3, 31, 22, 30), at(2026, 12, 31, 23, 0), at(2027, 7, 1, 12, 0), at(2026, 1, 31, 22, 59),
])
@pytest.mark.parametrize("years", [None, range(2024, 2028)])
def test_local_time_matches_zoneinfo(programmes, utc, years):
    (ticket,) = add_tickets((programmes[0], {"created_at": utc}))
    created = Ticket.created_at
    local, day, month = db.session.execute(
        select(local_datetime(created, years), local_date(created, years), month_key(created, years))
        .where(Ticket.id == ticket.id)).one()
    expected = utc.astimezone(ZoneInfo("Europe/Amsterdam")).replace(tzinfo=None)
    assert str(local)[:19] == expected.isoformat(" ")
    assert str(day) == expected.date().isoformat()
    assert month == expected.strftime("%Y-%m")


def test_summer_time():
    assert summer_time(2026) == (at(2026, 3, 29, 1, 0), at(2026, 10, 25, 1, 0))
    assert summer_time(2024) == (at(2024, 3, 31, 1, 0), at(2024, 10, 27, 1, 0))
    assert years_of(MARCH_APRIL, 1) == range(2025, 2028)


def test_month_helpers():
    assert month_keys(date(2025, 11, 15), date(2026, 2, 1)) == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert month_label("2026-03") == "mrt 2026"


def make_monthly_set(programmes):
    alfa, beta, gamma = programmes
    theme = make_theme()
    add_tickets(
        (alfa, {"created_at": at(2026, 3, 5, 10, 0), "theme_id": theme.id}),
        (alfa, {"created_at": at(2026, 3, 31, 21, 30)}),  # 23:30 on 31 March in Amsterdam
        (alfa, {"created_at": at(2026, 3, 31, 22, 30)}),  # 00:30 on 1 April in Amsterdam
        (beta, {"created_at": at(2026, 2, 28, 23, 30)}),  # 00:30 on 1 March in Amsterdam
        (beta, {"created_at": at(2026, 2, 28, 22, 30)}),  # still February: outside the period
        (beta, {"created_at": at(2026, 4, 30, 21, 59)}),  # 23:59 on 30 April
        (beta, {"created_at": at(2026, 4, 30, 22, 0)}),  # 1 May: outside
        (gamma, {"created_at": at(2026, 5, 10, 9, 0)}),  # outside: no Gamma column
    )
    return theme


def test_tickets_per_month(programmes):
    make_monthly_set(programmes)
    table = tickets_per_month(MARCH_APRIL)
    assert [c.label for c in table.columns] == ["Maand", "Alfa", "Beta", "Totaal"]
    assert [c.kind for c in table.columns] == ["month", "int", "int", "int"]
    assert table.rows == [["2026-03", 2, 1, 3], ["2026-04", 1, 1, 2]]
    assert table.chart.label_column == 0 and table.chart.value_columns == [1, 2] and table.chart.stacked


def test_tickets_per_month_filters(programmes):
    theme = make_monthly_set(programmes)
    by_theme = tickets_per_month(Filters(MARCH_APRIL.start, MARCH_APRIL.end, theme_id=theme.id))
    assert [c.label for c in by_theme.columns] == ["Maand", "Alfa", "Totaal"]
    assert by_theme.rows == [["2026-03", 1, 1], ["2026-04", 0, 0]]
    beta_only = Filters(MARCH_APRIL.start, MARCH_APRIL.end, programme_id=programmes[1].id)
    by_programme = tickets_per_month(beta_only)
    assert [c.label for c in by_programme.columns] == ["Maand", "Beta", "Totaal"]
    assert by_programme.rows == [["2026-03", 1, 1], ["2026-04", 1, 1]]
    assert tickets_per_month(Filters(date(2026, 6, 1), date(2026, 6, 30))).rows == [["2026-06", 0]]


def test_first_response_sla(programmes, monkeypatch):
    monkeypatch.setattr("servicecentrum.helpdesk.sla.today", lambda: date(2026, 4, 15))
    alfa, beta, gamma = programmes
    due = "first_response_due"
    add_tickets(
        (alfa, {due: date(2026, 4, 2), "first_responded_at": at(2026, 4, 2, 21, 30)}),  # 23:30: on time
        (alfa, {due: date(2026, 4, 2), "first_responded_at": at(2026, 4, 2, 22, 30)}),  # 3 April: late
        (alfa, {"first_response_due": date(2026, 4, 10)}),  # unanswered, overdue: late
        (alfa, {"first_response_due": date(2026, 4, 20)}),  # unanswered, not yet due: left out
        (alfa, {due: date(2026, 3, 31), "first_responded_at": at(2026, 3, 30, 9, 0)}),  # outside
        (beta, {"first_response_due": date(2026, 4, 15), "first_responded_at": at(2026, 4, 14, 9, 0)}),
        (beta, {"first_response_due": date(2026, 4, 15)}),  # due today: not passed yet, left out
        (beta, {"first_response_due": date(2026, 4, 30), "first_responded_at": at(2026, 4, 20, 9, 0)}),
        (gamma, {"first_response_due": date(2026, 4, 25)}),  # only a not-yet-due ticket: no row
        (gamma, {"first_response_due": None, "first_responded_at": at(2026, 4, 20, 9, 0)}),  # no due date
    )
    table = first_response_sla(APRIL)
    assert [c.kind for c in table.columns] == ["text", "int", "int", "percent"]
    assert table.rows == [["Alfa", 1, 3, 1 / 3], ["Beta", 2, 2, 1.0], ["Totaal", 3, 5, 0.6]]
    assert table.chart.value_columns == [3]
    only_beta = first_response_sla(Filters(APRIL.start, APRIL.end, programme_id=beta.id))
    assert only_beta.rows == [["Beta", 2, 2, 1.0], ["Totaal", 2, 2, 1.0]]
    empty = first_response_sla(Filters(date(2025, 1, 1), date(2025, 1, 31)))
    assert empty.rows == [["Totaal", 0, 0, None]]


def resolved(programme, days: float, **fields):
    created = at(2026, 4, 1, 8, 0) + timedelta(days=1)
    return (programme, {"created_at": created, "resolved_at": created + timedelta(days=days), **fields})


def test_resolution_time(programmes):
    alfa, beta, gamma = programmes
    theme = make_theme()
    add_tickets(
        resolved(alfa, 1), resolved(alfa, 2, theme_id=theme.id), resolved(alfa, 3), resolved(alfa, 4),
        resolved(beta, 0.5, theme_id=theme.id), resolved(beta, 10),
        resolved(gamma, 6.25),
        (alfa, {"created_at": at(2026, 3, 1, 8, 0), "resolved_at": at(2026, 3, 31, 21, 0)}),  # March: out
        (beta, {"created_at": at(2026, 4, 2, 8, 0)}),  # not resolved
    )
    table = resolution_time(APRIL)
    assert [c.kind for c in table.columns] == ["text", "int", "days", "days"]
    # percentile_cont: position 1 + p(n-1), linear interpolation.
    assert table.rows == [
        ["Alfa", 4, 2.5, 3.7],  # 1 2 3 4
        ["Beta", 2, 5.25, 9.05],  # 0.5 10
        ["Gamma", 1, 6.25, 6.25],
        ["Totaal", 7, 3.0, 7.75],  # 0.5 1 2 3 4 6.25 10
    ]
    assert table.chart.value_columns == [2, 3]
    by_theme = resolution_time(Filters(APRIL.start, APRIL.end, theme_id=theme.id))
    assert by_theme.rows == [["Alfa", 1, 2.0, 2.0], ["Beta", 1, 0.5, 0.5], ["Totaal", 2, 1.25, 1.85]]
    assert resolution_time(Filters(date(2025, 1, 1), date(2025, 1, 31))).rows == [["Totaal", 0, None, None]]


@pytest.mark.parametrize("build", [tickets_per_month, first_response_sla, resolution_time])
def test_query_count_does_not_grow(programmes, count_queries, build):
    def fill(count):
        add_tickets(*(
            (programmes[i % 3], {"created_at": at(2026, 4, 1 + i % 28, 9, 0),
                                 "first_response_due": date(2026, 4, 1 + i % 28),
                                 "first_responded_at": at(2026, 4, 1 + i % 28, 2 + i % 20, 0),
                                 "resolved_at": at(2026, 4, 1 + i % 28, 9, 0) + timedelta(hours=i)})
            for i in range(count)))

    fill(3)
    with count_queries() as small:
        build(APRIL)
    fill(57)
    with count_queries() as large:
        table = build(APRIL)
    assert large.count == small.count <= 2
    assert table.rows
