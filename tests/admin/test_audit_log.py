"""The audit log screen: filters, Dutch labels, Amsterdam time, and an export that is itself audited."""

import csv
import io
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from servicecentrum import tallies
from servicecentrum.audit.models import AuditEvent
from servicecentrum.audit.services import record
from servicecentrum.extensions import db
from tests import factories


def add_event(action, at, actor=None, target=None, ip_address="192.0.2.1", **details):
    event = record(action, actor=actor, target=target, ip_address=ip_address, **details)
    event.created_at = at
    db.session.commit()
    return event


@pytest.fixture
def log(app, client, login):
    """An admin logged in, and a small log spread over a few days."""
    with app.app_context():
        admin = factories.make_user(role="admin", name="Anna Beheer", email="anna@forum.test")
        sanne = factories.make_user(name="Sanne Jansen", email="sanne@utrecht.test")
        add_event("login_succeeded", datetime(2024, 3, 1, 9, 0, tzinfo=UTC), actor=sanne, target=sanne)
        add_event("login_failed", datetime(2024, 3, 2, 22, 30, tzinfo=UTC), email="niemand@x.test",
                  reason="unknown_email")
        add_event("role_changed", datetime(2024, 3, 3, 12, 0, tzinfo=UTC), actor=admin, target=sanne,
                  old="officer", new="adviser")
        add_event("account_created", datetime(2024, 3, 4, 12, 0, tzinfo=UTC), ip_address=None, via="cli")
        add_event("something_new", datetime(2024, 3, 5, 12, 0, tzinfo=UTC), actor=admin)
        login(client, admin.id)
    return client


def test_the_log_shows_dutch_actions_amsterdam_time_actor_target_ip_and_details(log):
    html = log.get("/beheer/audit").get_data(as_text=True)
    assert "Rol gewijzigd" in html and "Ingelogd" in html and "Inloggen mislukt" in html
    assert "something_new" in html  # an action without a label is shown as stored
    assert "Anna Beheer (anna@forum.test)" in html
    assert 'Sanne Jansen (sanne@utrecht.test)</a>' in html
    assert "bezoeker (niet ingelogd)" in html and "systeem" in html
    assert "192.0.2.1" in html
    assert '<del class="audit-old">Lid</del>' in html and '<ins class="audit-new">Adviseur</ins>' in html
    # 22:30 UTC on 2 March is 23:30 in Amsterdam (winter time).
    assert "2 maart 2024, 23:30" in html
    rows = html.split("<tbody>")[1]
    assert rows.index("something_new") < rows.index("Rol gewijzigd") < rows.index("Inloggen mislukt")


def test_the_log_filters_on_action_actor_and_amsterdam_dates(log):
    def shown(query: str) -> set[str]:
        html = log.get(f"/beheer/audit?{query}").get_data(as_text=True)
        rows = html.split("<tbody>")[1] if "<tbody>" in html else ""
        return {label for label in ("Ingelogd", "Inloggen mislukt", "Rol gewijzigd", "Account aangemaakt",
                                    "something_new") if f">{label}</td>" in rows}

    assert shown("action=role_changed") == {"Rol gewijzigd"}
    assert shown("actor=ANNA@forum.test") == {"Rol gewijzigd", "something_new"}
    assert shown("actor=onbekend@forum.test") == set()
    # 2 March 22:30 UTC falls on 2 March in Amsterdam; 1 March 09:00 UTC on 1 March.
    assert shown("van=2024-03-02&tot=2024-03-03") == {"Inloggen mislukt", "Rol gewijzigd"}
    assert shown("tot=2024-03-01") == {"Ingelogd"}


def test_the_action_filter_offers_the_actions_in_the_log(log):
    html = log.get("/beheer/audit").get_data(as_text=True)
    assert '<option value="role_changed">Rol gewijzigd</option>' in html
    assert '<option value="something_new">something_new</option>' in html
    assert 'value="account_disabled"' not in html


def test_a_period_that_ends_before_it_starts_gets_a_dutch_message(log):
    response = log.get("/beheer/audit?van=2024-03-05&tot=2024-03-01")
    assert response.status_code == 422
    assert "De einddatum ligt vóór de begindatum." in response.get_data(as_text=True)


def test_csv_export_holds_the_filtered_events_and_is_itself_audited(app, log):
    response = log.get("/beheer/audit.csv?action=role_changed")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["tijdstip", "wie", "handeling"]
    assert len(rows) == 2
    assert rows[1][0] == "2024-03-03T13:00:00+01:00"
    assert rows[1][1:4] == ["anna@forum.test", "role_changed", "Rol gewijzigd"]
    tallies.flush(app)  # the download only read; its audit event is written in the next batch
    with app.app_context():
        (export,) = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "audit_exported"))
        assert export.details["rows"] == 1 and export.details["action_filter"] == "role_changed"
        assert export.actor.email == "anna@forum.test" and export.ip_address == "127.0.0.1"


def test_csv_cells_that_look_like_formulas_are_defused(app, log):
    with app.app_context():
        sly = factories.make_user(email="=cmd|calc@evil.test")
        add_event("logout", datetime(2024, 3, 6, tzinfo=UTC), actor=sly)
    body = log.get("/beheer/audit.csv?action=logout").get_data().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert rows[1][1] == "'=cmd|calc@evil.test"
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


def test_the_log_never_shows_a_secret(app, log):
    html = log.get("/beheer/audit").get_data(as_text=True)
    assert factories.MFA_SECRET not in html and factories.PASSWORD not in html
