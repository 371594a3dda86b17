"""Every page passes axe-core (WCAG 2.1 AA), anonymously and for each role."""

import pytest
from playwright.sync_api import Error as PlaywrightError

from servicecentrum.security import PUBLIC_ENDPOINTS
from tests import factories

from .conftest import (
    assert_accessible,
    csp_violations,
    login_as,
    make_member,
    page_routes,
    serious_violations,
)

ROLES = ("officer", "adviser", "admin")


def fill_with_content(live_server) -> None:
    """Give the pages something to show, so axe checks lists and cards, not empty states."""
    with live_server.app.app_context():
        adviser = factories.make_user(role="adviser", name="Ruud de Adviseur")
        factories.make_programme(advisers=[adviser], name="Sociale Cohesie")
        factories.make_theme(name="Onderwijs")
        factories.make_spearhead(name="Toerusting", description="Kennis en vaardigheden.")


def public_paths(app) -> set[str]:
    """Return the paths anonymous visitors may open."""
    return {
        rule.rule for rule in app.url_map.iter_rules() if rule.endpoint in PUBLIC_ENDPOINTS
    }


def walk(page, live_server, paths, logged_in=False) -> list[str]:
    """Open each path and collect axe findings and server errors, labelled by path.

    A page is checked once per walk: paths that redirect to a page already checked, and
    error pages after the first of their status (one template, other words), are skipped.
    """
    problems = []
    checked = set()
    for path in paths:
        try:
            response = page.goto(live_server.url + path)
        except PlaywrightError as error:
            if "Download is starting" in str(error):
                continue  # a file (CSV, calendar, ...), not a page
            raise
        if response is None or response.status >= 500:
            status = response.status if response else "no response"
            problems.append(f"GET {path}: server answered {status}")
            continue
        if not (response.header_value("content-type") or "").startswith("text/html"):
            continue  # JSON or plain text shown by the browser, not one of our pages
        seen_as = response.status if response.status >= 400 else page.url
        if seen_as in checked:
            continue
        checked.add(seen_as)
        if logged_in and page.url.startswith(f"{live_server.url}/inloggen"):
            # A lost session would make every later page the login form, checked again.
            problems.append(f"GET {path}: member was sent to the login form")
            continue
        problems.extend(f"GET {path}: {found}" for found in serious_violations(page))
    return problems


def test_route_walk_finds_the_known_pages(app):
    paths = page_routes(app)
    assert {"/", "/inloggen", "/overzicht", "/toegankelijkheid"} <= set(paths)
    assert "/healthz" not in paths
    assert "/static/<path:filename>" not in paths


def test_every_public_page_is_accessible_and_the_rest_asks_to_log_in(
    live_server, page, console_messages
):
    fill_with_content(live_server)
    public = public_paths(live_server.app)
    paths = page_routes(live_server.app)
    problems = walk(page, live_server, [p for p in paths if p in public])
    for path in (p for p in paths if p not in public):
        page.goto(live_server.url + path)
        # The login page itself is checked above, once.
        if "/inloggen" not in page.url:
            problems.append(f"GET {path}: anonymous visitor was not sent to /inloggen")
    assert not problems, "\n".join(problems)
    assert not csp_violations(console_messages)


@pytest.mark.parametrize("width", (1280, 390))
@pytest.mark.parametrize("role", ROLES)
def test_every_page_is_accessible_for_members(live_server, page, console_messages, role, width):
    """Each page for each role, on a desktop and on a phone (where the menu folds away)."""
    page.set_viewport_size({"width": width, "height": 900 if width > 768 else 844})
    fill_with_content(live_server)
    login_as(page, live_server, *make_member(live_server, role))
    # The error page shows the member's header and menu, so it is checked per role too.
    paths = [*page_routes(live_server.app), "/bestaat-niet"]
    problems = walk(page, live_server, paths, logged_in=True)
    assert not problems, f"as {role} at {width} px:\n" + "\n".join(problems)
    assert not csp_violations(console_messages)


def test_login_form_with_missing_fields_is_accessible(live_server, page):
    page.goto(f"{live_server.url}/inloggen")
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Inloggen").click()
    assert page.locator(".error-summary").is_visible()
    assert page.locator('[aria-invalid="true"]').count() == 2
    assert_accessible(page)


def test_login_form_with_wrong_password_is_accessible(live_server, page):
    email, _password = make_member(live_server)
    page.goto(f"{live_server.url}/inloggen")
    page.locator('input[name="email"]').fill(email)
    page.locator('input[name="password"]').fill("niet het goede wachtwoord")
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Inloggen").click()
    assert page.locator(".error-summary").is_visible()
    assert_accessible(page)


def test_not_found_page_is_accessible(live_server, page):
    response = page.goto(f"{live_server.url}/bestaat-niet")
    assert response.status == 404
    assert_accessible(page)


def test_axe_reports_violations_under_the_content_security_policy(live_server, page):
    """Guard the harness itself: if the policy blocked axe, every check above would pass."""
    response = page.goto(f"{live_server.url}/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.evaluate(
        "() => { const img = document.createElement('img');"
        " img.src = '/static/css/site.css'; document.querySelector('main').append(img); }"
    )
    found = serious_violations(page)
    assert any(line.startswith("image-alt (critical)") for line in found), found
