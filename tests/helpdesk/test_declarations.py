"""The declarations report: hours per organisation and quarter, free and billable, on screen and as CSV."""

from datetime import date

import pytest

from servicecentrum.extensions import db
from servicecentrum.helpdesk.models import Quote, TimeEntry
from servicecentrum.reports.declarations import declarations
from tests.factories import make_organisation, make_programme, make_ticket, make_user


def _entry(ticket, day, minutes, billable=False):
    db.session.add(TimeEntry(ticket_id=ticket.id, organisation_id=ticket.organisation_id, work_date=day,
                             minutes=minutes, billable=billable, note="Interne notitie"))


def _quote(ticket, rate, status="accepted"):
    db.session.add(Quote(ticket_id=ticket.id, minutes=60, rate_cents=rate, amount_cents=rate, status=status,
                         description="Werk"))


def _ticket_of(organisation, programme):
    return make_ticket(requester=make_user("officer", organisation=organisation), programme=programme)


def seed() -> None:
    """Two organisations, time in several quarters of 2026, and some in 2025."""
    programme = make_programme(advisers=[make_user("adviser")])
    alfa = _ticket_of(make_organisation(name="Gemeente Alfa"), programme)
    beta = _ticket_of(make_organisation(name="=1+1 Gemeente"), programme)  # a formula in a spreadsheet
    _quote(alfa, 9500)
    _quote(alfa, 1, status="declined")  # never the rate of a declined quote
    _quote(beta, 9999)
    _entry(alfa, date(2026, 2, 10), 120)
    _entry(alfa, date(2026, 3, 31), 30)
    _entry(alfa, date(2026, 4, 1), 90, billable=True)
    _entry(alfa, date(2026, 12, 31), 45, billable=True)
    _entry(alfa, date(2025, 12, 31), 500)
    _entry(beta, date(2026, 7, 15), 60)
    _entry(beta, date(2026, 9, 30), 20, billable=True)
    db.session.commit()


def _rows(report):
    return [(row.organisation, row.quarter, row.free_minutes, row.billable_minutes, row.amount_cents)
            for row in report.rows]


def test_hours_are_summed_per_organisation_and_quarter_with_the_agreed_rate(app_ctx):
    seed()
    report = declarations(2026)
    assert _rows(report) == [
        ("=1+1 Gemeente", 3, 60, 20, 3333),   # 20 min x € 99,99 = € 33,33
        ("Gemeente Alfa", 1, 150, 0, 0),
        ("Gemeente Alfa", 2, 0, 90, 14250),   # 1,5 h x € 95,00
        ("Gemeente Alfa", 4, 0, 45, 7125),
    ]
    total = report.total
    assert (total.free_minutes, total.billable_minutes, total.amount_cents) == (210, 155, 24708)
    assert _rows(declarations(2025)) == [("Gemeente Alfa", 4, 500, 0, 0)]


def test_the_report_is_one_query_however_many_organisations(app_ctx, count_queries):
    seed()
    with count_queries() as few:
        declarations(2026)
    programme = make_programme()
    for n in range(15):
        ticket = _ticket_of(make_organisation(name=f"Gemeente Extra {n}"), programme)
        _entry(ticket, date(2026, 5, 1), 60)
        _entry(ticket, date(2026, 11, 1), 30, billable=True)
    db.session.commit()
    with count_queries() as many:
        report = declarations(2026)
    assert len(report.rows) == 4 + 30
    assert many.count == few.count <= 2  # the hourly rate setting and the grouped query


@pytest.fixture
def staff_client(app, client, login):
    with app.app_context():
        seed()
        login(client, make_user("admin"))
    return client


def test_staff_see_the_report_with_totals(staff_client):
    response = staff_client.get("/rapportage/declaraties?jaar=2026")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Declaraties helpdesk 2026" in html
    for text in ("Gemeente Alfa", "K2", "€ 142,50", "€ 33,33", "Totaal 2026", "€ 247,08", "6,08"):
        assert text in html, text
    assert "Interne notitie" not in html
    assert "8,33" in staff_client.get("/rapportage/declaraties?jaar=2025").get_data(as_text=True)


def test_a_wrong_year_gets_a_dutch_message(staff_client):
    for url in ("/rapportage/declaraties?jaar=abc", "/rapportage/declaraties.csv?jaar=1800"):
        response = staff_client.get(url)
        assert response.status_code == 422
        assert "Kies een jaar tussen 2000 en 2100." in response.get_data(as_text=True)


def test_the_csv_opens_in_excel_with_dutch_numbers_and_no_formulas(staff_client):
    response = staff_client.get("/rapportage/declaraties.csv?jaar=2026")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="declaraties-2026.csv"'
    body = response.get_data()
    assert body.startswith(b"\xef\xbb\xbf")
    assert body.decode("utf-8-sig").split("\r\n") == [
        "Organisatie;Jaar;Kwartaal;Uren totaal;Uren gratis;Uren betaald;Bedrag (euro)",
        "'=1+1 Gemeente;2026;K3;1,33;1,00;0,33;33,33",
        "Gemeente Alfa;2026;K1;2,50;2,50;0,00;0,00",
        "Gemeente Alfa;2026;K2;1,50;0,00;1,50;142,50",
        "Gemeente Alfa;2026;K4;0,75;0,00;0,75;71,25",
        "Totaal;2026;;6,08;3,50;2,58;247,08",
        "",
    ]


def test_officers_may_not_see_declarations_and_advisers_may(app, client, login):
    with app.app_context():
        officer, adviser = make_user("officer").id, make_user("adviser").id
    login(client, officer)
    for url in ("/rapportage", "/rapportage/declaraties", "/rapportage/declaraties.csv"):
        assert client.get(url).status_code == 403, url
    login(client, adviser)
    assert client.get("/rapportage/declaraties").status_code == 200
    assert 'href="/rapportage/declaraties"' in client.get("/rapportage").get_data(as_text=True)
