"""In Chromium: the two-step QR code is a real image, set-up ends with "Verder", codes download."""

import re
from datetime import UTC, datetime

import pyotp
from playwright.sync_api import expect

from .conftest import assert_accessible, csp_violations, login_as, make_member


def _forced_into_set_up(page, live_server):
    email, password = make_member(live_server, "adviser", mfa=False, name="Ilse de Vries")
    page.goto(f"{live_server.url}/inloggen?next=/bijeenkomsten")
    login_as(page, live_server, email, password)
    expect(page).to_have_url(f"{live_server.url}/account/tweestapsverificatie/instellen")


def test_the_qr_code_renders_and_set_up_continues_where_the_member_was_going(
    live_server, page, console_messages
):
    _forced_into_set_up(page, live_server)
    qr = page.locator("main img.qr-code")
    expect(qr).to_be_visible()
    qr.evaluate("img => img.decode()")  # rejects when the browser cannot show the image
    assert qr.evaluate("img => img.complete && img.naturalWidth") > 0
    assert qr.evaluate("img => img.naturalHeight") > 0
    assert qr.bounding_box()["width"] > 100

    secret = page.locator("main code.secret").inner_text().strip()
    grouped = page.locator("main code.secret-groups").inner_text().strip()
    assert grouped.replace(" ", "") == secret
    page.locator("main").get_by_label("Code uit de app", exact=True).fill(
        pyotp.TOTP(secret).generate_otp(pyotp.TOTP(secret).timecode(datetime.now(UTC)))
    )
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Tweestapsverificatie aanzetten").click()
    expect(page.locator("main .recovery-codes li")).to_have_count(10)
    codes = [c.strip() for c in page.locator("main .recovery-codes code").all_inner_texts()]
    expect(page.locator("main").get_by_role("button", name="Afdrukken")).to_be_visible()

    with page.expect_download() as info:
        page.locator("main").get_by_role("button", name="Download als tekstbestand").click()
    download = info.value
    assert download.suggested_filename == "herstelcodes-servicecentrum.txt"
    text = open(download.path(), encoding="utf-8").read()  # noqa: SIM115, PTH123
    assert text.startswith("Herstelcodes voor tweestapsverificatie")
    assert all(code in text for code in codes)

    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Verder").click()
    expect(page).to_have_url(re.compile(rf"{re.escape(live_server.url)}/bijeenkomsten$"))
    assert not csp_violations(console_messages), console_messages


def test_the_set_up_page_is_accessible_on_a_desktop_and_on_a_phone(live_server, page):
    _forced_into_set_up(page, live_server)
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    expect(page.locator("main img.qr-code")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
