"""The adviser's ticket workspace in Chromium: canned text without a reload, one submit for
reply + time + status, the sidebar beside or under the conversation, no sideways scroll."""

import re

import pytest

from servicecentrum.extensions import db
from servicecentrum.helpdesk.models import CannedReply
from tests import factories

from .conftest import assert_accessible, login_as, make_member

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def _seed(live_server, email):
    with live_server.app.app_context():
        me = db.session.scalar(db.select(factories.User).where(factories.User.email == email))
        programme = factories.make_programme(name="Sociale Cohesie", advisers=[me])
        organisation = factories.make_organisation(name="Gemeente Rivierstad")
        officer = factories.make_user("officer", name="Olga Officier", organisation=organisation,
                                      email="olga@rivierstad.test")
        ticket = factories.make_ticket(requester=officer, programme=programme, assignee=me,
                                       subject="Taalcafé in de bibliotheek opzetten",
                                       body="Hoe beginnen we een taalcafé met vrijwilligers?")
        factories.make_ticket(requester=officer, programme=programme, subject="Tweede vraag in de wachtrij")
        db.session.add(CannedReply(programme=programme, title="Verwijzing kennisatelier",
                                   body="Kom naar het kennisatelier over taal op 12 maart."))
        db.session.commit()
        return ticket.id


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_an_adviser_answers_with_canned_text_time_and_status_in_one_submit(live_server, page, size):
    email, password = make_member(live_server, "adviser", name="Anna Adviseur")
    ticket_id = _seed(live_server, email)
    page.set_viewport_size(WIDTHS[size])
    login_as(page, live_server, email, password)
    url = f"{live_server.url}/helpdesk/{ticket_id}"
    page.goto(url)
    assert_accessible(page)

    sidebar = page.locator("aside.workspace__sidebar")
    conversation = page.locator("#berichten")
    side_box, talk_box = sidebar.bounding_box(), conversation.bounding_box()
    if size == "phone":
        assert side_box["y"] > talk_box["y"] + talk_box["height"] - 1, "sidebar not under the conversation"
    else:
        assert side_box["x"] > talk_box["x"] + talk_box["width"] - 1, "sidebar not beside the conversation"

    page.evaluate("window.__sameDocument = true")
    text = page.get_by_label("Uw bericht")
    text.fill("Beste Olga,")
    page.get_by_label("Standaardantwoord").select_option(label="Verwijzing kennisatelier")
    page.get_by_role("button", name="Invoegen").click()
    assert "kennisatelier over taal" in text.input_value()
    assert text.input_value().startswith("Beste Olga,")
    assert page.evaluate("window.__sameDocument === true"), "inserting reloaded the page"

    page.get_by_label("Bestede tijd (minuten)").fill("30")
    page.get_by_label("Status na verzenden").select_option(label="Wacht op vrager")
    with page.expect_navigation():
        page.get_by_role("button", name="Verzenden").click()
    content = page.locator("main").inner_text()
    assert "kennisatelier over taal op 12 maart" in page.locator("#berichten").inner_text()
    assert "30 minuten geschreven" in content
    assert "0,5 uur" in page.locator("aside").inner_text()
    assert page.locator("[data-ticket-value=status]").inner_text() == "Wacht op vrager"
    assert page.locator("#side-status").input_value() == "waiting"
    assert_accessible(page)

    page.evaluate("window.__sameDocument = true")
    page.locator("#side-priority").select_option(label="Hoog")
    page.locator("[data-live]").filter(has_text="Hoog").wait_for()
    assert page.evaluate("window.__sameDocument === true"), "the sidebar change reloaded the page"

    page.goto(f"{live_server.url}/helpdesk/wachtrij?sort=subject&order=asc")
    assert page.locator("th[aria-sort=ascending]").count() == 1
    assert_accessible(page)
    assert page.evaluate(NO_SIDEWAYS_SCROLL)

    # The officer hears of the reply in the product: the bell, the marker in Mijn vragen, read on opening.
    officer_context = page.context.browser.new_context(locale="nl-NL", viewport=WIDTHS[size])
    try:
        officer = officer_context.new_page()
        login_as(officer, live_server, "olga@rivierstad.test", factories.PASSWORD)
        bell = officer.get_by_role("link", name=re.compile(r"^Meldingen, \d+ ongelezen$"))
        assert bell.is_visible()
        officer.goto(f"{live_server.url}/helpdesk")
        row = officer.locator("tr", has_text="Taalcafé in de bibliotheek opzetten")
        assert "Nieuw bericht" in row.inner_text() and "Wacht op uw reactie" in row.inner_text()
        with officer.expect_navigation():
            row.get_by_role("link", name="Taalcafé in de bibliotheek opzetten").click()
        officer.get_by_role("link", name="Meldingen, geen ongelezen").wait_for()
        officer.goto(f"{live_server.url}/helpdesk")
        assert "Nieuw bericht" not in officer.locator("tr", has_text="Taalcafé in de").inner_text()
    finally:
        officer_context.close()


def test_workspace_and_queue_do_not_scroll_sideways_at_320_px(live_server, page):
    email, password = make_member(live_server, "adviser")
    ticket_id = _seed(live_server, email)
    login_as(page, live_server, email, password)
    page.set_viewport_size({"width": 320, "height": 640})
    for path in (f"/helpdesk/{ticket_id}", "/helpdesk/wachtrij"):
        page.goto(live_server.url + path)
        page.locator("details").evaluate_all("nodes => nodes.forEach(node => { node.open = true; })")
        assert page.evaluate(NO_SIDEWAYS_SCROLL), f"horizontal scroll at 320 px on {path}"
