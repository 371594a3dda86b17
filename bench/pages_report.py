"""The machine and the tables that bench/pages.py prints (Markdown, to paste into docs/performance.md)."""

import os
import platform
import re
import sqlite3
import subprocess
from datetime import UTC, datetime
from importlib.metadata import version


def _command_output(*args: str) -> str:
    try:
        return subprocess.run(args, capture_output=True, text=True, check=False).stdout
    except OSError:
        return ""


def cpu_model() -> str:
    match = re.search(r"^Model name:\s*(.+)$", _command_output("lscpu"), re.MULTILINE)
    return match.group(1).strip() if match else platform.processor() or "unknown CPU"


def memory_gib() -> float:
    with open("/proc/meminfo", encoding="ascii") as meminfo:
        kib = int(re.search(r"MemTotal:\s+(\d+) kB", meminfo.read()).group(1))
    return kib / 1024**2


def postgres_version(server_url: str) -> str:
    import psycopg

    from bench.pages_setup import postgres_server

    with psycopg.connect(postgres_server(server_url), connect_timeout=5) as conn:
        return conn.execute("SELECT version()").fetchone()[0].split(" on ")[0]


def load_average() -> str:
    """The 1, 5 and 15 minute load: other work on the machine shows in every figure."""
    return ", ".join(f"{n:.2f}" for n in os.getloadavg())


def machine_lines(databases: list[str], server_url: str) -> list[str]:
    """Where and when the figures were taken."""
    wrk = (_command_output("wrk", "--version").splitlines() or ["wrk ?"])[0].split(" Copyright")[0]
    versions = [f"SQLite {sqlite3.sqlite_version}" if name == "sqlite" else postgres_version(server_url)
                for name in databases]
    return [
        f"date:     {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"machine:  {_command_output('nproc').strip() or os.cpu_count()} cores ({cpu_model()}), "
        f"{memory_gib():.1f} GiB memory, {platform.system()} {platform.machine()}, load {load_average()}",
        f"software: Python {platform.python_version()}, gunicorn {version('gunicorn')}, "
        f"Flask {version('flask')}, {wrk}",
        f"database: {'; '.join(versions)}",
    ]


def markdown_table(headers: list[str], rows: list[list], right: set[int]) -> list[str]:
    """A Markdown table with padded columns (readable in a terminal as well)."""
    cells = [[str(cell) for cell in row] for row in [headers, *rows]]
    widths = [max(len(row[n]) for row in cells) for n in range(len(headers))]

    def line(row: list[str]) -> str:
        return "| " + " | ".join(cell.rjust(widths[n]) if n in right else cell.ljust(widths[n])
                                 for n, cell in enumerate(row)) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":") if n in right else "-" * (w + 2)
                          for n, w in enumerate(widths)) + "|"
    return [line(cells[0]), rule, *(line(row) for row in cells[1:])]
