"""/rapportage on the roll-ups: the same numbers as a live count, on the page and in every CSV,
in a fixed number of queries, and a GET never writes. The roll-up command for cron."""

import csv
import io
import re
from datetime import date, timedelta
from html import unescape

import pytest
from sqlalchemy import func, select

from servicecentrum.extensions import db
from servicecentrum.reports.formatting import cell_text, csv_cell
from servicecentrum.reports.rollup import roll_up
from servicecentrum.reports.rollup_models import ReportRolledDay, ReportRollupRun
from servicecentrum.reports.tables import Filters, build_all
from tests import factories
from tests.reports import rollup_world
from tests.reports.rollup_world import NOW, TODAY

PERIOD = "van=2026-03-20&tot=2026-04-15"  # rolled-up days and today (live), across the clock change
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


@pytest.fixture
def world(app, monkeypatch):
    monkeypatch.setattr("servicecentrum.helpdesk.sla.today", lambda: TODAY)
    monkeypatch.setattr("servicecentrum.reports.views.today", lambda: TODAY)
    with app.app_context():
        built = rollup_world.build()
        ids = {"programme_id": built["programmes"][0].id, "theme_id": built["themes"][1].id}
        db.session.remove()
    return ids


def live_tables(app, start, end, **choices) -> dict:
    """Per table: its columns, its rows as the page shows them and as the CSV writes them, counted live."""
    from servicecentrum.reports.coverage import Coverage

    with app.test_request_context():
        tables = build_all(Filters(start=start, end=end, coverage=Coverage(live=((start, end),)), **choices))
        return {table.key: {
            "header": [column.label for column in table.columns],
            "page": [[cell_text(v, c.kind) for v, c in zip(row, table.columns, strict=True)]
                     for row in table.rows],
            "csv": [[str(csv_cell(v, c.kind)) for v, c in zip(row, table.columns, strict=True)]
                    for row in table.rows],
        } for table in tables}


def page_cells(html: str, key: str) -> list[list[str]]:
    """The texts of the table rows in the section of ``key``."""
    section = re.search(rf'<section id="{key}".*?</section>', html, re.S).group(0)
    body = re.search(r"<tbody>(.*?)</tbody>", section, re.S)
    if body is None:
        assert "Geen gegevens in deze periode." in section
        return []
    body = body.group(1)
    return [[unescape(re.sub(r"<[^>]+>", "", cell)).strip()
             for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def test_the_page_and_every_csv_show_the_live_numbers_from_the_roll_ups(app, client, login, world,
                                                                         count_queries):
    expected = live_tables(app, date(2026, 3, 20), TODAY)
    with app.app_context():
        roll_up(now=NOW)
        login(client, factories.make_user("adviser"))
    client.get(f"/rapportage?{PERIOD}")  # warm up
    with count_queries() as counted:
        response = client.get(f"/rapportage?{PERIOD}")
    assert response.status_code == 200
    assert counted.count <= 12, counted.statements  # the login check included
    assert not [s for s in counted.statements if s.lstrip().upper().startswith(WRITES)]
    html = response.get_data(as_text=True)
    assert "De cijfers tot en met 14 april 2026 komen uit de nachtelijke telling" in html
    assert len(expected) == 8
    for key, table in expected.items():
        assert page_cells(html, key) == table["page"], key
        download = client.get(f"/rapportage/tabellen/{key}.csv?{PERIOD}")
        rows = list(csv.reader(io.StringIO(download.get_data().decode("utf-8-sig")), delimiter=";"))
        assert rows == [table["header"], *table["csv"]], key


def test_filtered_pages_agree_with_the_live_count_too(app, client, login, world):
    start = date(2026, 3, 1)
    by_programme = live_tables(app, start, TODAY, programme_id=world["programme_id"])
    by_theme = live_tables(app, start, TODAY, theme_id=world["theme_id"])
    with app.app_context():
        roll_up(now=NOW)
        login(client, factories.make_user("admin"))
    for choice, expected in ((f"programma={world['programme_id']}", by_programme),
                             (f"thema={world['theme_id']}", by_theme)):
        html = client.get(f"/rapportage?van=2026-03-01&tot=2026-04-15&{choice}").get_data(as_text=True)
        for key, table in expected.items():
            assert page_cells(html, key) == table["page"], (choice, key)


def test_without_roll_ups_the_page_counts_everything_live(app, client, login, world):
    expected = live_tables(app, date(2026, 3, 20), TODAY)
    with app.app_context():
        login(client, factories.make_user("adviser"))
    html = client.get(f"/rapportage?{PERIOD}").get_data(as_text=True)
    assert "nachtelijke telling" not in html
    for key, table in expected.items():
        assert page_cells(html, key) == table["page"], key


def test_the_rollup_command_for_cron(app, runner, world):
    now = "--now=2026-04-15T10:00"
    result = runner.invoke(args=["reports", "rollup", now])
    assert result.exit_code == 0, result.output
    assert "43 day(s) rolled up, 2026-03-03 to 2026-04-14" in result.output
    assert "Nothing to roll up" in runner.invoke(args=["reports", "rollup", "--now=2026-04-15T10:30"]).output
    result = runner.invoke(args=["reports", "rollup", "--days", "3", "--now=2026-04-15T11:00"])
    assert "3 day(s) rolled up, 2026-04-12 to 2026-04-14" in result.output
    result = runner.invoke(args=["reports", "rollup", "--rebuild", "--now=2026-04-15T11:30"])
    assert "43 day(s) rolled up" in result.output
    assert runner.invoke(args=["reports", "rollup", "--rebuild", "--days", "2"]).exit_code == 2
    assert runner.invoke(args=["reports", "rollup", "--now", "gisteren"]).exit_code == 2
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ReportRolledDay)) == 43
        runs = db.session.scalars(select(ReportRollupRun).order_by(ReportRollupRun.id)).all()
        assert [run.days for run in runs] == [43, 0, 3, 43]
        assert all(run.finished_at is not None for run in runs)
        assert runs[2].first_day == TODAY - timedelta(days=3)
