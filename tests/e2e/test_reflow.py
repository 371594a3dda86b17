"""Phones and narrow screens: no sideways scrolling at 320 px on any page, a menu button under
768 px, filters that fold away so results come first, and tables that reflow into labelled rows."""

import pytest
from playwright.sync_api import Error as PlaywrightError

from servicecentrum.audit.services import record
from servicecentrum.extensions import db
from servicecentrum.search.sync import drain
from tests import factories
from tests.forum.test_qa_helpers import make_answer, make_question
from tests.library.helpers import make_practice

from .conftest import TIMEOUT_MS, assert_accessible, login_as, page_routes

PHONE = {"width": 390, "height": 844}
NARROW = {"width": 320, "height": 700}
WIDE = {"width": 1280, "height": 900}
LONG_WORD = "Integratiebeleidsuitvoeringsprogrammaonderzoeksrapportage"

# Overflow diagnostics: the deepest elements that stick out to the right of the window.
OFFENDERS_JS = """() => {
  const w = window.innerWidth + 1, found = [];
  const sticksOut = (el) => el.getBoundingClientRect().right > w;
  for (const el of document.querySelectorAll('body *')) {
    if (!sticksOut(el) || [...el.children].some(sticksOut)) continue;
    const classes = typeof el.className === 'string' ? el.className.trim().split(/\\s+/) : [];
    const name = [el.tagName.toLowerCase(), ...classes.filter(Boolean)].join('.');
    found.push(name + ' (' + Math.round(el.getBoundingClientRect().right) + 'px)');
    if (found.length >= 3) break;
  }
  return found;
}"""


@pytest.fixture(scope="module")
def site(module_live_server):
    """One member per role and something on every list: a practice, a question, a ticket, an event,
    an organisation with members and an audit event; return the accounts and the ids."""
    server = module_live_server
    with server.app.app_context():
        organisation = factories.make_organisation(
            name="Gemeente Voorbeeldstad", domains=["voorbeeldstad.test"], region="Utrecht")
        officer = factories.make_user(role="officer", organisation=organisation, name="Sanne de Boer",
                                      job_title=f"Beleidsmedewerker {LONG_WORD}")
        factories.make_user(role="officer", organisation=organisation, name="Ahmed El Amrani")
        adviser = factories.make_user(role="adviser", name="Ruud de Adviseur")
        admin = factories.make_user(role="admin", name="Marieke de Beheerder")
        programme = factories.make_programme(advisers=[adviser], name="Sociale Cohesie")
        theme = factories.make_theme(name="Onderwijs")
        factories.make_spearhead(name="Toerusting", description="Kennis en vaardigheden.")
        practice = make_practice(author=adviser, title=f"Ouders in de school: {LONG_WORD}",
                                 themes=[theme], organisations=[organisation],
                                 body=f"Zie https://www.voorbeeldstad.test/{LONG_WORD}/{LONG_WORD}/verslag.pdf")
        for n in range(3):
            make_practice(author=adviser, title=f"Voorbeeldpraktijk {n}", themes=[theme])
        question = make_question(officer, themes=[theme], title=f"Hoe werven jullie {LONG_WORD}?",
                                 body=f"Wij zoeken `{LONG_WORD}{LONG_WORD}`.\n\n    {LONG_WORD} {LONG_WORD}")
        make_answer(question, adviser, body="Kijk naar de aanpak met mentoren.")
        ticket = factories.make_ticket(requester=officer, programme=programme,
                                       subject=f"Vraag over {LONG_WORD}", assignee=adviser)
        event = factories.make_event(organisers=[adviser], title=f"Kennisatelier {LONG_WORD}")
        record("organisation_updated", actor=admin, target=organisation, name=organisation.name)
        db.session.commit()
        drain()
        ids = {"question": question.id, "practice": practice.id, "ticket": ticket.id, "event": event.id,
               "organisation": organisation.id, "user": officer.id}
        accounts = {role: user.email for role, user in
                    (("officer", officer), ("adviser", adviser), ("admin", admin))}
    return server, accounts, ids


def _page(browser, viewport, **options):
    context = browser.new_context(locale="nl-NL", viewport=viewport, **options)
    context.set_default_timeout(TIMEOUT_MS)
    return context, context.new_page()


def _overflow(page) -> str | None:
    """Describe how far the page scrolls sideways, or None when it fits the window."""
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if width <= inner:
        return None
    return f"{width}px wide in a {inner}px window; sticking out: {', '.join(page.evaluate(OFFENDERS_JS))}"


@pytest.mark.parametrize("role", ["officer", "adviser", "admin"])
def test_no_page_scrolls_sideways_at_320_px(browser, site, role):
    server, accounts, ids = site
    paths = [*page_routes(server.app), f"/vragen/{ids['question']}", f"/praktijken/{ids['practice']}",
             f"/helpdesk/{ids['ticket']}", f"/bijeenkomsten/{ids['event']}", "/voorwaarden"]
    if role == "admin":
        paths += [f"/beheer/organisaties/{ids['organisation']}", f"/beheer/gebruikers/{ids['user']}"]
    context, page = _page(browser, NARROW)
    try:
        login_as(page, server, accounts[role], factories.PASSWORD)
        problems = []
        for path in paths:
            try:
                response = page.goto(server.url + path)
            except PlaywrightError as error:
                if "Download is starting" in str(error):
                    continue  # a file (CSV, calendar, ...), not a page
                raise
            if response is None or not (response.header_value("content-type") or "").startswith("text/html"):
                continue
            if (found := _overflow(page)) is not None:
                problems.append(f"GET {path}: {found}")
    finally:
        context.close()
    assert not problems, f"as {role}, pages that scroll sideways at 320 px:\n" + "\n".join(problems)


def test_menu_button_opens_and_closes_the_navigation_on_a_phone(browser, site):
    server, accounts, _ids = site
    context, page = _page(browser, PHONE)
    try:
        login_as(page, server, accounts["admin"], factories.PASSWORD)
        page.goto(f"{server.url}/praktijken")
        button = page.get_by_role("button", name="Menu")
        nav = page.get_by_role("navigation", name="Hoofdmenu")
        assert button.is_visible()
        assert button.get_attribute("aria-expanded") == "false"
        assert not nav.is_visible()
        assert_accessible(page)

        button.click()
        assert button.get_attribute("aria-expanded") == "true"
        assert nav.get_by_role("link", name="Beheer").is_visible()
        assert_accessible(page)

        nav.get_by_role("link", name="Vragen").focus()
        page.keyboard.press("Escape")
        assert not nav.is_visible()
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.classList.contains('menu-button')")

        # The header (brand, notifications, name, log-out) fits a 320 px screen.
        page.set_viewport_size(NARROW)
        assert _overflow(page) is None
        assert page.locator(".site-header").get_by_role("button", name="Uitloggen").is_visible()
    finally:
        context.close()


def test_wide_screen_shows_the_navigation_without_a_menu_button(browser, site):
    server, accounts, _ids = site
    context, page = _page(browser, WIDE)
    try:
        login_as(page, server, accounts["officer"], factories.PASSWORD)
        page.goto(f"{server.url}/vragen")
        assert not page.get_by_role("button", name="Menu").is_visible()
        nav = page.get_by_role("navigation", name="Hoofdmenu")
        assert nav.get_by_role("link", name="Praktijken").is_visible()
        assert page.locator("details.filters").evaluate("d => d.open")
        assert_accessible(page)
    finally:
        context.close()


def test_without_javascript_the_navigation_stays_visible_on_a_phone(browser, site):
    server, accounts, _ids = site
    context, page = _page(browser, PHONE, java_script_enabled=False)
    try:
        login_as(page, server, accounts["officer"], factories.PASSWORD)
        page.goto(f"{server.url}/praktijken")
        assert not page.get_by_role("button", name="Menu").is_visible()
        nav = page.get_by_role("navigation", name="Hoofdmenu")
        assert nav.get_by_role("link", name="Vragen").is_visible()
        # The filters stay open and keep their button.
        assert page.get_by_role("button", name="Toepassen").is_visible()
    finally:
        context.close()


def test_on_a_phone_the_first_practice_shows_in_the_first_screen_and_filters_fold(browser, site):
    server, accounts, _ids = site
    context, page = _page(browser, PHONE)
    try:
        login_as(page, server, accounts["officer"], factories.PASSWORD)
        page.goto(f"{server.url}/praktijken")
        first = page.locator(".cards > li").first
        assert first.bounding_box()["y"] < PHONE["height"]
        filters = page.locator("details.filters")
        assert not filters.evaluate("d => d.open")
        assert not page.get_by_role("button", name="Toepassen").is_visible()

        summary = filters.locator("summary")
        summary.focus()
        page.keyboard.press("Enter")
        assert filters.evaluate("d => d.open")
        # Ticking a theme applies the filter at once (the form submits itself).
        # click, not check: check() waits for the box to show as ticked, but the page it was on
        # is gone, and on the new page the filters are folded again.
        with page.expect_navigation():
            page.get_by_role("checkbox", name="Onderwijs").click()
        assert "theme=" in page.url
        assert page.locator('details.filters input[name="theme"]:checked').count() == 1
        assert "1 actief" in page.locator("details.filters summary").inner_text()
        assert_accessible(page)
    finally:
        context.close()


def test_tables_reflow_into_labelled_rows_on_a_phone(browser, site):
    server, accounts, _ids = site
    context, page = _page(browser, PHONE)
    try:
        login_as(page, server, accounts["admin"], factories.PASSWORD)
        for path, label in (("/beheer/organisaties", "Provincie"), ("/account/sessies", "Laatst actief")):
            page.goto(server.url + path)
            cell = page.locator(f'table.table--reflow td[data-label="{label}"]').first
            shown = cell.evaluate("td => getComputedStyle(td, '::before').content")
            assert label in shown
            # The column headings are left to screen readers; each cell carries its own label.
            assert page.locator("table.table--reflow thead").first.bounding_box()["width"] <= 1
            assert _overflow(page) is None, path
            assert_accessible(page)
    finally:
        context.close()
