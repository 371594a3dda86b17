"""The report pages with charts and data pass axe-core, also with a filter error."""

from datetime import timedelta

from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from servicecentrum.helpdesk import services
from servicecentrum.signals.models import Signal
from servicecentrum.surveys.models import SurveyResponse
from tests import factories

from .conftest import assert_accessible, login_as, make_member


def _fill(live_server):
    with live_server.app.app_context():
        adviser = factories.make_user("adviser")
        programme = factories.make_programme(name="Sociale Cohesie", advisers=[adviser])
        theme = factories.make_theme(name="Participatie")
        for n in range(4):
            ticket = factories.make_ticket(programme=programme, subject=f"Vraag {n} over de wijk")
            services.add_message(ticket, adviser, "Ons antwoord.")
            services.change_status(ticket, adviser, "resolved")
            db.session.add(SurveyResponse(subject_type="ticket", subject_id=ticket.id, rating=4 + n % 2,
                                          respondent_id=ticket.requester_id, programme_id=programme.id))
        for n in range(3):
            organisation = factories.make_organisation(region="Gelderland")
            db.session.add(Signal(source_type="ticket", theme=theme, organisation_id=organisation.id,
                                  region="Gelderland",
                                  description=f"Wachtlijsten voor taalles nemen toe ({n}).",
                                  created_at=utcnow() - timedelta(days=1)))
        factories.make_event(starts_at=utcnow() - timedelta(days=3))
        db.session.commit()


def test_dashboard_and_signals_report_are_accessible(live_server, page):
    _fill(live_server)
    email, password = make_member(live_server, "adviser")
    login_as(page, live_server, email, password)
    page.goto(live_server.url + "/rapportage")
    assert page.locator("svg[role=img]").count() >= 2
    assert_accessible(page)
    page.goto(live_server.url + "/rapportage?van=2026-05-01&tot=2026-04-01")
    assert page.locator(".error-summary").is_visible()
    assert_accessible(page)
    today = utcnow().date()
    page.goto(f"{live_server.url}/rapportage/signalen?van={today - timedelta(days=30)}&tot={today}")
    assert "Wachtlijsten voor taalles" in page.content()
    assert_accessible(page)
