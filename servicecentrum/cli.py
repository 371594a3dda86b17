"""Command-line groups: ``flask --app wsgi demo|users|mail|text ...``."""

import getpass
import os
import secrets
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from .extensions import db

demo_cli = AppGroup("demo", help="Demo data.")
users_cli = AppGroup("users", help="Accounts.")
mail_cli = AppGroup("mail", help="The e-mail outbox.")
tallies_cli = AppGroup("tallies", help="Views and last-seen stamps buffered by page views.")

DEMO_PASSWORD_FILE = "demo-password.txt"  # noqa: S105 (a file name, not a password)


def init_app(app: Flask) -> None:
    """Register the command groups."""
    from .events.cli import events_cli
    from .helpdesk.cli import helpdesk_cli
    from .library.cli import library_cli
    from .rendered import text_cli
    from .search.cli import search_cli

    for group in (demo_cli, users_cli, mail_cli, tallies_cli, search_cli, library_cli, helpdesk_cli,
                  events_cli, text_cli):
        app.cli.add_command(group)


@tallies_cli.command("flush")
def tallies_flush() -> None:
    """Write the buffered practice views, session stamps and read audits (every minute)."""
    from . import tallies

    written = tallies.flush()
    click.echo("Written: " + (", ".join(f"{n} {kind}" for kind, n in written.items()) or "nothing"))


@demo_cli.command("seed")
@click.option("--password", required=True, help="Password for every demo account.")
def demo_seed(password: str) -> None:
    """Create or update the demo organisations, taxonomy and accounts (idempotent)."""
    from .demo.seed import seed

    counts = seed(password)
    click.echo("Demo data up to date: " + ", ".join(f"{n} {k}" for k, n in counts.items()))


@demo_cli.command("bootstrap")
def demo_bootstrap() -> None:
    """Seed on first run (password from DEMO_PASSWORD or generated) and print the logins."""
    from .auth.models import User
    from .demo.seed import DEMO_ACCOUNTS, seed

    password_file = Path(current_app.instance_path) / DEMO_PASSWORD_FILE
    if db.session.query(User.id).first() is None:
        password = os.environ.get("DEMO_PASSWORD") or secrets.token_urlsafe(12)
        seed(password)
        password_file.write_text(password + "\n", encoding="utf-8")
        password_file.chmod(0o600)
        click.echo("Demo data loaded.")
    if password_file.exists():
        password = password_file.read_text(encoding="utf-8").strip()
        click.echo(f"\nDemo logins (password: {password}):")
        for email, role in DEMO_ACCOUNTS:
            click.echo(f"  {email:<28} {role}")


@demo_cli.command("generate")
@click.option("--members", default=2000, show_default=True, type=click.IntRange(1))
@click.option("--practices", default=20000, show_default=True, type=click.IntRange(0))
@click.option("--questions", default=10000, show_default=True, type=click.IntRange(0))
@click.option("--tickets", default=50000, show_default=True, type=click.IntRange(0))
@click.option("--events", default=500, show_default=True, type=click.IntRange(0))
@click.option("--seed", default=1, show_default=True, help="Same seed, same data (on the same day).")
@click.option("--password", default=None, help="Password of the generated accounts (default: random).")
def demo_generate(members, practices, questions, tickets, events, seed, password) -> None:
    """Add a large synthetic data set for benchmarks and reports.

    Each run ADDS a new batch (new members, practices, tickets, ...); running it twice doubles
    the data. The search index is not updated: run `search reindex` afterwards.
    """
    from .demo.generate import Sizes, generate

    def progress(label, length):
        return click.progressbar(length=length, label=label.ljust(44))

    counts = generate(Sizes(members, practices, questions, tickets, events), seed=seed,
                      password=password, progress=progress)
    click.echo("Generated: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    click.echo("Search index not updated: run `flask --app wsgi search reindex` next.")


@users_cli.command("create-admin")
@click.option("--email", required=True, help="E-mail address of the new admin.")
@click.option("--name", default="Beheerder", show_default=True)
def users_create_admin(email: str, name: str) -> None:
    """Create the first admin; asks the password without echoing it."""
    from .auth import services

    password = getpass.getpass("Wachtwoord: ")
    if password != getpass.getpass("Herhaal wachtwoord: "):
        raise click.ClickException("De wachtwoorden zijn niet gelijk.")
    try:
        user = services.create_admin(email=email, name=name, password=password)
    except services.AuthError as exc:
        raise click.ClickException(str(exc))
    click.echo(f"Admin {user.email} created.")


@users_cli.command("reconfirm")
def users_reconfirm() -> None:
    """Ask members for their yearly confirmation and disable those who did not answer (cron)."""
    from .auth import reconfirm

    asked = reconfirm.request_reconfirmations()
    disabled = reconfirm.disable_unconfirmed()
    click.echo(f"Asked to confirm: {asked}, disabled: {disabled}")


@mail_cli.command("send")
@click.option("--limit", default=100, show_default=True, help="Most mails to send in this run.")
def mail_send(limit: int) -> None:
    """Deliver the mails that are due over SMTP; failures are retried later."""
    from .notifications.sender import send_due

    report = send_due(limit=limit)
    click.echo(f"Sent: {report.sent}, failed: {report.failed}, given up: {report.given_up}")


@mail_cli.command("digest")
@click.option("--frequency", type=click.Choice(["daily", "weekly"]), default="daily", show_default=True)
def mail_digest(frequency: str) -> None:
    """Queue the daily or weekly digest of the notifications members chose to get that way (cron)."""
    from .notifications.digest import send_digests

    click.echo(f"Digests queued: {send_digests(frequency)}")
