"""A page view only reads: no write, no write lock, no commit, a bounded number of queries.

Every GET route of the URL map is opened in the demo world, with real ids, by each role.
The engine's events see every statement: an INSERT, UPDATE or DELETE, a BEGIN IMMEDIATE
(SQLite's write lock) or a COMMIT in a GET fails the test, and so does a page with more
than QUERY_BUDGET queries (the login check included) or a login check of more than one.
"""

from dataclasses import dataclass, field

import pytest
from sqlalchemy import event, select

from servicecentrum.auth.models import User
from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from tests.conftest import open_session_for
from tests.factories import MFA_SECRET
from tests.route_walker import walk

QUERY_BUDGET = 12
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "UPSERT", "MERGE", "BEGIN IMMEDIATE", "BEGIN EXCLUSIVE")
UNCOUNTED = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")
DEMO_LOGINS = {"officer": "ambtenaar@demo.test", "adviser": "adviseur@demo.test",
               "admin": "beheerder@demo.test"}


@dataclass
class Recorder:
    statements: list[str] = field(default_factory=list)
    commits: int = 0

    def before_execute(self, _conn, _cursor, statement, *_args):
        self.statements.append(" ".join(statement.split()))

    def on_commit(self, _conn):
        self.commits += 1

    @property
    def writes(self) -> list[str]:
        return [s for s in self.statements if s.upper().startswith(WRITES)]

    @property
    def queries(self) -> list[str]:
        return [s for s in self.statements if not s.upper().startswith(UNCOUNTED)]


@pytest.fixture
def recorded(app):
    """Run a request with every statement and commit on the engine recorded."""
    with app.app_context():
        engine = db.engine

    def record(client, url):
        recorder = Recorder()
        event.listen(engine, "before_cursor_execute", recorder.before_execute)
        event.listen(engine, "commit", recorder.on_commit)
        try:
            response = client.get(url)
        finally:
            event.remove(engine, "before_cursor_execute", recorder.before_execute)
            event.remove(engine, "commit", recorder.on_commit)
        return response, recorder

    return record


@pytest.fixture
def demo_world(app, runner):
    result = runner.invoke(args=["demo", "seed", "--password", "demo-wachtwoord-2026"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        for user in db.session.scalars(select(User).where(User.role != "officer")):
            user.mfa_secret, user.mfa_enabled_at = MFA_SECRET, utcnow()
        db.session.commit()
        return {role: db.session.scalar(select(User.id).where(User.email == email))
                for role, email in DEMO_LOGINS.items()}


def real_ids(role: str, user_id: int) -> dict:
    """Ids of objects in the demo world that this member can see, for the walk's URLs."""
    from tests.read_walk_ids import ids_for

    return ids_for(role, user_id)


@pytest.mark.parametrize("role", ("anonymous", "officer", "adviser", "admin"))
def test_no_get_route_writes_or_locks_and_each_stays_within_the_query_budget(
        app, demo_world, recorded, role):
    client = app.test_client()
    ids = {}
    if role != "anonymous":
        open_session_for(app, client, demo_world[role])
        with app.app_context():
            ids = real_ids(role, demo_world[role])
    problems, seen_ok = [], 0
    for route in walk(app, methods=("GET",), ids=ids):
        response, recorder = recorded(client, route.url)
        label = f"{route} as {role} ({route.url} → {response.status_code})"
        if response.status_code >= 500:
            problems.append(f"{label}: server error")
        if recorder.writes:
            problems.append(f"{label}: wrote {recorder.writes[:3]}")
        if recorder.commits:
            problems.append(f"{label}: committed {recorder.commits}×")
        if len(recorder.queries) > QUERY_BUDGET:
            problems.append(f"{label}: {len(recorder.queries)} queries > {QUERY_BUDGET}")
        seen_ok += response.status_code == 200
    assert not problems, "\n".join(problems)
    assert seen_ok >= (6 if role == "anonymous" else 40)  # the walk saw real pages, not only 404s


@pytest.mark.parametrize("role", ("officer", "adviser", "admin"))
def test_the_login_check_is_one_query(app, demo_world, recorded, role):
    client = app.test_client()
    open_session_for(app, client, demo_world[role])
    # The accessibility statement reads nothing itself: what it costs is the login check,
    # the header's unread count included.
    response, recorder = recorded(client, "/toegankelijkheid")
    assert response.status_code == 200
    assert "Meldingen" in response.get_data(as_text=True)  # the bell with its count is on the page
    assert len(recorder.queries) == 1, recorder.queries
