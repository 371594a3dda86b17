"""The notification bell, from an adviser's reply to the officer's unread count to read, at two widths."""

import pytest
from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.helpdesk import services as helpdesk
from tests import factories

from .conftest import assert_accessible, csp_violations, login_as, make_member

SUBJECT = "Taalcafés voor statushouders in de wijk"


def _ticket_with_reply(live_server, officer_email: str) -> int:
    """An officer's ticket that their adviser answered through the helpdesk service."""
    with live_server.app.app_context():
        officer = db.session.scalar(select(factories.User).where(factories.User.email == officer_email))
        adviser = factories.make_user("adviser", name="Anna Adviseur")
        programme = factories.make_programme(advisers=[adviser], name="Sociale Cohesie")
        ticket = factories.make_ticket(requester=officer, programme=programme, assignee=adviser,
                                       subject=SUBJECT)
        helpdesk.add_message(ticket, adviser, "Begin met vrijwilligers uit de bibliotheek.")
        helpdesk.add_message(ticket, adviser, "Intern: nog even bellen.", kind="note")  # never notifies
        return ticket.id


@pytest.mark.parametrize("width", [1280, 390])
def test_an_advisers_reply_reaches_the_officers_bell_and_is_read_on_opening(live_server, page, width):
    page.set_viewport_size({"width": width, "height": 900 if width > 800 else 844})
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    officer_email, password = make_member(live_server, role="officer", name="Olaf Ambtenaar")
    ticket_id = _ticket_with_reply(live_server, officer_email)
    login_as(page, live_server, officer_email, password)

    bell = page.get_by_role("link", name="Meldingen, 1 ongelezen")
    assert bell.is_visible()
    assert bell.locator(".bell__count").inner_text() == "1"
    with page.expect_navigation():
        bell.click()
    assert page.url == f"{live_server.url}/meldingen"
    assert page.get_by_role("heading", name="Vandaag").is_visible()
    item = page.locator(".notification--unread")
    assert item.count() == 1 and "Ongelezen" in item.inner_text() and SUBJECT in item.inner_text()
    assert_accessible(page)

    with page.expect_navigation():
        item.get_by_role("button").click()
    assert page.url == f"{live_server.url}/helpdesk/{ticket_id}"
    assert page.get_by_role("link", name="Meldingen, geen ongelezen").count() == 1
    assert page.locator(".bell__count").count() == 0

    page.goto(f"{live_server.url}/meldingen")
    assert page.locator(".notification--unread").count() == 0
    page.goto(f"{live_server.url}/account/meldingen")
    assert page.get_by_role("group", name="Antwoorden op uw helpdeskvragen").is_visible()
    assert_accessible(page)
    page.get_by_role("group", name="Antwoorden op uw helpdeskvragen").get_by_label(
        "Alleen in Servicecentrum").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Keuzes opslaan").click()
    assert "opgeslagen" in page.locator(".flashes").inner_text()
    assert page.get_by_role("group", name="Antwoorden op uw helpdeskvragen").get_by_label(
        "Alleen in Servicecentrum").is_checked()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert not csp_violations(messages)


def test_opening_a_question_marks_its_notifications_read_in_the_background(live_server, page):
    from tests.forum.test_notify_helpers import make_answer, make_question

    officer_email, password = make_member(live_server, role="officer")
    with live_server.app.app_context():
        from servicecentrum.forum import notify

        officer = db.session.scalar(select(factories.User).where(factories.User.email == officer_email))
        question = make_question(author=officer, title="Hoe organiseren jullie taalcafés?")
        notify.posted(question)  # the asker follows their question
        notify.question_answered(make_answer(question))
        question_id = question.id
    login_as(page, live_server, officer_email, password)
    assert page.get_by_role("link", name="Meldingen, 1 ongelezen").count() == 1
    with page.expect_response(lambda r: r.url.endswith("/meldingen/onderwerp")):
        page.goto(f"{live_server.url}/vragen/{question_id}")
    page.get_by_role("link", name="Meldingen, geen ongelezen").wait_for()
    assert page.get_by_role("button", name="Markeer als gelezen").is_hidden()
    page.reload()
    assert page.get_by_role("link", name="Meldingen, geen ongelezen").count() == 1
