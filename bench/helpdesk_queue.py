"""Benchmark the advisers' queue (/helpdesk/wachtrij) at 10,000 tickets: SQL queries and page time.

    .venv/bin/python bench/helpdesk_queue.py                   # SQLite (a file in a temp folder)
    .venv/bin/python bench/helpdesk_queue.py --tickets 50000
    .venv/bin/python bench/helpdesk_queue.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres

PostgreSQL runs in a database of its own ("helpdesk_queue_bench" on the given server, created
for the run and dropped afterwards), so it never touches application data. A benchmark, not a
test: it prints figures.
"""

import argparse
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.databases import create_bench_database, drop_bench_database  # noqa: E402

BENCH_DATABASE = "helpdesk_queue_bench"
URLS = ("/helpdesk/wachtrij", "/helpdesk/wachtrij?overdue=y&status=all",
        "/helpdesk/wachtrij?unassigned=y&page=20", "/helpdesk/wachtrij?status=all&page=100")




def fill(tickets: int) -> int:
    """Programmes, advisers, organisations, themes and `tickets` tickets; return the adviser's id."""
    from sqlalchemy import insert

    from servicecentrum.auth.models import User
    from servicecentrum.database import utcnow
    from servicecentrum.extensions import db
    from servicecentrum.helpdesk import sla
    from servicecentrum.helpdesk.models import STATUSES, Ticket
    from servicecentrum.organisations.models import Organisation
    from servicecentrum.taxonomy.models import Programme, Theme

    now, today = utcnow(), sla.today()
    advisers = [User(email=f"adviseur{n}@bench.test", name=f"Adviseur {n}", role="adviser",
                     status="active", password_hash="x", approved_at=now, email_verified_at=now,
                     role_confirmed_at=now, mfa_secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
                     mfa_enabled_at=now) for n in range(6)]
    programmes = [Programme(slug=f"programma-{n}", name=f"Programma {n}", advisers=advisers[n * 2:n * 2 + 2])
                  for n in range(3)]
    organisations = [Organisation(name=f"Gemeente {n}", kind="gemeente", region="Utrecht")
                     for n in range(300)]
    themes = [Theme(slug=f"thema-{n}", name=f"Thema {n}") for n in range(10)]
    db.session.add_all([*advisers, *programmes, *organisations, *themes])
    db.session.commit()
    rows = [{
        "subject": f"Vraag {n} over inburgering en participatie", "body": "Tekst",
        "programme_id": programmes[n % 3].id, "organisation_id": organisations[n % 300].id,
        "theme_id": themes[n % 10].id, "assignee_id": [None, *[a.id for a in advisers]][n % 7],
        "status": STATUSES[n % len(STATUSES)], "priority": "normal", "service_level": "basic",
        "routing_note": "", "publish_consent": False, "publish_named": False,
        "first_response_due": today + timedelta(days=n % 9 - 4),
        "resolution_due": today + timedelta(days=n % 30 - 8),
        "first_responded_at": now if n % 3 else None,
        "created_at": now - timedelta(minutes=n), "updated_at": now,
    } for n in range(tickets)]
    for first in range(0, len(rows), 5000):
        db.session.execute(insert(Ticket.__table__), rows[first:first + 5000])
    db.session.commit()
    return advisers[0].id


def login(app, client, user_id: int) -> None:
    from servicecentrum.auth import sessions
    from servicecentrum.auth.web import SESSION_TOKEN_KEY
    from servicecentrum.extensions import db

    with app.app_context():
        token = sessions.start_session(db.session.get(sessions.User, user_id), "127.0.0.1", "bench")
        db.session.commit()
    with client.session_transaction() as session:
        session["_user_id"], session["_fresh"], session[SESSION_TOKEN_KEY] = str(user_id), True, token


def measure(app, client, url: str, rounds: int) -> tuple[int, list[float]]:
    from sqlalchemy import event

    from servicecentrum.extensions import db

    statements = []
    with app.app_context():
        engine = db.engine

    def count(_conn, _cursor, statement, *_args):
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")):
            statements.append(statement)

    warm = client.get(url)  # warm up
    assert warm.status_code == 200, (url, warm.status_code, warm.headers.get("Location"))
    event.listen(engine, "before_cursor_execute", count)
    assert client.get(url).status_code == 200, url
    event.remove(engine, "before_cursor_execute", count)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return len(statements), times


def run(name: str, database_url: str, tickets: int, rounds: int, create_schema: bool) -> None:
    from servicecentrum import create_app
    from servicecentrum.extensions import db

    with tempfile.TemporaryDirectory(prefix="queue-bench-") as instance:
        app = create_app({"TESTING": True, "SECRET_KEY": "bench", "INSTANCE_PATH": instance,
                          "DATABASE_URL": database_url or f"sqlite:///{instance}/bench.db",
                          "SEARCH_INDEX_DIR": f"{instance}/search-index"})
        with app.app_context():
            if create_schema:
                db.create_all()
            start = time.perf_counter()
            adviser_id = fill(tickets)
            print(f"\n{name}: {tickets} tickets inserted in {time.perf_counter() - start:.1f} s")
            if database_url:
                with db.engine.connect() as conn:
                    conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
        client = app.test_client()
        login(app, client, adviser_id)
        print(f"{'page':50} {'queries':>7} {'p50 ms':>8} {'max ms':>8}")
        for url in URLS:
            queries, times = measure(app, client, url, rounds)
            print(f"{url:50} {queries:>7} {statistics.median(times):>8.1f} {max(times):>8.1f}")
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--database-url", help="a PostgreSQL server (its own bench database is used)")
    args = parser.parse_args()
    if args.database_url:
        url = create_bench_database(args.database_url, BENCH_DATABASE)
        try:
            run("PostgreSQL", url, args.tickets, args.rounds, create_schema=True)
        finally:
            drop_bench_database(args.database_url, BENCH_DATABASE)
    else:
        run("SQLite", "", args.tickets, args.rounds, create_schema=True)


if __name__ == "__main__":
    main()
