"""`flask --app wsgi events send-reminders` and the other event jobs for cron."""

from datetime import UTC, datetime

import click
from flask.cli import AppGroup

events_cli = AppGroup("events", help="Events.")

NOW_HELP = "Pretend it is this moment (ISO 8601; without an offset: UTC). Default: now."


def _moment(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter(f"not an ISO 8601 moment: {value!r}", param_hint="--now") from error
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@events_cli.command("send-reminders")
@click.option("--now", "now", default=None, help=NOW_HELP)
def send_reminders_command(now) -> None:
    """Send each attendee one reminder, event.reminder_days before the event (never twice)."""
    from .reminders import send_reminders

    click.echo(f"{send_reminders(_moment(now))} reminder(s) queued.")


@events_cli.command("expire-offers")
@click.option("--now", "now", default=None, help=NOW_HELP)
def expire_offers_command(now) -> None:
    """Pass every waitlist offer whose time is up to the next in line."""
    from .booking import expire_offers

    click.echo(f"{expire_offers(_moment(now))} offer(s) expired.")


@events_cli.command("send-evaluations")
@click.option("--now", "now", default=None, help=NOW_HELP)
def send_evaluations_command(now) -> None:
    """Invite the attendees of events that have ended to evaluate them (once)."""
    try:
        from .evaluation import send_invitations
    except ImportError as error:
        raise click.ClickException("evaluations are not available in this installation") from error
    click.echo(f"{send_invitations(_moment(now))} evaluation invitation(s) queued.")
