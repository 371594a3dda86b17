"""Browser fixtures: a live server, one Chromium per session, login and axe helpers.

Every test in this folder drives Debian's Chromium (or CHROMIUM_PATH) through Playwright
against the real app served over HTTP; nothing is downloaded. Helpers that tests import:
``login_as``, ``make_member``, ``assert_accessible``, ``serious_violations``,
``csp_violations`` and ``page_routes``.
"""

import itertools
import os
import threading
import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyotp
import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server
from werkzeug.wsgi import ClosingIterator

from servicecentrum.extensions import db
from tests import factories
from tests.conftest import app_for

HERE = Path(__file__).resolve().parent
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 10_000

# WCAG 2.1 A and AA plus axe's best practices; only serious and critical findings fail a test.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
BLOCKING_IMPACTS = ("serious", "critical")
_axe = Axe()

# GET routes that answer with something other than an HTML page.
NOT_PAGES = frozenset({"static", "main.healthz"})


def pytest_collection_modifyitems(config, items):
    """Mark every test in this folder e2e; skip them all when there is no Chromium."""
    skip = pytest.mark.skip(
        reason=f"Chromium not found at {CHROMIUM_PATH}; install Debian's chromium package "
        "or set CHROMIUM_PATH to a Chromium binary to run the browser tests"
    )
    has_chromium = Path(CHROMIUM_PATH).exists()
    if not has_chromium and os.environ.get("REQUIRE_BROWSER"):
        raise pytest.UsageError(f"REQUIRE_BROWSER is set but Chromium is missing at {CHROMIUM_PATH}")
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.e2e)
            if not has_chromium:
                item.add_marker(skip)


# --- the live server -------------------------------------------------------------------


@dataclass(frozen=True)
class LiveServer:
    """The app under test and the address it answers on (no trailing slash)."""

    url: str
    app: Flask


class _RequestGate:
    """WSGI wrapper that tracks the requests in flight and refuses new ones once closed.

    The threaded server runs each request in a thread of its own, and a late request (a
    favicon, say) can hold a database transaction open while the fixture empties the
    tables; on PostgreSQL that TRUNCATE would then wait forever. Closing the gate and
    waiting until nothing is in flight makes the clean-up safe.
    """

    def __init__(self, app):
        self.app = app
        self._changed = threading.Condition()
        self._running: dict[int, tuple[str, threading.Thread]] = {}
        self._numbers = itertools.count()
        self._closed = False

    def __call__(self, environ, start_response):
        with self._changed:
            if self._closed:
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [b"The test server is stopping."]
            number = next(self._numbers)
            label = f"{environ['REQUEST_METHOD']} {environ['PATH_INFO']}"
            self._running[number] = (label, threading.current_thread())
        try:
            response = self.app(environ, start_response)
        except BaseException:
            self._finished(number)
            raise
        return ClosingIterator(response, [lambda: self._finished(number)])

    def _finished(self, number: int) -> None:
        with self._changed:
            self._running.pop(number, None)
            self._changed.notify_all()

    def close(self, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        with self._changed:
            self._closed = True
            while True:
                # Werkzeug skips close() when the browser hangs up early; a request whose
                # thread has ended is over all the same.
                for number, (_label, thread) in list(self._running.items()):
                    if not thread.is_alive():
                        del self._running[number]
                if not self._running or time.monotonic() > deadline:
                    break
                self._changed.wait(0.05)
        if self._running:
            labels = ", ".join(label for label, _thread in self._running.values())
            warnings.warn(f"still running after {timeout} s: {labels}", stacklevel=2)


@contextmanager
def serve(tmp_path, database_url):
    """Serve a fresh app over HTTP on a free port; yield its url and app.

    SQLite runs on a file in tmp_path, because an in-memory database is private to one
    connection and the server threads could not see what the test writes. On PostgreSQL
    the schema exists already and app_for empties the tables afterwards.
    """
    overrides = {} if database_url else {"DATABASE_URL": f"sqlite:///{tmp_path / 'e2e.db'}"}
    with app_for(tmp_path, database_url, **overrides) as app:
        if not database_url:
            with app.app_context():
                db.create_all()
        gate = _RequestGate(app)
        server = make_server("127.0.0.1", 0, gate, threaded=True)
        # A short poll interval lets shutdown() return quickly.
        thread = threading.Thread(
            target=server.serve_forever, args=(0.05,), name="e2e-server", daemon=True
        )
        thread.start()
        try:
            yield LiveServer(url=f"http://127.0.0.1:{server.server_port}", app=app)
        finally:
            # Stop serving before app_for removes the rows (see _RequestGate).
            server.shutdown()
            gate.close()
            server.server_close()
            thread.join(timeout=10)


@pytest.fixture
def live_server(tmp_path, database_url):
    """A live server for one test."""
    with serve(tmp_path, database_url) as server:
        yield server


@pytest.fixture(scope="module")
def module_live_server(tmp_path_factory, database_url):
    """A live server shared by every test of a module (for many small page checks)."""
    with serve(tmp_path_factory.mktemp("e2e-module"), database_url) as server:
        yield server


# --- the browser -----------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session; each test gets its own context."""
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS
        )
    except Exception:
        playwright.stop()
        raise
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def page(browser):
    """A fresh page in its own context (no cookies shared between tests), in Dutch.

    The app's Content-Security-Policy stays on (no bypass_csp): axe is injected with
    page.evaluate, which goes through the DevTools protocol and is not subject to CSP.
    """
    context = browser.new_context(locale="nl-NL")
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def console_messages(page):
    """Collect the page's console errors and uncaught exceptions as text."""
    messages: list[str] = []
    page.on("console", lambda msg: messages.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: messages.append(f"uncaught: {error}"))
    return messages


def csp_violations(messages: list[str]) -> list[str]:
    """Return the console messages in which the browser reports a blocked resource."""
    return [m for m in messages if "Content Security Policy" in m or "Content-Security-Policy" in m]


# --- members and logging in ------------------------------------------------------------


def make_member(live_server: LiveServer, role: str = "officer", **fields) -> tuple[str, str]:
    """Create an active account with this role; return its e-mail address and password.

    Like the factories, staff (adviser, admin) get factories.MFA_SECRET as second factor,
    which login_as uses by default.
    """
    with live_server.app.app_context():
        user = factories.make_user(role=role, **fields)
        email = user.email
    return email, factories.PASSWORD


def login_as(
    page, live_server: LiveServer, email: str, password: str,
    totp_secret: str = factories.MFA_SECRET,
) -> None:
    """Log in through the real login form, as a member would; fail if it is refused.

    Stays on the login form when the page shows it already (after a redirect, say). When
    the account asks for a second factor (staff made by the factories), the code page is
    filled in with a TOTP code from totp_secret.
    """
    login_url = f"{live_server.url}/inloggen"
    if not page.url.startswith(login_url):
        page.goto(login_url)
    page.locator('input[name="email"]').fill(email)
    page.locator('input[name="password"]').fill(password)
    _submit(page)
    if page.url.startswith(f"{login_url}/code"):
        totp = pyotp.TOTP(totp_secret)
        step = totp.timecode(datetime.now(UTC))
        # A code is accepted once; if this member logged in during this time step
        # already, the next step's code (one step of drift is allowed) still works. A third
        # login within one step waits for the next step, whose drift admits one more code.
        for code in (totp.generate_otp(step), totp.generate_otp(step + 1), None):
            if code is None:
                time.sleep(max(0.0, (step + 1) * totp.interval - time.time()) + 0.5)
                code = totp.generate_otp(step + 2)
            page.locator('input[name="code"]').fill(code)
            _submit(page)
            if not page.url.startswith(f"{login_url}/code"):
                break
    if page.url.startswith(login_url):
        summary = page.locator(".error-summary")
        reason = summary.inner_text() if summary.count() else "no error summary shown"
        raise AssertionError(f"login as {email} was refused at {page.url}: {reason}")


def _submit(page) -> None:
    # The button is found by type, not by its label "Inloggen", so this works in English too.
    with page.expect_navigation():
        page.locator('main form button[type="submit"]').click()


# --- pages and accessibility -----------------------------------------------------------


def page_routes(app: Flask) -> list[str]:
    """Return every GET page without URL arguments, so new pages are checked automatically."""
    return sorted(
        {
            rule.rule
            for rule in app.url_map.iter_rules()
            if "GET" in rule.methods and not rule.arguments and rule.endpoint not in NOT_PAGES
        }
    )


def serious_violations(page) -> list[str]:
    """Run axe-core on the page; describe each serious or critical violation, one per line."""
    results = _axe.run(page, options=AXE_OPTIONS)
    found = []
    for violation in results.response["violations"]:
        if violation.get("impact") not in BLOCKING_IMPACTS:
            continue
        targets = "; ".join(
            " ".join(str(part) for part in node["target"]) for node in violation["nodes"]
        )
        found.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}"
        )
    return found


def assert_accessible(page) -> None:
    """Fail with every serious or critical axe-core violation on the page."""
    found = serious_violations(page)
    assert not found, f"axe-core violations on {page.url}:\n  " + "\n  ".join(found)
