"""The admin's threshold of the signals report: shown, changed (audited), validated, and used."""

import html
import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from servicecentrum.admin.settings import get_setting
from servicecentrum.audit.models import AuditEvent
from servicecentrum.extensions import db
from servicecentrum.signals.models import Signal
from tests import factories

URL = "/beheer/instellingen/signalen"
REPORT = "/rapportage/signalen?van=2026-07-01&tot=2026-09-30"


@pytest.fixture
def admin_client(app, client, login):
    with app.app_context():
        login(client, factories.make_user(role="admin"))
    return client


def _value(page: str) -> str:
    match = re.search(r'<input [^>]*name="signals_min_organisations"[^>]*value="([^"]*)"', page)
    assert match
    return match.group(1)


def _changes(app):
    with app.app_context():
        events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "setting_changed"))
        return [(e.details["setting"], e.details["old"], e.details["new"]) for e in events]


def test_the_settings_page_shows_the_threshold(admin_client):
    page = admin_client.get("/beheer/instellingen").get_data(as_text=True)
    assert _value(page) == "3"
    assert "Minimum aantal organisaties per groep" in page
    assert 'id="signals-title"' in page


def test_an_admin_changes_the_threshold_and_it_is_audited_and_used(app, admin_client, post_form):
    with app.app_context():
        theme = factories.make_theme(name="Sociale cohesie").id
        for n in range(2):
            org = factories.make_organisation().id
            db.session.add(Signal(source_type="ticket", theme_id=theme, organisation_id=org,
                                  region="Flevoland", description=f"Buurtinitiatief {n} mist steun.",
                                  created_at=datetime(2026, 8, 1, 9, tzinfo=UTC)))
        db.session.commit()
    assert "Buurtinitiatief" not in admin_client.get(REPORT).get_data(as_text=True)

    response = post_form(admin_client, URL, {"signals_min_organisations": " 2 "}, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "De drempel van de signalenrapportage is opgeslagen." in page
    assert _value(page) == "2"
    with app.app_context():
        assert get_setting("signals_min_organisations") == 2
    assert _changes(app) == [("signals_min_organisations", 3, 2)]
    report = html.unescape(admin_client.get(REPORT).get_data(as_text=True))
    assert "Buurtinitiatief 0 mist steun." in report and "Flevoland" in report
    assert "ten minste 2 verschillende organisaties" in report

    response = post_form(admin_client, URL, {"signals_min_organisations": "2"}, follow_redirects=True)
    assert "Er was niets veranderd." in response.get_data(as_text=True)
    assert len(_changes(app)) == 1


@pytest.mark.parametrize("value", ["1", "21", "drie", "2,5", ""])
def test_a_threshold_outside_2_to_20_is_refused_and_kept(app, admin_client, post_form, value):
    response = post_form(admin_client, URL, {"signals_min_organisations": value})
    assert response.status_code == 422
    page = html.unescape(response.get_data(as_text=True))
    assert ("Kies een heel aantal organisaties van 2 tot en met 20." in page
            or "Vul een aantal organisaties in." in page)
    assert _value(page) == value
    with app.app_context():
        assert get_setting("signals_min_organisations") == 3
    assert _changes(app) == []


@pytest.mark.parametrize("role", ["officer", "adviser"])
def test_only_admins_change_the_threshold(app, client, login, post_form, role):
    with app.app_context():
        login(client, factories.make_user(role=role))
    response = post_form(client, URL, {"signals_min_organisations": "5"})
    assert response.status_code == 403
    with app.app_context():
        assert get_setting("signals_min_organisations") == 3


def test_a_post_without_csrf_token_is_refused(app, admin_client):
    response = admin_client.post(URL, data={"signals_min_organisations": "5"})
    assert response.status_code in (400, 422)
    with app.app_context():
        assert get_setting("signals_min_organisations") == 3
