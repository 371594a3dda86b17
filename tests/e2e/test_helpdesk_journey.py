"""Issue 6's journey in a real browser: an officer files a ticket, the routing rules send it to
the right programme, its adviser answers with a canned reply and resolves it, and the officer
rates the help once. Every page on the way passes axe-core."""

from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.helpdesk.models import CannedReply, RoutingRule, Ticket
from servicecentrum.surveys.models import SurveyResponse
from tests import factories

from .conftest import assert_accessible, csp_violations, login_as, make_member

SUBJECT = "Inburgering van statushouders in kleine kernen"
CANNED = "Wij sturen u binnen twee dagen drie voorbeelden van gemeenten met kleine kernen."


def _setup(live_server):
    adviser_email, password = make_member(live_server, role="adviser", name="Fatima Adviseur")
    with live_server.app.app_context():
        adviser = db.session.scalar(select(factories.User).where(factories.User.email == adviser_email))
        factories.make_programme(slug="servicecentrum-integratiebeleid",
                                 name="Servicecentrum Integratiebeleid")
        education = factories.make_programme(slug="onderwijs-en-inburgering", name="Onderwijs en Inburgering",
                                             advisers=[adviser])
        factories.make_theme(name="Inburgering")
        db.session.add(RoutingRule(name="Inburgering", position=1, keywords="inburgering, taaleis",
                                   programme=education))
        db.session.add(CannedReply(programme=education, title="Voorbeelden volgen", body=CANNED))
        db.session.commit()
    return adviser_email, password


def test_file_route_canned_reply_and_survey(live_server, browser):
    base = live_server.url
    adviser_email, password = _setup(live_server)
    officer_email, _ = make_member(live_server, role="officer")

    officer_context = browser.new_context(locale="nl-NL")
    officer_context.set_default_timeout(10_000)
    officer = officer_context.new_page()
    console: list[str] = []
    officer.on("console", lambda message: console.append(message.text))
    login_as(officer, live_server, officer_email, password)
    officer.goto(f"{base}/helpdesk/nieuw")
    assert_accessible(officer)
    with officer.expect_navigation():
        officer.get_by_role("button", name="Vraag versturen").click()
    assert officer.get_by_text("Er is een probleem").count() == 1  # empty form: errors, no ticket
    assert_accessible(officer)
    officer.get_by_label("Onderwerp").fill(SUBJECT)
    officer.get_by_label("Uw vraag").fill("Hoe organiseren andere gemeenten de taallessen dichtbij?")
    officer.get_by_label("Thema").select_option(label="Inburgering")
    with officer.expect_navigation():
        officer.get_by_role("button", name="Vraag versturen").click()
    assert officer.locator("h1").inner_text() == SUBJECT
    assert "Onderwijs en Inburgering" in officer.content()
    ticket_url = officer.url
    assert_accessible(officer)

    with live_server.app.app_context():
        ticket = db.session.scalar(select(Ticket).where(Ticket.subject == SUBJECT))
        assert ticket.programme.name == "Onderwijs en Inburgering"
        assert "Inburgering" in ticket.routing_note

    adviser_context = browser.new_context(locale="nl-NL")
    adviser_context.set_default_timeout(10_000)
    adviser = adviser_context.new_page()
    login_as(adviser, live_server, adviser_email, password)
    adviser.goto(f"{base}/helpdesk/wachtrij")
    assert SUBJECT in adviser.content()
    assert_accessible(adviser)
    adviser.goto(ticket_url)
    adviser.get_by_label("Standaardantwoord").select_option(label="Voorbeelden volgen")
    adviser.get_by_role("button", name="Invoegen").click()  # inserted in place, no reload
    assert CANNED in adviser.get_by_label("Uw bericht").input_value()
    adviser.get_by_label("Status na verzenden").select_option(label="Opgelost")
    with adviser.expect_navigation():
        adviser.get_by_role("button", name="Verzenden").click()
    assert_accessible(adviser)

    officer.goto(ticket_url)
    assert CANNED in officer.content()
    with officer.expect_navigation():
        officer.get_by_role("link", name="Beoordeel de afhandeling").click()
    assert_accessible(officer)
    with officer.expect_navigation():  # no rating chosen: a clear error
        officer.get_by_role("button", name="Beoordeling versturen").click()
    assert officer.get_by_text("Er is een probleem").count() == 1
    assert_accessible(officer)
    officer.get_by_label("4 – tevreden").check()
    officer.get_by_label("Toelichting (niet verplicht)").fill("Snel en bruikbaar antwoord.")
    with officer.expect_navigation():
        officer.get_by_role("button", name="Beoordeling versturen").click()
    assert "Bedankt voor uw beoordeling." in officer.content()
    assert_accessible(officer)
    with live_server.app.app_context():
        responses = list(db.session.scalars(select(SurveyResponse)))
        assert [(r.rating, r.comment) for r in responses] == [(4, "Snel en bruikbaar antwoord.")]
    officer.goto(ticket_url.rstrip("/") + "/tevredenheid")
    assert "al beoordeeld" in officer.content()
    assert csp_violations(console) == []
