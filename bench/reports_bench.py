"""Benchmark the report pages (/rapportage, /rapportage/signalen) on the `demo generate` data set.

    .venv/bin/python bench/reports_bench.py                      # SQLite file in a temp folder, defaults
    .venv/bin/python bench/reports_bench.py --scale 0.2          # a fifth of the defaults
    .venv/bin/python bench/reports_bench.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres

Builds a fresh database twice: a small set (--small-scale of the defaults) and the full set
(--scale), each with `demo seed` + `demo generate`; logs in the demo adviser and times every page
over --rounds requests (p50/p95/max) and counts its SQL queries, so the two sets can be compared:
the query count must not grow with the data. PostgreSQL runs in a database of its own
("reports_bench" on the given server, created for the run and dropped afterwards). A benchmark,
not a test: it prints figures.
"""

import argparse
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.databases import create_bench_database, drop_bench_database  # noqa: E402
from bench.helpdesk_queue import login  # noqa: E402

BENCH_DATABASE = "reports_bench"
DASHBOARD, FALLBACK, SIGNALS = "/rapportage", "/rapportage/declaraties", "/rapportage/signalen"
DEFAULTS = {"members": 2000, "practices": 20000, "questions": 10000, "tickets": 50000, "events": 500}
ADVISER = "adviseur@demo.test"


def fill(app, scale: float) -> tuple[int, float]:
    """`demo seed` + `demo generate` at this scale; return the adviser's id and generation seconds."""
    from sqlalchemy import select

    from servicecentrum.auth.models import User
    from servicecentrum.database import utcnow
    from servicecentrum.extensions import db

    runner = app.test_cli_runner()
    result = runner.invoke(args=["demo", "seed", "--password", "bench-wachtwoord-2026"])
    assert result.exit_code == 0, result.output
    sizes = [f"--{name}={max(1, round(value * scale))}" for name, value in DEFAULTS.items()]
    start = time.perf_counter()
    result = runner.invoke(args=["demo", "generate", *sizes])
    seconds = time.perf_counter() - start
    assert result.exit_code == 0, (result.output, result.exception)
    print("  " + result.output.strip().splitlines()[-2])
    with app.app_context():
        adviser = db.session.scalar(select(User).where(User.email == ADVISER))
        adviser.mfa_secret, adviser.mfa_enabled_at = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", utcnow()
        db.session.commit()
        return adviser.id, seconds


def measure(app, client, url: str, rounds: int, show_queries: int = 0) -> tuple[int, list[float]] | None:
    """Queries of one request (after a warm-up) and the times of `rounds` requests; None on a 404."""
    from sqlalchemy import event

    from servicecentrum.extensions import db

    warm = client.get(url)
    if warm.status_code == 404:
        return None
    assert warm.status_code == 200, (url, warm.status_code, warm.headers.get("Location"))
    statements, started = [], []

    def before(_conn, _cursor, statement, *_args):
        started.append(time.perf_counter())

    def after(_conn, _cursor, statement, *_args):
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")):
            statements.append(((time.perf_counter() - started.pop()) * 1000, statement))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    assert client.get(url).status_code == 200, url
    event.remove(engine, "before_cursor_execute", before)
    event.remove(engine, "after_cursor_execute", after)
    if show_queries:
        for ms, statement in sorted(statements, reverse=True)[:show_queries]:
            print(f"      {ms:8.1f} ms  {' '.join(statement.split())[:150]}")
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return len(statements), times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(name: str, database_url: str | None, scale: float, rounds: int, show_queries: int = 0) -> dict:
    from servicecentrum import create_app
    from servicecentrum.extensions import db

    results = {}
    with tempfile.TemporaryDirectory(prefix="reports-bench-") as instance:
        app = create_app({"TESTING": True, "SECRET_KEY": "bench", "INSTANCE_PATH": instance,
                          "DATABASE_URL": database_url or f"sqlite:///{instance}/bench.db",
                          "SEARCH_INDEX_DIR": f"{instance}/search-index"})
        with app.app_context():
            db.create_all()
        print(f"\n{name}, scale {scale:g} of the defaults:")
        adviser_id, seconds = fill(app, scale)
        print(f"  generated in {seconds:.1f} s")
        if database_url:
            with app.app_context(), db.engine.connect() as conn:
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
        client = app.test_client()
        login(app, client, adviser_id)
        print(f"  {'page':28} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        for url in (DASHBOARD, SIGNALS):
            measured = measure(app, client, url, rounds, show_queries)
            if measured is None and url == DASHBOARD:
                print(f"  note: {DASHBOARD} does not exist yet; timing {FALLBACK} instead")
                url, measured = FALLBACK, measure(app, client, FALLBACK, rounds, show_queries)
            if measured is None:
                print(f"  {url:28} 404 (not built yet)")
                continue
            queries, times = measured
            results[url] = (queries, times)
            print(f"  {url:28} {queries:>7} {statistics.median(times):>8.1f} "
                  f"{percentile(times, 0.95):>8.1f} {max(times):>8.1f}")
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
    return {"generate_seconds": seconds, "pages": results}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="factor on the `demo generate` defaults")
    parser.add_argument("--small-scale", type=float, default=0.01, help="the small set to compare with")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--show-queries", type=int, default=0, metavar="N",
                        help="print the N slowest SQL statements of each page (one request)")
    parser.add_argument("--database-url", help="a PostgreSQL server (its own bench database is used)")
    args = parser.parse_args()
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, {platform.machine()}, "
          f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")
    name = "PostgreSQL" if args.database_url else "SQLite"
    summary = {}
    for scale in (args.small_scale, args.scale):
        if args.database_url:
            url = create_bench_database(args.database_url, BENCH_DATABASE)
            try:
                summary[scale] = run(name, url, scale, args.rounds, args.show_queries)
            finally:
                drop_bench_database(args.database_url, BENCH_DATABASE)
        else:
            summary[scale] = run(name, None, scale, args.rounds, args.show_queries)
    small, large = summary[args.small_scale]["pages"], summary[args.scale]["pages"]
    for url in large:
        if url in small:
            same = "same" if small[url][0] == large[url][0] else "DIFFERENT"
            print(f"{url}: {small[url][0]} queries on the small set, "
                  f"{large[url][0]} on the large set ({same})")


if __name__ == "__main__":
    main()
