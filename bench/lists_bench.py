"""Benchmark the list pages at the `demo generate` size: time and SQL queries per request.

Prepare a database once, in a folder (SQLite) or a PostgreSQL database of your own, e.g.:

    export SERVICECENTRUM_INSTANCE_PATH=/tmp/lists SECRET_KEY=bench   # DATABASE_URL=... for PostgreSQL
    flask --app wsgi db upgrade && flask --app wsgi demo seed --password benchbench12
    flask --app wsgi demo generate --tickets 10000 && flask --app wsgi search reindex

(docs/performance.md adds 100,000 audit events and 20,000 outbox mails by SQL for the admin lists.)

then run (the same environment; --database-url overrides DATABASE_URL):

    .venv/bin/python bench/lists_bench.py --rounds 20
    .venv/bin/python bench/lists_bench.py --only /praktijken --rounds 50

Each page is requested once to warm up, once with every SQL statement recorded (the query count
includes the login check; "counts" is how many of them are a COUNT), then `rounds` times with
a Flask test client ("cpu ms" is this process's CPU time: it includes SQLite's work but not a
PostgreSQL server's, and is less disturbed by other load on the machine). The demo accounts
(officer, adviser, admin) are logged in through a server-side session; staff get a TOTP secret
when they have none, so the bench database is changed in that one way. A benchmark, not a test:
it prints figures.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

OFFICER, ADVISER, ADMIN = "ambtenaar@demo.test", "adviseur@demo.test", "beheerder@demo.test"
PAGES = [
    (OFFICER, "/praktijken"),
    (OFFICER, "/praktijken?theme=onderwijs&kind=methode"),
    (OFFICER, "/praktijken?sort=title&page=40"),
    (OFFICER, "/vragen"),
    (OFFICER, "/vragen?sort=activity&unanswered=y&page=5"),
    (ADVISER, "/helpdesk/wachtrij"),
    (ADVISER, "/helpdesk/wachtrij?status=all&page=20"),
    (OFFICER, "/zoeken?q=inburgering"),
    (OFFICER, "/zoeken?q=taal&type=practice"),
    (OFFICER, "/bijeenkomsten?periode=afgelopen"),
    (OFFICER, "/helpdesk"),
    (OFFICER, "/leden"),
    (ADMIN, "/beheer/gebruikers"),
    (ADMIN, "/beheer/organisaties"),
    (ADMIN, "/beheer/aanvragen"),
    (ADMIN, "/beheer/gebruikers?status=active&page=10"),
    (ADMIN, "/beheer/audit"),
    (ADMIN, "/beheer/audit?action=login_failed&page=5"),
    (ADMIN, "/beheer/e-mail"),
    (ADMIN, "/beheer/e-mail?status=failed"),
]
NOT_COUNTED = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


def login(app, client, email: str) -> None:
    """Open a server-side session for the account and put it in the client's cookie."""
    from sqlalchemy import select

    from servicecentrum.auth import sessions
    from servicecentrum.auth.models import User
    from servicecentrum.auth.web import SESSION_TOKEN_KEY
    from servicecentrum.database import utcnow
    from servicecentrum.extensions import db

    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        if user.is_staff and user.mfa_enabled_at is None:  # staff without MFA are sent to set it up
            user.mfa_secret, user.mfa_enabled_at = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", utcnow()
        token = sessions.start_session(user, "127.0.0.1", "bench")
        db.session.commit()
        user_id = user.id
    with client.session_transaction() as session:
        session["_user_id"], session["_fresh"], session[SESSION_TOKEN_KEY] = str(user_id), True, token


def measure(app, client, url: str, rounds: int) -> tuple[list, list[float], list[float]]:
    """Return the (statement, parameters) of one request, and the wall and CPU times of `rounds` more."""
    from sqlalchemy import event

    from servicecentrum.extensions import db

    statements: list = []
    with app.app_context():
        engine = db.engine

    def record(_conn, _cursor, statement, parameters, *_args):
        if not statement.lstrip().upper().startswith(NOT_COUNTED):
            statements.append((statement, parameters))

    warm = client.get(url)
    assert warm.status_code == 200, (url, warm.status_code, warm.headers.get("Location"))
    event.listen(engine, "before_cursor_execute", record)
    try:
        client.get(url)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    times, cpu = [], []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statements, times, cpu


def explain(app, statement: str, parameters) -> list[str]:
    """The database's plan of one statement: EXPLAIN QUERY PLAN (SQLite) or EXPLAIN (PostgreSQL)."""
    from servicecentrum.extensions import db

    with app.app_context(), db.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
            depth = {0: -1}
            lines = []
            for node, parent, _unused, detail in rows:
                depth[node] = depth.get(parent, -1) + 1
                lines.append("  " * depth[node] + detail)
            return lines
        return [row[0] for row in conn.exec_driver_sql("EXPLAIN " + statement, parameters)]


def is_list_query(statement: str) -> bool:
    """A page of rows, a capped count or the facet counts: the statements worth a plan."""
    return " LIMIT " in statement or " UNION ALL " in statement


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    parser.add_argument("--only", action="append", help="only the pages whose URL starts with this")
    parser.add_argument("--show-sql", action="store_true", help="print each page's statements")
    parser.add_argument("--explain", action="store_true", help="print the plans of the list queries")
    args = parser.parse_args()

    from servicecentrum import create_app

    config = {"SECRET_KEY": os.environ.get("SECRET_KEY", "bench"), "WTF_CSRF_ENABLED": False}
    if args.database_url:
        config["DATABASE_URL"] = args.database_url
    app = create_app(config)
    clients = {}
    print(f"database: {app.config['SQLALCHEMY_DATABASE_URI'].split('@')[-1]}, {args.rounds} rounds")
    print(f"{'page':48} {'queries':>7} {'counts':>6} {'mean ms':>8} {'p95 ms':>8} {'cpu ms':>7}")
    for email, url in PAGES:
        if args.only and not any(url.startswith(prefix) for prefix in args.only):
            continue
        if email not in clients:
            clients[email] = app.test_client()
            login(app, clients[email], email)
        statements, times, cpu = measure(app, clients[email], url, args.rounds)
        counts = sum(1 for statement, _ in statements if "count(" in statement.lower())
        print(f"{url:48} {len(statements):>7} {counts:>6} {statistics.fmean(times):>8.1f} {p95(times):>8.1f}"
              f" {statistics.fmean(cpu):>7.1f}")
        for statement, parameters in statements:
            if args.show_sql:
                print("    " + " ".join(statement.split())[:300])
            if args.explain and is_list_query(statement):
                print("    -- " + " ".join(statement.split())[:160])
                print("\n".join("       " + line for line in explain(app, statement, parameters)))


if __name__ == "__main__":
    main()
