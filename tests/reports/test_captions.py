"""Every chart on the dashboard says what it shows, with unit and period, in Dutch."""

import re

from servicecentrum.reports.charts import period_text
from tests import factories


def _dashboard(app, client, login, query: str) -> str:
    with app.app_context():
        login(client, factories.make_user("adviser"))
        factories.make_ticket()  # at least one programme with a question, so the helpdesk charts draw
    response = client.get("/rapportage?" + query)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_each_chart_has_a_caption_with_what_unit_and_period(app, client, login):
    html = _dashboard(app, client, login, "van=2026-01-01&tot=2026-12-31")
    figures = re.findall(r'<figure class="report-chart">(.*?)</figure>', html, re.S)
    assert figures, "the dashboard draws at least one chart"
    for figure in figures:
        caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", figure, re.S).group(1).strip()
        assert caption.endswith(", 1 januari – 31 december 2026"), caption
        assert "Grafiek van de tabel" not in caption
        # The image is named by the same text: role="img" and a <title> the svg points to.
        svg = re.search(r"<svg[^>]*>", figure).group(0)
        assert 'role="img"' in svg
        title_id = re.search(r'aria-labelledby="([^"]+)"', svg).group(1)
        title = re.search(rf'<title id="{title_id}">(.*?)</title>', figure, re.S).group(1)
        assert title == caption


def test_the_helpdesk_chart_caption_names_count_month_and_programme(app, client, login):
    html = _dashboard(app, client, login, "van=2026-01-01&tot=2026-12-31")
    assert ("<figcaption id=\"tickets_per_month-chart-caption\">Aantal nieuwe helpdeskvragen per maand, "
            "per programma, 1 januari – 31 december 2026</figcaption>") in html


def test_the_dutch_dashboard_has_no_internal_english(app, client, login):
    html = _dashboard(app, client, login, "van=2026-01-01&tot=2026-12-31")
    text = re.sub(r"<[^>]+>", " ", html.split("<main", 1)[1])
    for word in ("SLA", "p90", "p50", "median", "percentiel"):
        assert not re.search(rf"\b{word}\b", text, re.I), word
    assert "Binnen de reactietermijn" in text or "binnen de reactietermijn" in text
    assert "9 van de 10 binnen" in text and "ediaan" in text


def test_a_period_across_years_names_both_years(app):
    from datetime import date

    with app.test_request_context():
        assert period_text(date(2025, 12, 1), date(2026, 11, 30)) == "1 december 2025 – 30 november 2026"


def test_months_and_days_in_report_tables_read_the_dutch_way(app):
    from datetime import date

    from servicecentrum.reports.formatting import cell_text, csv_cell

    with app.test_request_context():
        assert cell_text("2026-01", "month") == "januari 2026"
        assert cell_text(date(2026, 12, 3), "date") == "03-12-2026"
        assert csv_cell(date(2026, 12, 3), "date") == "03-12-2026"
