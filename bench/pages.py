"""Throughput of our pages next to a bare Flask + Jinja page of the same size (issue 14).

    .venv/bin/python bench/pages.py                                # SQLite and PostgreSQL, demo size
    .venv/bin/python bench/pages.py --database sqlite --size large --reuse
    .venv/bin/python bench/pages.py --pages vraag,zoeken --duration 5

For each database and size: a database and instance folder of its own (see bench/pages_setup.py;
PostgreSQL in the database bench_pages_<size> on --postgres), gunicorn with 2 sync workers for
wsgi:app and, at the same time, for bench/ceiling_app.py. The officer and the adviser log in
through the login form (the adviser with a TOTP code); their session cookie goes to wrk. Per
page: its body size, wrk for --duration against our app, then against the ceiling padded to the
same size, and the SQL queries of one request (a test client on the same database). Last, the
mixed run: the officer's start page under --connections while one connection keeps asking for
/rapportage as the adviser. A benchmark, not a test: it prints figures (Markdown tables).
Needs wrk (apt-get install -y wrk).
"""

import argparse
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import pages_wrk as wrk  # noqa: E402
from bench.pages_http import Server, cookie_header, fetch, first_link, gunicorn, login  # noqa: E402
from bench.pages_queries import count_queries  # noqa: E402
from bench.pages_report import load_average, machine_lines, markdown_table  # noqa: E402
from bench.pages_setup import ADVISER, OFFICER, PASSWORD, TOTP_SECRET, Setup, cleanup, prepare  # noqa: E402

POSTGRES = "postgresql://postgres@127.0.0.1:5432"
SEARCH_WORD = "ouders"  # common in the demo and the generated texts
CEILING = "bench.ceiling_app:app"
REUSE_DIR = Path("/tmp/servicecentrum-bench-pages")


@dataclass(frozen=True)
class Page:
    key: str  # for --pages
    name: str
    role: str  # "officer" | "adviser"
    path: str  # {question}, {practice} and {event} are filled in per database


PAGES = (
    Page("overzicht", "start page", "officer", "/overzicht"),
    Page("overzicht-adviser", "start page", "adviser", "/overzicht"),
    Page("vragen", "question list", "officer", "/vragen"),
    Page("vraag", "question, 200 answers", "officer", "/vragen/{question}"),
    Page("praktijken", "practice list, facets", "officer", "/praktijken"),
    Page("praktijk", "practice", "officer", "{practice}"),
    Page("zoeken", f"search '{SEARCH_WORD}'", "officer", f"/zoeken?q={SEARCH_WORD}"),
    Page("bijeenkomsten", "event list", "officer", "/bijeenkomsten"),
    Page("bijeenkomst", "event", "officer", "{event}"),
    Page("helpdesk", "my helpdesk questions", "officer", "/helpdesk"),
    Page("wachtrij", "adviser queue", "adviser", "/helpdesk/wachtrij"),
    Page("rapportage", "reports", "adviser", "/rapportage"),
)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--size", choices=("demo", "large", "both"), default="demo",
                        help="demo: `demo bootstrap`; large: plus `demo generate` with its defaults")
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page and server")
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--rounds", type=int, default=1,
                        help="runs per page and server, ours and the ceiling in turn; the median counts")
    parser.add_argument("--warmup", type=int, default=1, help="seconds of wrk before each measurement")
    parser.add_argument("--pages", default="all",
                        help="comma-separated keys: " + ",".join(page.key for page in PAGES))
    parser.add_argument("--mixed", action=argparse.BooleanOptionalAction, default=True,
                        help="the officer's start page with /rapportage running next to it")
    parser.add_argument("--reuse", action="store_true",
                        help=f"keep the prepared data ({REUSE_DIR}, bench_pages_<size>) for the next run")
    parser.add_argument("--postgres", default=POSTGRES, help="PostgreSQL server (its own database is used)")
    args = parser.parse_args()
    known = {page.key for page in PAGES}
    args.page_keys = known if args.pages == "all" else set(args.pages.split(","))
    if args.page_keys - known:
        parser.error(f"unknown page(s) {', '.join(sorted(args.page_keys - known))}; see --help")
    args.databases = ["sqlite", "postgresql"] if args.database == "both" else [args.database]
    args.sizes = ["demo", "large"] if args.size == "both" else [args.size]
    return args


def resolve_paths(setup: Setup, base: str, cookies: dict, pages: list[Page]) -> list[str]:
    """The pages' URLs in this database: the 200-answer question, the first practice and event listed."""
    ids = {"question": setup.question_id}
    if any("{practice}" in page.path for page in pages):
        ids["practice"] = first_link(base, cookies["officer"], "/praktijken", r"/praktijken/\d+")
    if any("{event}" in page.path for page in pages):
        ids["event"] = first_link(base, cookies["officer"], "/bijeenkomsten", r"/bijeenkomsten/\d+")
    return [page.path.format(**ids) for page in pages]


def body_size(base: str, path: str, cookies: dict) -> int:
    status, _headers, body = fetch(base, path, dict(cookies))
    if status != 200:
        raise RuntimeError(f"{path} answered {status}, not 200")
    return len(body)


def median(runs: list[wrk.WrkResult]) -> wrk.WrkResult:
    """The run with the median throughput (on a shared machine one run can catch a busy moment)."""
    return sorted(runs, key=lambda run: run.requests_per_second)[len(runs) // 2]


def measure(server: Server, path: str, args, cookie: str | None = None) -> wrk.WrkResult:
    """Warm up, then one wrk run of --duration; leave the server idle for the next run."""
    if args.warmup > 0:
        wrk.run(wrk.command(server.base + path, args.warmup, args.connections, args.threads, cookie))
        server.settle()
    result = wrk.run(wrk.command(server.base + path, args.duration, args.connections, args.threads, cookie))
    server.settle()
    return result


def percent(part: float, whole: float) -> str:
    return f"{100 * part / whole:.1f}" if whole else "-"


def problems(result: wrk.WrkResult, size: int) -> str:
    """What makes a run's figure untrustworthy: errors, or answers shorter than the page (redirects)."""
    found = []
    if result.bad_responses:
        found.append(f"{result.bad_responses} non-2xx/3xx")
    if result.socket_errors:
        found.append(f"{result.socket_errors} socket errors")
    if result.requests and result.bytes_per_request < 0.9 * size:
        found.append(f"only {result.bytes_per_request:,.0f} bytes per answer")
    return ", ".join(found)


def bench(setup: Setup, args) -> None:
    pages = [page for page in PAGES if page.key in args.page_keys]
    logs = setup.instance
    with gunicorn("wsgi:app", setup.env, logs / "gunicorn-ours.log", "/healthz") as ours, \
            gunicorn(CEILING, setup.env, logs / "gunicorn-ceiling.log", "/pad/100") as ceiling:
        cookies = {"officer": login(ours.base, OFFICER, PASSWORD),
                   "adviser": login(ours.base, ADVISER, PASSWORD, TOTP_SECRET)}
        jars = {role: cookie_header(jar) for role, jar in cookies.items()}
        paths = resolve_paths(setup, ours.base, cookies, pages)
        visits = [(page.role, path) for page, path in zip(pages, paths, strict=True)]
        sizes = [body_size(ours.base, path, cookies[role]) for role, path in visits]
        queries = count_queries(setup, cookies, visits)
        rows, notes = [], []
        for page, path, size, count in zip(pages, paths, sizes, queries, strict=True):
            runs = [(measure(ours, path, args, jars[page.role]), measure(ceiling, f"/pad/{size}", args))
                    for _ in range(args.rounds)]
            mine, bare = median([mine for mine, _ in runs]), median([bare for _, bare in runs])
            rows.append([page.name, page.role, f"`{path}`", f"{size:,}", f"{mine.requests_per_second:,.1f}",
                         f"{bare.requests_per_second:,.1f}",
                         percent(mine.requests_per_second, bare.requests_per_second),
                         f"{mine.p50_ms:.1f}", f"{mine.p99_ms:.1f}", count])
            print("  " + " | ".join(str(cell) for cell in rows[-1]), flush=True)
            for who, result in (("ours", mine), ("ceiling", bare)):
                if trouble := problems(result, size):
                    notes.append(f"{page.name} ({page.role}), {who}: {trouble}")
        print(f"\n{setup.label}, {args.connections} connections, {args.duration} s per run "
              f"(load average now {load_average()}):\n")
        print("\n".join(markdown_table(
            ["page", "role", "URL", "bytes", "req/s ours", "req/s ceiling", "ratio %", "p50 ms", "p99 ms",
             "queries"], rows, right={3, 4, 5, 6, 7, 8, 9})))
        for note in notes:
            print(f"  NOTE {note}")
        if args.mixed:
            mixed(ours, jars, args)


def mixed(ours: Server, jars: dict, args) -> None:
    """The officer's start page alone, then with one adviser connection on /rapportage throughout."""
    start_page = wrk.command(ours.base + "/overzicht", args.duration, args.connections, args.threads,
                             jars["officer"])
    report = wrk.command(ours.base + "/rapportage", args.duration, 1, 1, jars["adviser"])
    alones, pairs = [], []
    for _ in range(args.rounds):
        alones.append(measure(ours, "/overzicht", args, jars["officer"]))
        pairs.append(wrk.run_together(start_page, report))
        ours.settle()
    alone = median(alones)
    together, reports = sorted(pairs, key=lambda pair: pair[0].requests_per_second)[len(pairs) // 2]
    print(f"\nMixed: /overzicht (officer, {args.connections} connections) with /rapportage "
          f"(adviser, 1 connection) running:\n")
    print("\n".join(markdown_table(
        ["run", "officer req/s", "officer p50 ms", "officer p99 ms", "reports req/s", "reports p50 ms"],
        [["start page alone", f"{alone.requests_per_second:,.1f}", f"{alone.p50_ms:.1f}",
          f"{alone.p99_ms:.1f}", "", ""],
         ["with /rapportage", f"{together.requests_per_second:,.1f}", f"{together.p50_ms:.1f}",
          f"{together.p99_ms:.1f}", f"{reports.requests_per_second:,.1f}", f"{reports.p50_ms:.1f}"]],
        right={1, 2, 3, 4, 5})))
    print(f"\n  officer throughput kept: {percent(together.requests_per_second, alone.requests_per_second)}%")


def main() -> None:
    args = parse_args()
    if shutil.which(wrk.WRK) is None:
        sys.exit("wrk is missing: apt-get install -y wrk")
    print("\n".join(machine_lines(args.databases, args.postgres)))
    print(f"command:  python bench/pages.py {' '.join(sys.argv[1:])}".rstrip(), flush=True)
    for database in args.databases:
        for size in args.sizes:
            setup = prepare(database, size, args.postgres, REUSE_DIR if args.reuse else None)
            try:
                steps = ", ".join(f"{step} {seconds:.1f} s" for step, seconds in setup.seconds.items())
                print(f"  prepared in: {steps}")
                bench(setup, args)
            finally:
                cleanup(setup)


if __name__ == "__main__":
    main()
