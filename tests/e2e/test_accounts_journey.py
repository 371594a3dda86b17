"""The account journey in a real browser: request access, verify, approval, login, MFA set-up."""

import re
from datetime import UTC, datetime

import pyotp
import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from tests import factories

from .conftest import TIMEOUT_MS, assert_accessible, csp_violations, login_as

APPLICANT = {
    "name": "Fatima el Amrani",
    "email": "f.elamrani@voorbeeldpost.nl",  # a domain no organisation owns: an admin decides
    "job_title": "Beleidsadviseur integratie",
    "password": "zonnige fietstocht langs de vecht",
}
ORGANISATION = "Gemeente Proefstad"


class Browsing:
    """Open pages in fresh browser contexts (one per person) and collect their console errors."""

    def __init__(self, browser):
        self.browser = browser
        self.contexts = []
        self.console: list[str] = []

    def open(self):
        """Return a page in a new context: no cookies shared with the other people."""
        context = self.browser.new_context(locale="nl-NL")
        context.set_default_timeout(TIMEOUT_MS)
        self.contexts.append(context)
        page = context.new_page()
        page.on("console", lambda msg: self.console.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda error: self.console.append(f"uncaught: {error}"))
        return page

    def close(self) -> None:
        """Close every context opened."""
        for context in self.contexts:
            context.close()


@pytest.fixture
def people(browser):
    """A Browsing whose contexts are closed after the test."""
    browsing = Browsing(browser)
    try:
        yield browsing
    finally:
        browsing.close()


def mails_to(live_server, address: str) -> list[OutboxMail]:
    """Return the mails queued for this address, oldest first."""
    with live_server.app.app_context():
        mails = db.session.scalars(
            select(OutboxMail).where(OutboxMail.to_address == address).order_by(OutboxMail.id)
        ).all()
        db.session.expunge_all()
        return mails


def link_in(body: str, path: str) -> str:
    """Return the first http(s) link in a mail body whose path starts with this path."""
    found = re.search(rf"https?://[^\s/]+{re.escape(path)}\S*", body)
    assert found, f"no link to {path} in the mail:\n{body}"
    return found.group(0)


def click_button(page, name: str) -> None:
    """Click the button with this name in the page's main content and wait for the next page."""
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name=name, exact=True).click()


def request_access(page, live_server) -> None:
    """From the landing page, fill in and send the registration form."""
    page.goto(f"{live_server.url}/")
    assert_accessible(page)
    page.locator("main").get_by_role("link", name="Toegang aanvragen").click()
    expect(page).to_have_url(f"{live_server.url}/registreren")
    expect(page.get_by_role("heading", level=1)).to_have_text("Account aanvragen")
    assert_accessible(page)

    form = page.locator("main form")
    form.get_by_label("Naam", exact=True).fill(APPLICANT["name"])
    form.get_by_label("E-mailadres", exact=True).fill(APPLICANT["email"])
    form.get_by_label("Organisatie", exact=True).select_option(label=ORGANISATION)
    form.get_by_label("Functie", exact=True).fill(APPLICANT["job_title"])
    form.get_by_label("Wachtwoord", exact=True).fill(APPLICANT["password"])
    form.get_by_label("Herhaal het wachtwoord", exact=True).fill(APPLICANT["password"])
    form.get_by_label("Ik ga akkoord met de gebruiksvoorwaarden").check()
    click_button(page, "Account aanvragen")

    expect(page).to_have_url(f"{live_server.url}/registreren?stap=verstuurd")
    expect(page.get_by_role("heading", level=1)).to_have_text("Controleer uw e-mail")
    expect(page.locator("main")).to_contain_text(APPLICANT["email"])
    assert_accessible(page)


def confirm_address(page, live_server) -> None:
    """Open the link from the verification mail and press the confirm button."""
    mails = mails_to(live_server, APPLICANT["email"])
    assert [m.subject for m in mails] == ["Bevestig uw e-mailadres voor Servicecentrum Integratie"]
    page.goto(link_in(mails[0].body_text, "/registreren/bevestigen/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("E-mailadres bevestigen")
    assert_accessible(page)

    click_button(page, "Bevestig mijn e-mailadres")
    expect(page).to_have_url(f"{live_server.url}/registreren?stap=beoordeling")
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw e-mailadres is bevestigd")
    expect(page.locator("main")).to_contain_text("Een beheerder van het Servicecentrum beoordeelt")
    assert_accessible(page)


def approve_request(page, live_server, admin_email: str) -> None:
    """As an admin: find the request, link it to its organisation and approve it."""
    login_as(page, live_server, admin_email, factories.PASSWORD)
    page.goto(f"{live_server.url}/beheer/aanvragen")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanvragen voor toegang")
    assert_accessible(page)

    page.locator("main").get_by_role("link", name=APPLICANT["name"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Aanvraag van {APPLICANT['name']}")
    expect(page.locator("main")).to_contain_text("hoort bij geen enkele organisatie")
    assert_accessible(page)

    page.locator("main").get_by_label("Koppel aan organisatie").select_option(label=ORGANISATION)
    click_button(page, "Goedkeuren")
    expect(page).to_have_url(f"{live_server.url}/beheer/aanvragen")
    expect(page.get_by_role("status")).to_contain_text(
        f"De aanvraag van {APPLICANT['name']} is goedgekeurd."
    )
    expect(page.locator("main")).to_contain_text("Er wachten geen aanvragen op beoordeling.")


def log_out(page, live_server) -> None:
    """Press the logout button in the header."""
    page.locator('header form[action$="/uitloggen"] button').click()
    expect(page).to_have_url(f"{live_server.url}/")


def next_unused_code(secret: str, used_step: int) -> str:
    """Return the TOTP code of now, or of the next step when now's step was used already."""
    totp = pyotp.TOTP(secret)
    step = max(totp.timecode(datetime.now(UTC)), used_step + 1)
    # The server accepts one step of drift, so the next step's code works right away.
    return totp.generate_otp(step)


def test_visitor_requests_access_is_approved_logs_in_and_an_adviser_sets_up_mfa(
    live_server, people
):
    with live_server.app.app_context():
        factories.make_organisation(name=ORGANISATION, domains=[])  # no domain: admin review
        admin_email = factories.make_user(role="admin", name="Anja Beheer").email
        adviser_email = factories.make_user(role="adviser", mfa=False, name="Ruud Adviseur").email

    # a. An anonymous visitor asks for access.
    applicant = people.open()
    request_access(applicant, live_server)

    # b. The visitor confirms the address with the link from the mail.
    confirm_address(applicant, live_server)
    review_mails = mails_to(live_server, admin_email)
    assert [m.subject for m in review_mails] == [f"Nieuwe aanvraag voor toegang: {APPLICANT['name']}"]

    # c. An admin approves the request; the applicant is told by e-mail.
    approve_request(people.open(), live_server, admin_email)
    approval = mails_to(live_server, APPLICANT["email"])[-1]
    assert approval.subject == "Uw account voor Servicecentrum Integratie is goedgekeurd"

    # d. The applicant follows the mail's link and logs in, in a fresh browser.
    member = people.open()
    member.goto(link_in(approval.body_text, "/inloggen"))
    expect(member.get_by_role("heading", level=1)).to_have_text("Inloggen")
    assert_accessible(member)
    login_as(member, live_server, APPLICANT["email"], APPLICANT["password"])
    expect(member).to_have_url(f"{live_server.url}/overzicht")
    expect(member.get_by_role("heading", level=1)).to_have_text(f"Welkom, {APPLICANT['name']}")
    expect(member.locator("main")).to_contain_text(ORGANISATION)
    assert_accessible(member)

    # e. An adviser without MFA is forced through the set-up, then logs in with a code.
    adviser = people.open()
    login_as(adviser, live_server, adviser_email, factories.PASSWORD)
    expect(adviser).to_have_url(f"{live_server.url}/account/tweestapsverificatie/instellen")
    expect(adviser.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
    expect(adviser.get_by_role("status")).to_contain_text("Stel eerst tweestapsverificatie in.")
    expect(adviser.locator("main")).to_contain_text("Voor uw account is tweestapsverificatie verplicht.")
    assert_accessible(adviser)
    adviser.goto(f"{live_server.url}/overzicht")  # nothing else opens before the set-up
    expect(adviser).to_have_url(f"{live_server.url}/account/tweestapsverificatie/instellen")

    secret = adviser.locator("main code.secret").inner_text().strip()
    totp = pyotp.TOTP(secret)
    used_step = totp.timecode(datetime.now(UTC))
    adviser.locator("main").get_by_label("Code uit de app", exact=True).fill(
        totp.generate_otp(used_step)
    )
    click_button(adviser, "Tweestapsverificatie aanzetten")
    expect(adviser.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie")
    expect(adviser.get_by_role("status")).to_contain_text("Tweestapsverificatie staat aan.")
    expect(adviser.locator("main .recovery-codes li")).to_have_count(10)
    assert_accessible(adviser)

    log_out(adviser, live_server)
    adviser.goto(f"{live_server.url}/inloggen")
    adviser.locator("main").get_by_label("E-mailadres", exact=True).fill(adviser_email)
    adviser.locator("main").get_by_label("Wachtwoord", exact=True).fill(factories.PASSWORD)
    click_button(adviser, "Inloggen")
    expect(adviser).to_have_url(f"{live_server.url}/inloggen/code")
    expect(adviser.get_by_role("heading", level=1)).to_have_text("Code invullen")
    assert_accessible(adviser)

    adviser.locator("main").get_by_label("Code", exact=True).fill(next_unused_code(secret, used_step))
    click_button(adviser, "Inloggen")
    expect(adviser).to_have_url(f"{live_server.url}/overzicht")
    expect(adviser.get_by_role("heading", level=1)).to_have_text("Welkom, Ruud Adviseur")

    assert not csp_violations(people.console), people.console
