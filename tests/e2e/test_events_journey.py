"""Issue 7's journey in a real browser: a member registers (the confirmation with the .ics is in
the outbox), a second member is waitlisted, the first cancels, and the second gets the offer
and accepts it. Every page on the way passes axe-core."""

from sqlalchemy import select

from servicecentrum.events.models import EventQuestion, Registration
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from tests import factories

from .conftest import assert_accessible, csp_violations, login_as, make_member

TITLE = "Kennisatelier: taalcoaches werven en vasthouden"


def _mails(live_server, address):
    with live_server.app.app_context():
        return [(m.subject, m.attachments) for m in db.session.scalars(
            select(OutboxMail).where(OutboxMail.to_address == address).order_by(OutboxMail.id))]


def _browser_page(browser, live_server, email, password, console):
    context = browser.new_context(locale="nl-NL")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.on("console", lambda message: console.append(message.text))
    login_as(page, live_server, email, password)
    return page


def test_register_cancel_and_the_waitlist_gets_the_seat(live_server, browser):
    base = live_server.url
    first_email, password = make_member(live_server)
    second_email, _ = make_member(live_server)
    with live_server.app.app_context():
        event = factories.make_event(title=TITLE, capacity=1)
        event.questions = [EventQuestion(purpose="registration", position=1, label="Wat wilt u vooral leren?",
                                         required=True, choices="")]
        db.session.commit()
        event_url = f"{base}/bijeenkomsten/{event.id}"
    console: list[str] = []

    first = _browser_page(browser, live_server, first_email, password, console)
    first.goto(f"{base}/bijeenkomsten")
    assert TITLE in first.content()
    assert_accessible(first)
    first.goto(event_url)
    assert "nog 1 vrij" in first.content()
    with first.expect_navigation():
        first.get_by_role("button", name="Aanmelden").click()
    assert first.get_by_text("Er is een probleem").count() == 1  # the required question
    assert_accessible(first)
    first.get_by_label("Wat wilt u vooral leren?").fill("Hoe we vrijwilligers langer houden.")
    with first.expect_navigation():
        first.get_by_role("button", name="Aanmelden").click()
    assert "Aangemeld" in first.content()
    assert_accessible(first)
    confirmation = _mails(live_server, first_email)
    assert confirmation[0][0] == f"Aanmelding bevestigd: {TITLE}"
    assert confirmation[0][1][0]["content_type"] == "text/calendar"
    assert "BEGIN:VEVENT" in confirmation[0][1][0]["content"]

    second = _browser_page(browser, live_server, second_email, password, console)
    second.goto(event_url)
    second.get_by_label("Wat wilt u vooral leren?").fill("Werving via de bibliotheek.")
    with second.expect_navigation():
        second.get_by_role("button", name="Op de wachtlijst").click()
    assert "Op de wachtlijst" in second.content()
    assert_accessible(second)

    first.goto(event_url)
    with first.expect_navigation():
        first.get_by_role("button", name="Afmelden").click()
    assert "Afgemeld" in first.content()

    subjects = [subject for subject, _attachments in _mails(live_server, second_email)]
    assert f"Er is een plaats voor u vrij: {TITLE}" in subjects
    with live_server.app.app_context():
        offer = db.session.scalar(select(Registration).where(Registration.status == "offered"))
        offer_url = f"{base}/bijeenkomsten/aanbod/{offer.id}"
    second.goto(offer_url)
    assert_accessible(second)
    with second.expect_navigation():
        second.get_by_role("button", name="Plaats aannemen").click()
    assert "Aangemeld" in second.content()
    assert_accessible(second)
    with live_server.app.app_context():
        statuses = sorted(r.status for r in db.session.scalars(select(Registration)))
        assert statuses == ["cancelled", "confirmed"]
    assert csp_violations(console) == []
