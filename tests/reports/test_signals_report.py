"""The signals report for the ministry: small groups hidden, merged or withheld; CSV; audit; access."""

import csv
import html
import io
import re
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from servicecentrum import tallies
from servicecentrum.admin.audit_labels import action_label
from servicecentrum.admin.settings import set_setting
from servicecentrum.audit.models import AuditEvent
from servicecentrum.extensions import db
from servicecentrum.reports import signals_report
from servicecentrum.reports.tables import Filters
from servicecentrum.signals.models import Signal
from tests import factories

PERIOD = "van=2026-07-01&tot=2026-09-30"
URL = f"/rapportage/signalen?{PERIOD}"
CSV_URL = f"/rapportage/signalen.csv?{PERIOD}"
IN_PERIOD = datetime(2026, 8, 12, 10, 0, tzinfo=UTC)


def _orgs(n, name=None):
    return [factories.make_organisation(**({"name": f"{name} {i}"} if name else {})).id for i in range(n)]


def _signal(theme_id, organisation_id, region, description, created_at=IN_PERIOD):
    db.session.add(Signal(source_type="ticket", theme_id=theme_id, organisation_id=organisation_id,
                          region=region, description=description, created_at=created_at))
    db.session.commit()


def _build(theme_id=None):
    return signals_report.build(Filters(date(2026, 7, 1), date(2026, 9, 30), theme_id=theme_id))


def _table(report):
    """The shown rows as (theme, region, signals, organisations, descriptions), and the withheld themes."""
    rows = [(s.theme, g.region, g.signals, g.organisations, g.descriptions)
            for s in report.sections for g in s.groups]
    return rows, [s.theme for s in report.sections if s.withheld]


@pytest.fixture
def staff(app, client, login):
    with app.app_context():
        login(client, factories.make_user(role="adviser"))
    return client


def test_a_region_with_signals_from_two_organisations_is_hidden_and_with_three_shown(app_ctx):
    theme = factories.make_theme(name="Onderwijs").id
    a, b, c = _orgs(3)
    _signal(theme, a, "Utrecht", "Scholen zien meer taalachterstand bij nieuwkomers.")
    _signal(theme, b, "Utrecht", "Wachtlijsten voor schakelklassen lopen op.")
    _signal(theme, b, "Utrecht", "Ouders vinden de weg naar voorschoolse educatie moeilijk.")
    rows, withheld = _table(_build())
    assert rows == [] and withheld == ["Onderwijs"]

    _signal(theme, c, "Utrecht", "Gemeenten missen tolken bij oudergesprekken.")
    rows, withheld = _table(_build())
    assert rows == [("Onderwijs", "Utrecht", 4, 3, [
        "Scholen zien meer taalachterstand bij nieuwkomers.", "Wachtlijsten voor schakelklassen lopen op.",
        "Ouders vinden de weg naar voorschoolse educatie moeilijk.",
        "Gemeenten missen tolken bij oudergesprekken."])]
    assert withheld == []


def test_the_threshold_setting_takes_effect(app_ctx):
    theme = factories.make_theme(name="Werk").id
    a, b = _orgs(2)
    _signal(theme, a, "Zeeland", "Werkgevers vragen om begeleiding op de werkvloer.")
    _signal(theme, b, "Zeeland", "Statushouders vinden lastig een stageplek.")
    assert _table(_build())[0] == []
    admin = factories.make_user(role="admin")
    set_setting("signals_min_organisations", 2, admin)
    report = _build()
    assert report.threshold == 2
    assert [row[:4] for row in _table(report)[0]] == [("Werk", "Zeeland", 2, 2)]
    set_setting("signals_min_organisations", 4, admin)
    assert _table(_build())[0] == []


def test_hidden_regions_of_a_theme_are_merged_when_they_reach_the_threshold_together(app_ctx):
    theme = factories.make_theme(name="Inburgering").id
    a, b, c, d = _orgs(4)
    for org in (a, b, c):
        _signal(theme, org, "Utrecht", f"Zichtbaar signaal van organisatie {org} over inburgering.")
    _signal(theme, a, "Drenthe", "Taalaanbod in kleine kernen ontbreekt vaak.")
    _signal(theme, b, "Limburg", "Inburgeraars reizen ver naar de taalschool.")
    _signal(theme, d, None, "Onbekende herkomst, maar wel een signaal over inburgering.")
    rows, withheld = _table(_build())
    assert [row[:4] for row in rows] == [("Inburgering", "Utrecht", 3, 3),
                                        ("Inburgering", "Overige regio's (samengevoegd)", 3, 3)]
    assert rows[1][4] == ["Taalaanbod in kleine kernen ontbreekt vaak.",
                          "Inburgeraars reizen ver naar de taalschool.",
                          "Onbekende herkomst, maar wel een signaal over inburgering."]
    assert withheld == []


def test_the_merged_group_counts_distinct_organisations_not_the_sum_of_its_regions(app_ctx):
    theme = factories.make_theme(name="Wonen en wijken").id
    a, b = _orgs(2)
    # Three hidden regions of one organisation each: summed that is 3, but only 2 organisations.
    _signal(theme, a, "Drenthe", "Spanningen in een wijk na de komst van een azc.")
    _signal(theme, a, "Friesland", "Huisvesting van statushouders loopt vast.")
    _signal(theme, b, "Limburg", "Buurtbewoners willen vaker betrokken worden.")
    rows, withheld = _table(_build())
    assert rows == [] and withheld == ["Wonen en wijken"]


def test_signals_without_organisation_add_no_organisation_and_without_region_are_unknown(app_ctx):
    theme = factories.make_theme(name="Jeugd en veiligheid").id
    a, b, c = _orgs(3)
    _signal(theme, a, "Utrecht", "Jongerenwerkers signaleren meer groepsvorming.")
    _signal(theme, b, "Utrecht", "Scholen vragen om een gezamenlijk veiligheidsplan.")
    _signal(theme, None, "Utrecht", "Een signaal van een inmiddels verwijderde organisatie.")
    for org in (a, b, c):
        _signal(theme, org, "" if org == b else None, f"Signaal zonder regio van organisatie {org}.")
    rows, withheld = _table(_build())
    assert [row[:4] for row in rows] == [("Jeugd en veiligheid", "Onbekende regio", 3, 3)]
    assert withheld == ["Jeugd en veiligheid"]


def test_the_period_is_in_amsterdam_dates_and_the_theme_filter_applies(app_ctx):
    theme, other = factories.make_theme(name="Discriminatie").id, factories.make_theme(name="Religie").id
    orgs = _orgs(3)
    # 1 July 00:30 in Amsterdam is 30 June 22:30 UTC: in; 1 October 00:30 Amsterdam: out.
    for org in orgs:
        _signal(theme, org, "Gelderland", f"Vroeg signaal {org}.", datetime(2026, 6, 30, 22, 30, tzinfo=UTC))
        _signal(theme, org, "Gelderland", f"Te laat {org}.", datetime(2026, 9, 30, 22, 30, tzinfo=UTC))
        _signal(other, org, "Gelderland", f"Ander thema {org}.")
    assert [row[:4] for row in _table(_build())[0]] == [("Discriminatie", "Gelderland", 3, 3),
                                                       ("Religie", "Gelderland", 3, 3)]
    rows = _table(_build(theme_id=theme))[0]
    assert [row[:4] for row in rows] == [("Discriminatie", "Gelderland", 3, 3)]
    assert all(text.startswith("Vroeg") for text in rows[0][4])


def test_the_last_full_quarter_is_the_default():
    assert signals_report.last_full_quarter(date(2026, 11, 29)) == (date(2026, 7, 1), date(2026, 9, 30))
    assert signals_report.last_full_quarter(date(2026, 1, 1)) == (date(2025, 10, 1), date(2025, 12, 31))
    assert signals_report.last_full_quarter(date(2026, 6, 30)) == (date(2026, 1, 1), date(2026, 3, 31))


def _differencing_data(app):
    """Theme with a shown region (3 organisations, 4 signals) and one hidden (1 organisation, 2 signals)."""
    with app.app_context():
        theme = factories.make_theme(name="Participatie en zorg").id
        a, b, c = _orgs(3, "Gemeente Geheimstad")
        for org in (a, b, c):
            _signal(theme, org, "Utrecht", f"Wmo-loket signaal van nummer {org % 7}.")
        _signal(theme, a, "Utrecht", "Mantelzorgers met een migratieachtergrond vinden het loket niet.")
        _signal(theme, a, "Groningen", "VERBORGEN beschrijving die niet getoond mag worden.")
        _signal(theme, a, "Groningen", "VERBORGEN tweede beschrijving.")


def test_no_theme_total_includes_hidden_groups_so_nothing_can_be_subtracted(app, staff):
    _differencing_data(app)
    page = html.unescape(staff.get(URL).get_data(as_text=True))
    assert "VERBORGEN" not in page and "Groningen" not in page
    # No total 6, no other cells.
    assert re.findall(r'<td class="numeric"[^>]*>(\d+)</td>', page) == ["4", "3"]
    assert "Totaal" not in page
    assert "Signalen uit regio's met minder dan 3 organisaties zijn niet getoond" in page
    main = page.split('<main', 1)[1].split("</main>", 1)[0]
    assert "Gemeente Geheimstad" not in main and not re.search(r"/(helpdesk|vragen)/\d", main)
    body = staff.get(CSV_URL).get_data().decode("utf-8-sig")
    assert "VERBORGEN" not in body and "Groningen" not in body and ";6;" not in body
    assert "Gemeente Geheimstad" not in body


def _page_rows(page: str):
    page = html.unescape(page)
    rows = []
    for section in re.findall(r"<section class=\"signals-theme\".*?</section>", page, re.S):
        theme = re.search(r"<h2[^>]*>(.*?)</h2>", section).group(1)
        for region, signals, orgs, items in re.findall(
                r'<th scope="row">(.*?)</th>\s*<td class="numeric"[^>]*>(\d+)</td>\s*'
                r'<td class="numeric"[^>]*>(\d+)</td>\s*<td[^>]*><ul[^>]*>(.*?)</ul></td>', section, re.S):
            rows.append([theme, region, signals, orgs, ""])
            rows.extend([theme, region, "", "", text] for text in re.findall(r"<li>(.*?)</li>", items, re.S))
        note = re.search(r'<p class="muted">(Signalen uit regio.*?)</p>', section)
        if note:
            rows.append([theme, "", "", "", note.group(1)])
    return rows


def test_the_csv_holds_exactly_the_rows_and_descriptions_of_the_page(app, staff):
    _differencing_data(app)
    with app.app_context():
        theme = factories.make_theme(name="Immigratie").id
        orgs = _orgs(3)
        for org, region in zip(orgs, ("Drenthe", "Friesland", "Limburg"), strict=True):
            _signal(theme, org, region, f"=Samengevoegd signaal uit {region}.")
    page_rows = _page_rows(staff.get(URL).get_data(as_text=True))
    response = staff.get(CSV_URL)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert 'filename="signalen-2026-07-01-2026-09-30.csv"' in response.headers["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig")), delimiter=";"))
    assert lines[0] == ["Thema", "Regio", "Signalen", "Organisaties", "Beschrijving"]
    # A description that starts like a formula is defused in the CSV (and shown as it is on the page).
    csv_rows = [[cell.removeprefix("'") for cell in row] for row in lines[1:]]
    assert csv_rows == page_rows
    assert [r[:4] for r in page_rows if r[2]] == [["Immigratie", "Overige regio's (samengevoegd)", "3", "3"],
                                                  ["Participatie en zorg", "Utrecht", "4", "3"]]
    assert len(page_rows) == 1 + 3 + 1 + 4 + 1


def _events(app):
    tallies.flush(app)  # the report page only read; its audit events are written in batches
    with app.app_context():
        query = select(AuditEvent).where(AuditEvent.action == "signals_report_generated")
        return [(e.actor_id, e.details) for e in db.session.scalars(query.order_by(AuditEvent.id))]


def test_generating_the_page_or_the_csv_is_audited(app, client, login):
    _differencing_data(app)
    with app.app_context():
        adviser = factories.make_user(role="adviser").id
        login(client, adviser)
    assert client.get(URL).status_code == 200
    assert client.get(CSV_URL).status_code == 200
    assert client.get("/rapportage/signalen?van=morgen").status_code == 422  # not generated: not audited
    expected = {"start": "2026-07-01", "end": "2026-09-30", "rows": 1, "theme_id": None}
    assert _events(app) == [(adviser, {**expected, "output": "page"}),
                            (adviser, {**expected, "output": "csv"})]
    with app.app_context():
        assert action_label("signals_report_generated") == "Signalenrapportage gemaakt"


@pytest.mark.parametrize(("role", "status"), [("officer", 403), ("adviser", 200), ("admin", 200)])
def test_only_staff_see_the_report(app, client, login, role, status):
    with app.app_context():
        login(client, factories.make_user(role=role))
    assert client.get(URL).status_code == status
    assert client.get(CSV_URL).status_code == status


def test_anonymous_visitors_do_not_get_the_report(client):
    for url in (URL, CSV_URL):
        assert client.get(url).status_code in (302, 401, 403)


@pytest.mark.parametrize(("query", "message"), [
    ("van=morgen&tot=2026-09-30", "Vul een geldige datum in"),
    ("van=2026-09-30&tot=2026-07-01", "De einddatum ligt vóór de begindatum."),
    ("van=2026-02-30", "Vul een geldige datum in"),
    ("van=2000-01-01&tot=2026-01-01", "Kies een periode van hoogstens vijf jaar."),
    ("thema=999999", "Kies een thema uit de lijst."),
])
def test_bad_filters_get_a_dutch_message_and_422(app, staff, query, message):
    for url in ("/rapportage/signalen", "/rapportage/signalen.csv"):
        response = staff.get(f"{url}?{query}")
        assert response.status_code == 422
        assert message in html.unescape(response.get_data(as_text=True))
    assert _events(app) == []


def test_without_filters_the_page_shows_the_last_full_quarter(app, staff, monkeypatch):
    from servicecentrum.reports import signals_views

    monkeypatch.setattr(signals_views, "today", lambda: date(2026, 11, 29))
    page = staff.get("/rapportage/signalen").get_data(as_text=True)
    assert "van 1 juli 2026 tot en met 30 september 2026" in page
    assert 'value="2026-07-01"' in page and 'value="2026-09-30"' in page
    assert "Gebruik de afdrukfunctie van uw browser".lower() in page.lower()


def _add_rounds(app, rounds: int, themes=None):
    """Same shape at any size: a shown region, hidden regions that merge, a withheld theme (7 a round)."""
    with app.app_context():
        if themes is None:
            themes = (factories.make_theme().id, factories.make_theme().id, _orgs(4))
        shown, withheld, orgs = themes
        signals = []
        for i in range(rounds):
            for j, org in enumerate(orgs[:3]):
                common = {"source_type": "ticket", "theme_id": shown, "organisation_id": org,
                          "created_at": IN_PERIOD}
                signals.append(Signal(region="Utrecht", description=f"Signaal {i}-{j}.", **common))
                signals.append(Signal(region=f"Regio {j}", description=f"Klein {i}-{j}.", **common))
            signals.append(Signal(source_type="question", theme_id=withheld, organisation_id=orgs[3],
                                  region="Zeeland", description=f"Alleen {i}.", created_at=IN_PERIOD))
        db.session.add_all(signals)
        db.session.commit()
        return themes


def _count(count_queries, client, url):
    with count_queries() as queries:
        assert client.get(url).status_code == 200
    return queries.count


def test_the_number_of_queries_does_not_grow_with_the_data(app, staff, count_queries):
    themes = _add_rounds(app, 1)  # 7 signals
    _count(count_queries, staff, URL)  # the first request of a process also loads the site settings
    small = (_count(count_queries, staff, URL), _count(count_queries, staff, CSV_URL))
    _add_rounds(app, 28, themes)  # 203 signals
    large = (_count(count_queries, staff, URL), _count(count_queries, staff, CSV_URL))
    assert small == large
    with app.app_context():
        report = _build()
        assert [(g.region, g.signals, g.organisations) for s in report.sections for g in s.groups] == [
            ("Utrecht", 87, 3), ("Overige regio's (samengevoegd)", 87, 3)]
        assert [s.withheld for s in report.sections] == [False, True]
