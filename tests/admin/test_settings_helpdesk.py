"""The helpdesk part of the settings page: working-day targets and the hourly rate, audited."""

import re

import pytest
from sqlalchemy import select

from servicecentrum.admin.settings import get_setting
from servicecentrum.audit.models import AuditEvent
from servicecentrum.extensions import db
from tests import factories

URL = "/beheer/instellingen/helpdesk"
VALID = {"sla_basic_first_response_days": "2", "sla_basic_resolution_days": "10",
         "sla_additional_first_response_days": "1", "sla_additional_resolution_days": "20",
         "helpdesk_hourly_rate": "95,00"}


@pytest.fixture
def admin_client(app, client, login):
    with app.app_context():
        login(client, factories.make_user(role="admin"))
    return client


def _value(page: str, name: str) -> str:
    match = re.search(rf'<input [^>]*name="{name}"[^>]*value="([^"]*)"', page)
    assert match, name
    return match.group(1)


def _changes(app):
    with app.app_context():
        events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "setting_changed")
                                    .order_by(AuditEvent.id))
        return [(e.details["setting"], e.details["old"], e.details["new"]) for e in events]


def test_the_page_shows_the_current_targets_and_rate(admin_client):
    page = admin_client.get("/beheer/instellingen").get_data(as_text=True)
    for name, value in VALID.items():
        assert _value(page, name) == value
    assert "Basis: eerste reactie binnen (werkdagen)" in page


def test_an_admin_changes_targets_and_rate_and_each_change_is_audited(app, admin_client, post_form):
    data = {**VALID, "sla_basic_first_response_days": " 3 ", "sla_additional_resolution_days": "15",
            "helpdesk_hourly_rate": "€ 110,5"}
    response = post_form(admin_client, URL, data, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "De instellingen van de helpdesk zijn opgeslagen." in page
    assert _value(page, "helpdesk_hourly_rate") == "110,50"
    assert _value(page, "sla_basic_first_response_days") == "3"
    with app.app_context():
        assert get_setting("sla_basic_first_response_days") == 3
        assert get_setting("sla_additional_resolution_days") == 15
        assert get_setting("helpdesk_hourly_rate_cents") == 11050
        assert get_setting("sla_basic_resolution_days") == 10
    assert _changes(app) == [("sla_basic_first_response_days", 2, 3),
                             ("sla_additional_resolution_days", 20, 15),
                             ("helpdesk_hourly_rate_cents", 9500, 11050)]
    response = post_form(admin_client, URL, {**data, "helpdesk_hourly_rate": "110.50"}, follow_redirects=True)
    assert "Er was niets veranderd." in response.get_data(as_text=True)
    assert len(_changes(app)) == 3


@pytest.mark.parametrize(("field", "value", "message"), [
    ("sla_basic_first_response_days", "0", "Kies een heel aantal werkdagen van 1 tot en met 60."),
    ("sla_basic_resolution_days", "61", "Kies een heel aantal werkdagen van 1 tot en met 60."),
    ("sla_additional_first_response_days", "1,5", "Kies een heel aantal werkdagen van 1 tot en met 60."),
    ("sla_additional_resolution_days", "twintig", "Kies een heel aantal werkdagen van 1 tot en met 60."),
    ("sla_basic_first_response_days", "", "Vul een aantal werkdagen in."),
    ("sla_basic_first_response_days", "11", "De termijn voor oplossen kan niet korter zijn dan die voor de "
                                            "eerste reactie."),
    ("helpdesk_hourly_rate", "", "Vul het uurtarief in, bijvoorbeeld 95,00."),
    ("helpdesk_hourly_rate", "negentig", "Vul het uurtarief in euro's in, bijvoorbeeld 95,00."),
    ("helpdesk_hourly_rate", "95,000", "Vul het uurtarief in euro's in, bijvoorbeeld 95,00."),
    ("helpdesk_hourly_rate", "-10", "Vul het uurtarief in euro's in, bijvoorbeeld 95,00."),
    ("helpdesk_hourly_rate", "0,00", "Het uurtarief ligt tussen € 0,01 en € 1.000,00."),
    ("helpdesk_hourly_rate", "1000,01", "Het uurtarief ligt tussen € 0,01 en € 1.000,00."),
])
def test_wrong_values_are_refused_in_dutch_and_keep_what_was_typed(app, admin_client, post_form,
                                                                   field, value, message):
    response = post_form(admin_client, URL, {**VALID, field: value})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in page
    assert _value(page, field) == value
    assert 'name="mfa_required_for_all"' in page  # the rest of the page is still there
    assert _changes(app) == []


def test_advisers_cannot_change_helpdesk_settings(app, client, login, post_form):
    with app.app_context():
        login(client, factories.make_user(role="adviser"))
    assert post_form(client, URL, {**VALID, "helpdesk_hourly_rate": "1,00"}).status_code == 403
    assert _changes(app) == []


def test_a_new_ticket_gets_due_dates_from_the_changed_targets(app, admin_client, post_form):
    post_form(admin_client, URL, {**VALID, "sla_basic_first_response_days": "5"})
    with app.app_context():
        ticket = factories.make_ticket()
        from servicecentrum.helpdesk.sla import add_working_days, local_date

        assert ticket.first_response_due == add_working_days(local_date(ticket.created_at), 5)
