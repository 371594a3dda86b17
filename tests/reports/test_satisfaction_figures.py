"""Satisfaction per service on a small hand-made data set, on SQLite and PostgreSQL alike."""

from datetime import UTC, date, datetime

import pytest

from servicecentrum.extensions import db
from servicecentrum.helpdesk.models import Ticket
from servicecentrum.library.models import Practice, PracticeRating
from servicecentrum.reports.coverage import with_coverage
from servicecentrum.reports.figures.satisfaction import satisfaction
from servicecentrum.reports.tables import BUILDERS, Filters
from servicecentrum.surveys.models import SurveyResponse
from tests.factories import make_event, make_programme, make_theme, make_user

APRIL = Filters(start=date(2026, 4, 1), end=date(2026, 4, 30))
SERVICES = ["Helpdesk", "Masterclass", "Kennisatelier", "Netwerkbijeenkomst", "Bibliotheek"]


def at(*parts) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def respond(subject_type: str, subject_id: int, rating: int, when: datetime | None = None):
    return SurveyResponse(subject_type=subject_type, subject_id=subject_id, rating=rating,
                          created_at=when or at(2026, 4, 10, 9, 0))


@pytest.fixture
def data(app_ctx):
    alfa, beta = make_programme(name="Alfa"), make_programme(name="Beta")
    theme = make_theme()
    t1 = Ticket(subject="Vraag 1", programme_id=alfa.id, theme_id=theme.id)
    t2 = Ticket(subject="Vraag 2", programme_id=beta.id)
    db.session.add_all([t1, t2])
    db.session.commit()
    masterclass = make_event(kind="masterclass", programme_id=alfa.id, theme_id=theme.id)
    atelier = make_event(kind="kennisatelier", programme_id=beta.id)
    db.session.add_all([
        respond("ticket", t1.id, 5), respond("ticket", t1.id, 4), respond("ticket", t2.id, 2),
        respond("ticket", t1.id, 1, at(2026, 3, 31, 21, 59)),  # 23:59 on 31 March in Amsterdam: outside
        respond("ticket", t1.id, 1, at(2026, 4, 30, 22, 0)),  # 1 May in Amsterdam: outside
        respond("event", masterclass.id, 3), respond("event", masterclass.id, 5),
        respond("event", atelier.id, 4, at(2026, 3, 31, 22, 0)),  # midnight, 1 April in Amsterdam: inside
        respond("event", 999_999, 5),  # no such event: left out
    ])
    themed = Practice(title="Praktijk met thema", status="published")
    themed.themes = [theme]
    plain = Practice(title="Praktijk zonder thema", status="published")
    db.session.add_all([themed, plain])
    db.session.commit()
    u1, u2 = make_user(), make_user()
    db.session.add_all([
        PracticeRating(practice_id=themed.id, user_id=u1.id, helpful=True, created_at=at(2026, 4, 3, 9, 0)),
        PracticeRating(practice_id=themed.id, user_id=u2.id, helpful=False, created_at=at(2026, 4, 4, 9, 0)),
        PracticeRating(practice_id=plain.id, user_id=u1.id, helpful=True, created_at=at(2026, 4, 5, 9, 0)),
        PracticeRating(practice_id=plain.id, user_id=u2.id, helpful=False, created_at=at(2026, 3, 5, 9, 0)),
    ])
    db.session.commit()
    return {"alfa": alfa, "beta": beta, "theme": theme}


def test_registered():
    assert BUILDERS["satisfaction"] is satisfaction


def test_satisfaction_per_service(data):
    table = satisfaction(APRIL)
    assert [c.label for c in table.columns] == [
        "Dienst", "Aantal reacties", "Gemiddeld cijfer", "Aandeel tevreden"]
    assert [c.kind for c in table.columns] == ["text", "int", "decimal", "percent"]
    assert table.rows == [
        ["Helpdesk", 3, 3.67, 2 / 3],  # 5 4 2
        ["Masterclass", 2, 4.0, 0.5],  # 3 5
        ["Kennisatelier", 1, 4.0, 1.0],
        ["Netwerkbijeenkomst", 0, None, None],
        ["Bibliotheek", 3, None, 2 / 3],  # helpful, not helpful, helpful (March is outside)
    ]
    assert table.chart.label_column == 0 and table.chart.value_columns == [3]


def test_satisfaction_by_theme(data):
    table = satisfaction(Filters(APRIL.start, APRIL.end, theme_id=data["theme"].id))
    assert table.rows == [
        ["Helpdesk", 2, 4.5, 1.0],
        ["Masterclass", 2, 4.0, 0.5],
        ["Kennisatelier", 0, None, None],
        ["Netwerkbijeenkomst", 0, None, None],
        ["Bibliotheek", 2, None, 0.5],  # only the practice with that theme
    ]


def test_satisfaction_by_programme(data):
    table = satisfaction(Filters(APRIL.start, APRIL.end, programme_id=data["beta"].id))
    assert [row[0] for row in table.rows] == SERVICES
    assert table.rows[:3] == [["Helpdesk", 1, 2.0, 0.0], ["Masterclass", 0, None, None],
                              ["Kennisatelier", 1, 4.0, 1.0]]
    assert table.rows[4] == ["Bibliotheek", 3, None, 2 / 3]  # the library has no programme
    assert "programmafilter" in table.note


def test_query_count_does_not_grow(app_ctx, count_queries):
    programme = make_programme()
    user = make_user()
    event = make_event(kind="netwerkbijeenkomst")

    def fill(count):
        tickets = [Ticket(subject=f"Vraag {i}", programme_id=programme.id) for i in range(count)]
        practices = [Practice(title=f"Praktijk {i}") for i in range(count)]
        db.session.add_all([*tickets, *practices])
        db.session.flush()
        db.session.add_all([respond("ticket", t.id, 1 + i % 5) for i, t in enumerate(tickets)])
        db.session.add_all([respond("event", event.id, 1 + i % 5) for i in range(count)])
        db.session.add_all([PracticeRating(practice_id=p.id, user_id=user.id, helpful=i % 2 == 0,
                                           created_at=at(2026, 4, 2, 9, 0)) for i, p in enumerate(practices)])
        db.session.commit()

    fill(3)
    april = with_coverage(APRIL)  # which days are rolled up: one query per page, shared by all tables
    with count_queries() as small:
        satisfaction(april)
    fill(57)
    with count_queries() as large:
        table = satisfaction(april)
    assert large.count == small.count == 1
    assert table.rows[0][1] == 60 and table.rows[3][1] == 60 and table.rows[4][1] == 60
