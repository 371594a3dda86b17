"""`flask --app wsgi search sync|reindex|verify`: keep the index equal to the database."""

import click
from flask.cli import AppGroup

from . import sync
from .backend import IndexBusy, IndexUnavailable, get_backend

search_cli = AppGroup("search", help="The search index.")


@search_cli.command("sync")
@click.option("--wait", default=60.0, show_default=True, help="Seconds to wait for another writer.")
def search_sync(wait: float) -> None:
    """Apply the index outbox (for cron); rebuild first when the index is missing or broken."""
    report = sync.drain(blocking=True, timeout=wait)
    if report.skipped:
        raise click.ClickException(f"Another process kept the index locked for {wait:g} s; try again.")
    if report.rebuilt is not None:
        click.echo(f"Index was missing or unreadable: rebuilt with {report.rebuilt} documents.")
    click.echo(f"Applied {report.rows} outbox rows: {report.indexed} indexed, {report.removed} removed.")


@search_cli.command("reindex")
@click.option("--wait", default=600.0, show_default=True, help="Seconds to wait for another writer.")
def search_reindex(wait: float) -> None:
    """Build a fresh index from the database and swap it in atomically."""
    backend = get_backend()
    bar = None

    def start(total: int) -> None:
        nonlocal bar
        bar = click.progressbar(length=total, label=f"Indexing ({backend.name})", show_pos=True)
        bar.__enter__()

    try:
        count = sync.reindex(backend, progress=lambda n: bar.update(n), timeout=wait, on_total=start)
    except IndexBusy:
        raise click.ClickException(f"Another process kept the index locked for {wait:g} s; try again.")
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    click.echo(f"Reindexed {count} documents.")


@search_cli.command("verify")
@click.option("--repair", is_flag=True, help="Queue every drifted document and apply the queue.")
def search_verify(repair: bool) -> None:
    """Report missing, stale and orphaned documents per type; exit 1 on drift."""
    try:
        report = sync.verify()
    except IndexUnavailable as exc:
        click.echo(f"The index cannot be read ({exc}); run `search sync` or `search reindex`.")
        if repair:
            result = sync.drain(blocking=True, timeout=60)
            click.echo(f"Rebuilt the index with {result.rebuilt} documents.")
        raise SystemExit(1)
    for doc_type, drift in sorted(report.items()):
        status = "ok" if drift.clean else "DRIFT"
        click.echo(f"{doc_type}: {status}  missing {len(drift.missing)}, stale {len(drift.stale)}, "
                   f"orphaned {len(drift.orphaned)}")
        for label, ids in (("missing", drift.missing), ("stale", drift.stale), ("orphaned", drift.orphaned)):
            if ids:
                shown = ", ".join(str(i) for i in ids[:20]) + (" …" if len(ids) > 20 else "")
                click.echo(f"  {label}: {shown}")
    pending = sync.pending_rows()
    if pending:
        click.echo(f"Outbox rows waiting to be applied: {pending}")
    if all(drift.clean for drift in report.values()):
        click.echo("The index matches the database.")
        return
    if repair:
        queued = sync.enqueue_drift(report)
        result = sync.drain(blocking=True, timeout=60)
        click.echo(f"Queued {queued} documents; applied {result.rows} outbox rows.")
    raise SystemExit(1)
