"""Fixtures for every test: a fresh app and database per test, clients, helpers.

SQLite in memory by default; TEST_DATABASE_URL switches the whole suite to PostgreSQL,
whose schema is built once by the migrations and emptied after every test.
"""

import os
import re
import tempfile
from contextlib import contextmanager, nullcontext
from types import SimpleNamespace

import pytest
from flask import has_app_context
from sqlalchemy import event, text

from servicecentrum import create_app
from servicecentrum.extensions import db

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")
CSRF_PATTERN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
STATIC_BUILD_DIR = tempfile.mkdtemp(prefix="servicecentrum-static-")
NOT_COUNTED = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


def base_config(tmp_path, database_url: str) -> dict:
    """Settings for a test app; the instance folder and search index live in tmp_path."""
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "DATABASE_URL": database_url,
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "SEARCH_INDEX_DIR": str(tmp_path / "instance" / "search-index"),
        "SESSION_COOKIE_SECURE": False,
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": 2525,
        "SERVER_NAME": None,
        "TALLY_FLUSH_SECONDS": 0,  # no flusher thread: a test flushes the tallies itself
        "STATIC_BUILD_DIR": STATIC_BUILD_DIR,  # built once for the whole run, not per test
    }


def reset_postgres_schema(url: str) -> None:
    """Drop everything in the test database and build the schema with the migrations."""
    from flask_migrate import upgrade

    app = create_app({"TESTING": True, "SECRET_KEY": "x", "DATABASE_URL": url})
    with app.app_context():
        with db.engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        upgrade()
        db.engine.dispose()


def empty_all_tables() -> None:
    """Remove every row (PostgreSQL): fast isolation between tests."""
    names = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
    db.session.remove()
    with db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture(scope="session")
def database_url():
    """The database every test runs on: PostgreSQL when asked, else None (SQLite)."""
    if TEST_DATABASE_URL:
        reset_postgres_schema(TEST_DATABASE_URL)
    return TEST_DATABASE_URL


@contextmanager
def app_for(tmp_path, database_url, **overrides):
    """Build an app with its own empty database; clean up afterwards."""
    config = base_config(tmp_path, database_url or "sqlite://")
    config.update(overrides)
    application = create_app(config)
    with application.app_context():
        if not database_url:
            db.create_all()
    try:
        yield application
    finally:
        with application.app_context():
            if database_url:
                empty_all_tables()
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def app(tmp_path, database_url):
    """A fresh app and empty database; no app context is pushed (requests get their own)."""
    with app_for(tmp_path, database_url) as application:
        yield application


@pytest.fixture
def app_ctx(app):
    """An app context for tests that call services directly, without HTTP."""
    with app.app_context():
        yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def csrf_token_from(html: str) -> str:
    match = CSRF_PATTERN.search(html)
    assert match, "page has no CSRF token"
    return match.group(1)


@pytest.fixture
def csrf_token():
    """Return a valid CSRF token for the client's session (read from a page it renders)."""

    def get(client, path: str = "/toegankelijkheid") -> str:
        return csrf_token_from(client.get(path).get_data(as_text=True))

    return get


@pytest.fixture
def post_form(csrf_token):
    """POST data to a form the way a browser would: with the page's CSRF token."""

    def post(client, url: str, data: dict | None = None, page: str | None = None, **kwargs):
        payload = dict(data or {})
        payload["csrf_token"] = csrf_token(client, page or "/toegankelijkheid")
        return client.post(url, data=payload, **kwargs)

    return post


def open_session_for(app, client, user) -> str:
    """Open a server-side session for the user and put it in the client's cookie."""
    from servicecentrum.auth import sessions
    from servicecentrum.auth.web import SESSION_TOKEN_KEY

    user_id = user if isinstance(user, int) else user.id
    # Reuse an active app context: a second one would open a second transaction on
    # SQLite's single in-memory connection.
    with nullcontext() if has_app_context() else app.app_context():
        member = db.session.get(sessions.User, user_id)
        token = sessions.start_session(member, "127.0.0.1", "pytest")
        db.session.commit()
    with client.session_transaction() as session:
        session["_user_id"] = str(user_id)
        session["_fresh"] = True
        session[SESSION_TOKEN_KEY] = token
    return token


@pytest.fixture
def login(app):
    """Log the client in as the user (a User or an id), with a real server-side session."""

    def do_login(client, user) -> str:
        return open_session_for(app, client, user)

    return do_login


@pytest.fixture
def count_queries(app):
    """Count the SQL statements run inside a ``with count_queries() as q:`` block."""

    @contextmanager
    def counter():
        stats = SimpleNamespace(count=0, statements=[])

        def before_execute(_conn, _cursor, statement, *_args):
            if not statement.lstrip().upper().startswith(NOT_COUNTED):
                stats.count += 1
                stats.statements.append(statement)

        with app.app_context():
            engine = db.engine
        event.listen(engine, "before_cursor_execute", before_execute)
        try:
            yield stats
        finally:
            event.remove(engine, "before_cursor_execute", before_execute)

    return counter
