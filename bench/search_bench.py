"""Benchmark the search backends at 20,000 Dutch practices: indexing rate and query latency.

    .venv/bin/python bench/search_bench.py                 # Whoosh, and PostgreSQL when it answers
    .venv/bin/python bench/search_bench.py --docs 5000 --no-postgres
    .venv/bin/python bench/search_bench.py --database-url postgresql://postgres@127.0.0.1:5432/test

PostgreSQL runs in a database of its own ("search_bench" on the given server, created when
missing), so it never touches application data. A benchmark, not a test: it prints figures.
"""

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import practices, queries  # noqa: E402

DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/test"
BENCH_DATABASE = "search_bench"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def figures(times: list[float], hits: float) -> dict:
    return {"p50": percentile(times, 0.50), "p95": percentile(times, 0.95), "max": max(times),
            "mean": statistics.fmean(times), "with_hits": hits}


def timed(backend, query_list: list[str], **options) -> tuple[list[float], int]:
    times, hits = [], 0
    for query in query_list:
        start = time.perf_counter()
        results = backend.search(query, limit=10, **options)
        times.append((time.perf_counter() - start) * 1000)
        hits += bool(results.total)
    return times, hits


def measure(backend, query_list: list[str], rounds: int, **options) -> tuple[dict, dict]:
    """Time one cold pass (fresh caches), then `rounds` warm passes; return both in ms."""
    cold_times, hits = timed(backend, query_list, **options)
    warm_times = []
    for _ in range(rounds):
        warm_times += timed(backend, query_list, **options)[0]
    return figures(cold_times, hits), figures(warm_times, hits)


def index(backend, count: int, commit=None) -> float:
    """Rebuild the backend's index with `count` documents; return documents per second."""
    start = time.perf_counter()
    with backend.write_lock() as held:
        assert held, "index lock busy"
        indexed = backend.rebuild(practices(count))
        if commit:
            commit()
    return indexed / (time.perf_counter() - start)


def incremental(backend, count: int, batch: int = 50, commit=None) -> float:
    """Re-index `count` documents in outbox-sized batches; return documents per second."""
    docs = list(practices(count, seed=99))
    start = time.perf_counter()
    for first in range(0, count, batch):
        with backend.write_lock() as held:
            assert held
            backend.apply(docs[first:first + batch], [])
            if commit:
                commit()
    return count / (time.perf_counter() - start)


def report(name: str, rate: float, update_rate: float, runs: dict) -> None:
    print(f"\n{name}")
    print(f"  indexing (rebuild):        {rate:8.0f} docs/s")
    print(f"  indexing (batches of 50):  {update_rate:8.0f} docs/s")
    for label, figures_ in runs.items():
        print(f"  {label:<26} p50 {figures_['p50']:6.1f} ms   p95 {figures_['p95']:6.1f} ms   "
              f"max {figures_['max']:6.1f} ms   mean {figures_['mean']:6.1f} ms   "
              f"({figures_['with_hits']} queries with hits)")


def runs_for(make_backend, query_list: list[str], rounds: int) -> dict:
    """Measure the backend API (top 10) and the search page path (1,000 ranked, rights checked)."""
    runs = {}
    for label, options in (("top 10", {}), ("page path", {"allowed": lambda keys: set(keys)})):
        cold, warm = measure(make_backend(), query_list, rounds, **options)
        runs[f"{label}, cold"] = cold
        runs[f"{label}, warm"] = warm
    return runs


def run_whoosh(count: int, query_list: list[str], rounds: int) -> None:
    from servicecentrum.search.whoosh_backend import WhooshBackend

    with tempfile.TemporaryDirectory(prefix="search-bench-") as directory:
        path = os.path.join(directory, "search-index")
        rate = index(WhooshBackend(path), count)
        # A fresh backend per run: a new process, with empty caches, as after a deploy.
        runs = runs_for(lambda: WhooshBackend(path), query_list, rounds)
        update_rate = incremental(WhooshBackend(path), 500)
        report(f"Whoosh ({count} documents, {len(query_list)} queries, {rounds} warm passes)",
               rate, update_rate, runs)


def bench_database_url(server_url: str) -> str | None:
    """Return the URL of the benchmark's own database on this server (created when missing)."""
    import psycopg

    server_url = server_url.replace("postgresql+psycopg://", "postgresql://")
    try:
        with psycopg.connect(server_url, autocommit=True, connect_timeout=3) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                  (BENCH_DATABASE,)).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{BENCH_DATABASE}"')
    except psycopg.OperationalError as exc:
        print(f"\nPostgreSQL not reachable at {server_url}: skipped ({exc.__class__.__name__})")
        return None
    return server_url.rsplit("/", 1)[0] + "/" + BENCH_DATABASE


def run_postgres(server_url: str, count: int, query_list: list[str], rounds: int) -> None:
    url = bench_database_url(server_url)
    if url is None:
        return
    from servicecentrum import create_app
    from servicecentrum.extensions import db
    from servicecentrum.search.models import SearchDocument
    from servicecentrum.search.postgres_backend import PostgresBackend

    with tempfile.TemporaryDirectory(prefix="search-bench-") as instance:
        app = create_app({"TESTING": True, "SECRET_KEY": "bench", "DATABASE_URL": url,
                          "INSTANCE_PATH": instance, "SEARCH_BACKEND": "postgres"})
        with app.app_context():
            SearchDocument.__table__.create(db.engine, checkfirst=True)
            backend = PostgresBackend()
            rate = index(backend, count, commit=db.session.commit)
            with db.engine.connect() as conn:  # VACUUM runs outside a transaction
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                    "VACUUM ANALYZE search_documents")
            runs = runs_for(PostgresBackend, query_list, rounds)
            update_rate = incremental(backend, 500, commit=db.session.commit)
            report(f"PostgreSQL ({count} documents, {len(query_list)} queries, {rounds} warm passes)",
                   rate, update_rate, runs)
            db.session.execute(db.text("DELETE FROM search_documents"))
            db.session.commit()
            db.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3, help="timed passes over the queries")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_SERVER))
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-whoosh", action="store_true")
    args = parser.parse_args()
    query_list = queries(args.queries)
    print(f"{platform.node()}: {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d %H:%M')}")
    if not args.no_whoosh:
        run_whoosh(args.docs, query_list, args.rounds)
    if not args.no_postgres:
        run_postgres(args.database_url, args.docs, query_list, args.rounds)


if __name__ == "__main__":
    main()
