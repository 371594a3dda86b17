"""Time GET /rapportage with the usual period filters on a database of your own (p50/p95 in ms).

    export SERVICECENTRUM_INSTANCE_PATH=/tmp/bench-reports             # your own instance folder
    .venv/bin/python bench/reports_rollup.py --fill                     # SQLite there: seed + generate
    .venv/bin/python bench/reports_rollup.py --rollup                   # build the roll-ups, then time
    .venv/bin/python bench/reports_rollup.py --fill --database-url postgresql+psycopg://postgres@127.0.0.1/mine

Unlike bench/reports_bench.py this keeps the database between runs: ``--fill`` migrates it and
runs `demo seed` + `demo generate` (default sizes) once, when it has no tickets yet. ``--rollup``
runs the nightly roll-up first and prints how long it took; ``--drop-rollups`` empties the
roll-up tables, so every figure comes live from the raw tables (the old cost). The demo adviser
is logged in and every URL is requested ``--rounds`` times after a warm-up; printed per URL and
over all: SQL queries of one request, p50, p95 and max in ms, and the p50/p95 of the CPU time
of this process (with SQLite that includes the database's work, and it is steadier than the
wall clock when other work shares the machine). A benchmark, not a test.
"""

import argparse
import os
import platform
import sqlite3
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.helpdesk_queue import login  # noqa: E402
from bench.reports_bench import ADVISER, percentile  # noqa: E402

PASSWORD = "bench-wachtwoord-2026"  # noqa: S105 (the demo accounts of a throw-away database)


def quarter_before(today: date) -> tuple[date, date]:
    first = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    end = first - timedelta(days=1)
    return date(end.year, 3 * ((end.month - 1) // 3) + 1, 1), end


def urls(today: date, programme_id: int | None, theme_id: int | None) -> list[str]:
    """The period filters staff use: the default year, last quarter, this month, two years by programme."""
    q_start, q_end = quarter_before(today)
    found = [
        "/rapportage",
        f"/rapportage?van={q_start}&tot={q_end}",
        f"/rapportage?van={today.replace(day=1)}&tot={today}",
        f"/rapportage?van={today.replace(month=1, day=1)}&tot={today}",
    ]
    if programme_id:
        found.append(f"/rapportage?van={today - timedelta(days=730)}&tot={today}&programma={programme_id}")
    if theme_id:
        found.append(f"/rapportage?van={q_start}&tot={today}&thema={theme_id}")
    return found


def fill(app) -> None:
    """Migrate, then `demo seed` + `demo generate` unless there are tickets already."""
    from flask_migrate import upgrade
    from sqlalchemy import func, select

    from servicecentrum.extensions import db
    from servicecentrum.helpdesk.models import Ticket

    with app.app_context():
        upgrade()
        if db.session.scalar(select(func.count(Ticket.id))):
            print("  the database has tickets already: not generating")
            return
    runner = app.test_cli_runner()
    for args in (["demo", "seed", "--password", PASSWORD], ["demo", "generate", "--password", PASSWORD]):
        result = runner.invoke(args=args)
        assert result.exit_code == 0, (result.output, result.exception)
        print("  " + result.output.strip().splitlines()[-1 if args[1] == "seed" else -2])


def prepare(app, rollup: bool, drop: bool) -> tuple[int, int | None, int | None]:
    """MFA for the adviser, the roll-ups as asked; return the adviser's, a programme's and a theme's id."""
    from sqlalchemy import delete, select

    from servicecentrum.auth.models import User
    from servicecentrum.database import utcnow
    from servicecentrum.extensions import db
    from servicecentrum.taxonomy.models import Programme, Theme

    with app.app_context():
        adviser = db.session.scalar(select(User).where(User.email == ADVISER))
        adviser.mfa_secret, adviser.mfa_enabled_at = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", utcnow()
        db.session.commit()
        if drop or rollup:
            from servicecentrum.reports import rollup_models

            for model in rollup_models.ROLLUP_MODELS:
                db.session.execute(delete(model))
            db.session.commit()
        if rollup:
            from servicecentrum.reports.rollup import roll_up

            result = roll_up(rebuild=True)
            print(f"  roll-up of {result.days} days ({result.first} to {result.last}) "
                  f"in {result.seconds:.1f} s")
        return (adviser.id, db.session.scalar(select(Programme.id).order_by(Programme.name)),
                db.session.scalar(select(Theme.id).order_by(Theme.name)))


def count_queries(app, client, url: str, show: int) -> int:
    """The SQL statements of one request (the slowest ``show`` printed with their times)."""
    from sqlalchemy import event

    from servicecentrum.extensions import db

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
    try:
        assert client.get(url).status_code == 200, url
    finally:
        event.remove(engine, "before_cursor_execute", before)
        event.remove(engine, "after_cursor_execute", after)
    for ms, statement in sorted(statements, reverse=True)[:show]:
        print(f"      {ms:8.1f} ms  {' '.join(statement.split())[:150]}")
    return len(statements)


def timed(client, url: str) -> tuple[float, float]:
    """Wall-clock and CPU milliseconds of one request (CPU: this process, so SQLite's work too)."""
    wall, cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def line(label: str, queries, wall: list[float], cpu: list[float]) -> str:
    return (f"  {label:62} {queries:>7} {statistics.median(wall):>8.1f} {percentile(wall, 0.95):>8.1f} "
            f"{max(wall):>8.1f} {statistics.median(cpu):>8.1f} {percentile(cpu, 0.95):>8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: SQLite in the instance folder")
    parser.add_argument("--instance", default=os.environ.get("SERVICECENTRUM_INSTANCE_PATH"),
                        help="instance folder (default $SERVICECENTRUM_INSTANCE_PATH)")
    parser.add_argument("--fill", action="store_true", help="migrate and generate the demo data set if empty")
    parser.add_argument("--rollup", action="store_true", help="rebuild the roll-ups before timing")
    parser.add_argument("--drop-rollups", action="store_true", help="empty the roll-ups: all figures live")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--show-queries", type=int, default=0, metavar="N",
                        help="print the N slowest SQL statements of each URL (one request)")
    args = parser.parse_args()
    if not args.instance:
        parser.error("set SERVICECENTRUM_INSTANCE_PATH or --instance to a folder of your own")
    from servicecentrum import create_app
    from servicecentrum.helpdesk.sla import today

    url = args.database_url or f"sqlite:///{Path(args.instance) / 'servicecentrum.db'}"
    app = create_app({"TESTING": True, "SECRET_KEY": "bench", "INSTANCE_PATH": args.instance,
                      "DATABASE_URL": url, "SEARCH_INDEX_DIR": str(Path(args.instance) / "search-index")})
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, {platform.machine()}, "
          f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}; "
          f"{'PostgreSQL' if args.database_url else 'SQLite'}")
    if args.fill:
        fill(app)
    adviser_id, programme_id, theme_id = prepare(app, args.rollup, args.drop_rollups)
    client = app.test_client()
    login(app, client, adviser_id)
    with app.app_context():
        pages = urls(today(), programme_id, theme_id)
    print(f"  {'GET':62} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} "
          f"{'cpu p50':>8} {'cpu p95':>8}")
    queries = {}
    for page in pages:
        client.get(page)  # warm up
        queries[page] = count_queries(app, client, page, args.show_queries)
    # Round-robin, so that a busy moment on a shared machine hits every URL alike.
    wall, cpu = {page: [] for page in pages}, {page: [] for page in pages}
    for _ in range(args.rounds):
        for page in pages:
            ms, cpu_ms = timed(client, page)
            wall[page].append(ms)
            cpu[page].append(cpu_ms)
    for page in pages:
        print(line(page, queries[page], wall[page], cpu[page]))
    print(line("all of the above", "", [t for page in pages for t in wall[page]],
               [t for page in pages for t in cpu[page]]))
    print(f"  load average {os.getloadavg()[0]:.1f} (the machine's; other work slows the wall-clock times)")


if __name__ == "__main__":
    main()
