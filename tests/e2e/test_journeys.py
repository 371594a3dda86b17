"""What a member does in a real browser: arrive, log in, switch language, log out."""

import re

from playwright.sync_api import expect

from .conftest import csp_violations, login_as, make_member


def test_member_logs_in_from_the_landing_page_switches_to_english_and_logs_out(
    live_server, page, console_messages
):
    email, password = make_member(live_server, "officer", name="Sanne Jansen")

    page.goto(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    page.locator("main").get_by_role("link", name="Inloggen op het extranet").click()
    expect(page).to_have_url(f"{live_server.url}/inloggen")

    login_as(page, live_server, email, password)
    expect(page).to_have_url(f"{live_server.url}/overzicht")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom, Sanne Jansen")
    expect(page.get_by_role("status")).to_contain_text("U bent ingelogd.")

    page.locator("footer").get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(f"{live_server.url}/overzicht")

    # Found by its form, not its label: the label changes with the language.
    page.locator('header form[action$="/uitloggen"] button').click()
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator('header form[action$="/uitloggen"]')).to_have_count(0)
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.goto(f"{live_server.url}/overzicht")
    expect(page).to_have_url(re.compile(r"/inloggen\?next=(/|%2F)overzicht$"))
    assert not csp_violations(console_messages), console_messages


def test_skip_link_is_the_first_stop_and_jumps_to_the_content(
    live_server, page, console_messages
):
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_text("Naar de inhoud")
    expect(focused).to_be_in_viewport()

    page.keyboard.press("Enter")
    expect(page.locator(":focus")).to_have_id("inhoud")
    assert not csp_violations(console_messages), console_messages


def test_csp_violations_are_noticed(live_server, page, console_messages):
    """Guard the harness: an inline script on a page must show up as a CSP violation."""
    page.goto(f"{live_server.url}/")
    with page.expect_console_message(lambda msg: msg.type == "error"):
        page.evaluate(
            "() => { const s = document.createElement('script');"
            " s.textContent = 'window.ran = true'; document.body.append(s); }"
        )
    assert page.evaluate("window.ran") is None
    assert csp_violations(console_messages), console_messages
