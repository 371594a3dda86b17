"""Queries per request for bench/pages.py: one request per page in a Flask test client, same database."""

from sqlalchemy import event

from bench.pages_setup import Setup, app_for

SKIPPED = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


def count_queries(setup: Setup, cookies: dict[str, dict], pages: list[tuple[str, str]]) -> list[int]:
    """SQL statements of one request to each (role, path), after one warm-up request.

    The test client carries the session cookie that the login form gave gunicorn, so it is the
    same member in the same server-side session; the warm-up fills the per-process caches a
    worker under wrk has filled too.
    """
    from servicecentrum.extensions import db

    counts = []
    with app_for(setup) as app:
        with app.app_context():
            engine = db.engine
        clients = {}
        for role, jar in cookies.items():
            clients[role] = app.test_client()
            for name, value in jar.items():
                clients[role].set_cookie(name, value)
        for role, path in pages:
            client, statements = clients[role], []

            def count(_conn, _cursor, statement, *_args, statements=statements):
                if not statement.lstrip().upper().startswith(SKIPPED):
                    statements.append(statement)

            warm = client.get(path)
            if warm.status_code != 200:
                raise RuntimeError(f"test client: {path} as {role} answered {warm.status_code}")
            event.listen(engine, "before_cursor_execute", count)
            try:
                client.get(path)
            finally:
                event.remove(engine, "before_cursor_execute", count)
            counts.append(len(statements))
    return counts
