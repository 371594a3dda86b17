"""Every form shown with errors, and every broken-link page, is clear and passes axe-core.

One live server serves the whole module, and each role keeps one logged-in browser context,
so the pages are checked without logging in again for every form.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from servicecentrum.auth.models import AccountToken, User
from servicecentrum.auth.secrets import digest
from servicecentrum.auth.tokens import consume_token, issue_token
from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from tests import factories

from .conftest import (
    TIMEOUT_MS,
    LiveServer,
    assert_accessible,
    csp_violations,
    login_as,
)

SUMMARY_TITLE = "Er is een probleem"


# --- one server and one logged-in context per role for the module ---------------------------


@pytest.fixture(scope="module")
def server(module_live_server):
    """One app serves every test in this module."""
    return module_live_server


class Visitor:
    """A page in its own browser context, with the console errors it logged."""

    def __init__(self, browser):
        self.context = browser.new_context(locale="nl-NL")
        self.context.set_default_timeout(TIMEOUT_MS)
        self.page = self.context.new_page()
        self.console: list[str] = []
        self.page.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda error: self.console.append(f"uncaught: {error}"))


@dataclass
class Members:
    """The members of the shared server, made once, and a logged-in visitor per role."""

    server: LiveServer
    browser: object
    emails: dict[str, str] = field(default_factory=dict)
    visitors: dict[str, Visitor] = field(default_factory=dict)

    def email(self, role: str) -> str:
        """Return the e-mail address of this role's member, made on first use."""
        if role not in self.emails:
            with self.server.app.app_context():
                self.emails[role] = factories.make_user(role=role, name=f"Vaste {role}").email
        return self.emails[role]

    def visitor(self, role: str) -> Visitor:
        """Return the visitor logged in with this role, logging in on first use."""
        if role not in self.visitors:
            visitor = Visitor(self.browser)
            login_as(visitor.page, self.server, self.email(role), factories.PASSWORD)
            self.visitors[role] = visitor
        return self.visitors[role]

    def close(self) -> None:
        """Close the contexts."""
        for visitor in self.visitors.values():
            visitor.context.close()


@pytest.fixture(scope="module")
def members(server, browser):
    """The logged-in contexts of this module, closed at its end."""
    found = Members(server, browser)
    try:
        yield found
    finally:
        found.close()


@pytest.fixture
def visitor_as(members, browser):
    """Return a function role -> Visitor: logged in and shared, or anonymous and fresh."""
    fresh: list[Visitor] = []

    def get(role: str | None) -> Visitor:
        if role:
            visitor = members.visitor(role)
            visitor.console.clear()
            return visitor
        fresh.append(Visitor(browser))
        return fresh[-1]

    yield get
    for visitor in fresh:
        visitor.context.close()


# --- data the pages need -----------------------------------------------------------------------


def _in_app(server: LiveServer, make: Callable[[], str]) -> str:
    with server.app.app_context():
        return make()


def _new_member(**fields) -> User:
    return factories.make_user(**fields)


def _token_path(server: LiveServer, prefix: str, purpose: str, state: str = "valid",
                user_of: Callable[[], User] = _new_member, **token_fields) -> str:
    """Issue a token for a member and return the link path; state: valid, used or expired."""

    def make() -> str:
        raw = issue_token(user_of(), purpose, **token_fields)
        db.session.commit()
        if state == "used":
            consume_token(raw, purpose)
        elif state == "expired":
            token = db.session.scalar(select(AccountToken).where(AccountToken.token_hash == digest(raw)))
            token.expires_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
        return f"{prefix}/{raw}"

    return _in_app(server, make)


def _pending_applicant(verified: bool) -> User:
    return factories.make_user(status="pending", approved_at=None, role_confirmed_at=None,
                               email_verified_at=utcnow() if verified else None,
                               name="Aanvrager Afwachting")


def _officer(members: "Members") -> Callable[[], User]:
    email = members.email("officer")
    return lambda: db.session.scalar(select(User).where(User.email == email))


# --- forms with errors ----------------------------------------------------------------------


@dataclass(frozen=True)
class FormCase:
    """A form page, what the visitor types, and what they should see afterwards."""

    name: str
    role: str | None  # None: an anonymous visitor
    path: str | Callable[[LiveServer, Members], str]  # or a function that opens the page
    button: str
    message: str  # the page's own message for the mistake
    fill: dict[str, str] = field(default_factory=dict)  # label -> text typed
    select: dict[str, str] = field(default_factory=dict)  # label -> option value
    tick: tuple[str, ...] = ()  # labels of checkboxes to tick
    kept: tuple[str, str] | None = None  # label and the text that must still be there

    def open(self, page, server: LiveServer, members: Members) -> None:
        """Bring the page to the empty form."""
        path = self.path(server, members) if callable(self.path) else self.path
        page.goto(server.url + path)


@dataclass(frozen=True)
class CodeCase(FormCase):
    """The code page, which belongs to a login that passed the password step."""

    def open(self, page, server: LiveServer, members: Members) -> None:
        """Log in with an adviser's password; the page then asks for the code."""
        page.goto(f"{server.url}/inloggen")
        main = page.locator("main")
        main.get_by_label("E-mailadres", exact=True).fill(members.email("adviser"))
        main.get_by_label("Wachtwoord", exact=True).fill(factories.PASSWORD)
        with page.expect_navigation():
            main.get_by_role("button", name="Inloggen", exact=True).click()
        expect(page).to_have_url(f"{server.url}/inloggen/code")


def _reset_link(server, members) -> str:
    return _token_path(server, "/wachtwoord-herstellen", "reset_password")


def _user_to_block(server, members) -> str:
    return _in_app(server, lambda: f"/beheer/gebruikers/{_new_member(name='Te Blokkeren').id}")


def _request_to_reject(server, members) -> str:
    return _in_app(server, lambda: f"/beheer/aanvragen/{_pending_applicant(verified=True).id}")


FORM_CASES = [
    FormCase("inloggen", None, "/inloggen", "Inloggen", "Vul uw wachtwoord in.",
             fill={"E-mailadres": "iemand@proefstad.nl"}, kept=("E-mailadres", "iemand@proefstad.nl")),
    CodeCase("inloggen-code", None, "/inloggen/code", "Inloggen", "Deze code klopt niet",
             fill={"Code": "12345"}, kept=("Code", "12345")),
    FormCase("registreren", None, "/registreren", "Account aanvragen", "Vul uw e-mailadres in.",
             fill={"Naam": "Fatima el Amrani", "Wachtwoord": "geheim getypt"},
             kept=("Naam", "Fatima el Amrani")),
    FormCase("wachtwoord-vergeten", None, "/wachtwoord-vergeten", "Stuur mij een link",
             "Vul een geldig e-mailadres in", fill={"E-mailadres": "geen-adres"},
             kept=("E-mailadres", "geen-adres")),
    FormCase("wachtwoord-herstellen", None, _reset_link, "Wachtwoord opslaan",
             "Kies een nieuw wachtwoord.", fill={"Herhaal het nieuwe wachtwoord": "alleen herhaald"}),
    FormCase("account-profiel", "officer", "/account", "Profiel opslaan", "Vul uw naam in.",
             fill={"Naam": "", "Functie": "Wijkregisseur"}, kept=("Functie", "Wijkregisseur")),
    FormCase("account-e-mail", "officer", "/account/e-mail", "Stuur de bevestigingslink",
             "Vul een geldig e-mailadres in", fill={"Nieuw e-mailadres": "niet-geldig"},
             kept=("Nieuw e-mailadres", "niet-geldig")),
    FormCase("account-wachtwoord", "officer", "/account/wachtwoord", "Wachtwoord wijzigen",
             "Vul uw huidige wachtwoord in."),
    FormCase("account-verwijderen", "officer", "/account/verwijderen",
             "Verwijder mijn account definitief", "Vul uw huidige wachtwoord in.",
             tick=("Ik begrijp dat mijn account en persoonsgegevens definitief worden verwijderd.",)),
    FormCase("tweestapsverificatie-instellen", "officer", "/account/tweestapsverificatie/instellen",
             "Tweestapsverificatie aanzetten", "Deze code klopt niet.",
             fill={"Code uit de app": "12345"}, kept=("Code uit de app", "12345")),
    FormCase("beheer-organisatie-nieuw", "admin", "/beheer/organisaties/nieuw", "Opslaan",
             "Een CBS-gemeentecode is GM met vier cijfers",
             fill={"Naam": "Gemeente Voorbeeldstad", "CBS-gemeentecode": "GM12"},
             select={"Soort organisatie": "gemeente"}, kept=("Naam", "Gemeente Voorbeeldstad")),
    FormCase("beheer-gebruiker-blokkeren", "admin", _user_to_block, "Account blokkeren",
             "Vul de reden in."),
    FormCase("beheer-aanvraag-afwijzen", "admin", _request_to_reject, "Afwijzen en verwijderen",
             "Vul de reden in. De aanvrager krijgt die per e-mail."),
]


@pytest.mark.parametrize("case", FORM_CASES, ids=lambda case: case.name)
def test_form_with_errors_explains_the_problem_keeps_the_input_and_is_accessible(
    case, server, members, visitor_as
):
    visitor = visitor_as(case.role)
    page = visitor.page
    case.open(page, server, members)
    main = page.locator("main")
    for label, text in case.fill.items():
        main.get_by_label(label, exact=True).fill(text)
    for label, value in case.select.items():
        main.get_by_label(label, exact=True).select_option(value)
    for label in case.tick:
        main.get_by_label(label, exact=True).check()

    with page.expect_navigation() as navigation:
        main.get_by_role("button", name=case.button, exact=True).click()

    assert navigation.value.status == 422
    summary = main.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("heading")).to_have_text(SUMMARY_TITLE)
    expect(summary).to_contain_text(case.message)
    expect(main.locator('[aria-invalid="true"]').first).to_be_visible()
    if case.kept:
        label, text = case.kept
        expect(main.get_by_label(label, exact=True)).to_have_value(text)
    for label in case.tick:
        expect(main.get_by_label(label, exact=True)).to_be_checked()
    for password in main.locator('input[type="password"]').all():
        expect(password).to_have_value("")  # passwords are never sent back
    assert_accessible(page)
    assert not csp_violations(visitor.console), visitor.console


# --- links that no longer work --------------------------------------------------------------


@dataclass(frozen=True)
class LinkCase:
    """A link from an e-mail that cannot be used, and what its page says."""

    name: str
    role: str | None
    path: Callable[[LiveServer, Members], str]
    status: int
    heading: str
    message: str


def _verify_link(state: str):
    def path(server, members):
        return _token_path(server, "/registreren/bevestigen", "verify_email", state,
                           user_of=lambda: _pending_applicant(verified=False))
    return path


def _reset_link_in(state: str):
    def path(server, members):
        return _token_path(server, "/wachtwoord-herstellen", "reset_password", state)
    return path


def _email_change_link(state: str):
    def path(server, members):
        return _token_path(server, "/account/e-mail/bevestigen", "change_email", state,
                           user_of=_officer(members), new_email="nieuw.adres@proefstad.test")
    return path


def _unknown(prefix: str):
    return lambda server, members: f"{prefix}/onbekende-link-0000"


LINK_CASES = [
    LinkCase("registreren-verlopen", None, _verify_link("expired"), 410,
             "Deze link is verlopen", "Een bevestigingslink werkt 24 uur."),
    LinkCase("registreren-gebruikt", None, _verify_link("used"), 400,
             "Deze link is al gebruikt", "Een bevestigingslink werkt maar één keer."),
    LinkCase("registreren-onbekend", None, _unknown("/registreren/bevestigen"), 400,
             "Deze link is onbekend", "Wij herkennen deze link niet."),
    LinkCase("wachtwoord-herstellen-verlopen", None, _reset_link_in("expired"), 410,
             "Deze link werkt niet", "Deze link is verlopen."),
    LinkCase("wachtwoord-herstellen-gebruikt", None, _reset_link_in("used"), 410,
             "Deze link werkt niet", "Deze link is al gebruikt"),
    LinkCase("wachtwoord-herstellen-onbekend", None, _unknown("/wachtwoord-herstellen"), 400,
             "Deze link werkt niet", "Deze link klopt niet."),
    LinkCase("e-mail-bevestigen-verlopen", "officer", _email_change_link("expired"), 410,
             "Link werkt niet meer", "Deze link is verlopen"),
    LinkCase("e-mail-bevestigen-gebruikt", "officer", _email_change_link("used"), 410,
             "Link werkt niet meer", "Deze link is al gebruikt."),
]


@pytest.mark.parametrize("case", LINK_CASES, ids=lambda case: case.name)
def test_unusable_link_says_why_and_is_accessible(case, server, members, visitor_as):
    visitor = visitor_as(case.role)
    page = visitor.page
    response = page.goto(server.url + case.path(server, members))

    assert response.status == case.status
    expect(page.get_by_role("heading", level=1)).to_have_text(case.heading)
    expect(page.locator("main")).to_contain_text(case.message)
    assert_accessible(page)
    assert not csp_violations(visitor.console), visitor.console
