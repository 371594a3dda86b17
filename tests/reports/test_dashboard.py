"""The dashboard page: every registered table with its chart, its table and a CSV download."""

from datetime import date

import pytest

from servicecentrum.reports import charts, tables
from servicecentrum.reports.tables import Chart, Column, ReportTable
from tests import factories


@pytest.fixture
def sample_table(monkeypatch):
    """Replace the registered tables by one known table that echoes the filters."""
    seen = []

    def build(filters):
        seen.append(filters)
        return ReportTable(key="proef", title="Proeftabel", note="Zo is het geteld.",
                           columns=[Column("Programma"), Column("Vragen", "int"),
                                    Column("Op tijd", "percent")],
                           rows=[["Sociale Cohesie", 1234, 0.875], ["<script>x</script>", 5, 0.2]],
                           chart=Chart(value_columns=[1]))

    monkeypatch.setattr(tables, "BUILDERS", {"proef": build})
    monkeypatch.setattr(tables, "ORDER", ["proef"])
    return seen


def _login(app, client, login, role):
    with app.app_context():
        login(client, factories.make_user(role))


def test_staff_see_each_table_with_a_chart_and_the_same_numbers(app, client, login, sample_table):
    _login(app, client, login, "adviser")
    html = client.get("/rapportage?van=2026-01-01&tot=2026-03-31").get_data(as_text=True)
    assert sample_table[-1].start == date(2026, 1, 1) and sample_table[-1].end == date(2026, 3, 31)
    assert '<svg' in html and 'role="img"' in html
    assert '<title id="proef-chart-title">Proeftabel, 1 januari – 31 maart 2026</title>' in html
    assert "<th scope=\"row\">Sociale Cohesie</th>" in html
    assert ">1.234<" in html and ">88%<" in html  # Dutch thousands separator; a share as percent
    assert "<script>x</script>" not in html and "&lt;script&gt;" in html
    assert "/rapportage/tabellen/proef.csv?van=2026-01-01&amp;tot=2026-03-31" in html


def test_the_csv_has_the_rows_of_the_table(app, client, login, sample_table):
    _login(app, client, login, "admin")
    response = client.get("/rapportage/tabellen/proef.csv?van=2026-01-01&tot=2026-03-31")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="proef-2026-01-01-2026-03-31.csv"'
    text = response.get_data().decode("utf-8-sig")
    assert text.splitlines() == ["Programma;Vragen;Op tijd", "Sociale Cohesie;1234;87,5",
                                 "<script>x</script>;5;20,0"]
    assert client.get("/rapportage/tabellen/bestaat-niet.csv").status_code == 404


def test_bad_dates_get_a_dutch_message_and_officers_are_refused(app, client, login, sample_table):
    _login(app, client, login, "adviser")
    response = client.get("/rapportage?van=2026-05-01&tot=2026-04-01")
    assert response.status_code == 422
    assert "De einddatum ligt vóór de begindatum." in response.get_data(as_text=True)
    assert client.get("/rapportage?van=gisteren").status_code == 422
    client.get("/uitloggen")
    other = app.test_client()
    _login(app, other, login, "officer")
    assert other.get("/rapportage").status_code == 403
    assert other.get("/rapportage/tabellen/proef.csv").status_code == 403


def test_a_stacked_chart_draws_one_bar_per_row_and_a_legend():
    table = ReportTable(key="t", title="Vragen per maand", columns=[Column("Maand"), Column("A", "int"),
                                                                     Column("B", "int")],
                        rows=[["2026-01", 3, 1], ["2026-02", 0, 2]],
                        chart=Chart(value_columns=[1, 2], stacked=True))
    svg = str(charts.bar_chart(table, "c"))
    assert svg.count("<rect") == 2 + 4  # two legend swatches, two segments per row
    assert ">A<" in svg and ">B<" in svg and ">4<" in svg  # legend and the row total


def _add_activity(n: int) -> None:
    from servicecentrum.extensions import db
    from servicecentrum.surveys.models import SurveyResponse

    programme = factories.make_programme()
    for i in range(n):
        ticket = factories.make_ticket(programme=programme)
        db.session.add(SurveyResponse(subject_type="ticket", subject_id=ticket.id, rating=1 + i % 5,
                                      respondent_id=ticket.requester_id, programme_id=programme.id))
        factories.make_event(capacity=5 + i)
    db.session.commit()


def test_the_dashboard_costs_the_same_queries_with_little_and_more_data(app, client, login, count_queries):
    _login(app, client, login, "adviser")
    with app.app_context():
        _add_activity(2)
    client.get("/rapportage")
    with count_queries() as small:
        assert client.get("/rapportage").status_code == 200
    with app.app_context():
        _add_activity(30)
    with count_queries() as large:
        assert client.get("/rapportage").status_code == 200
    assert small.count == large.count
    assert large.count <= 12, large.count  # the login check included
