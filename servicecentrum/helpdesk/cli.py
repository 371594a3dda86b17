"""`flask --app wsgi helpdesk escalate`: e-mail the advisers about SLA breaches (for cron)."""

from datetime import date

import click
from flask.cli import AppGroup

helpdesk_cli = AppGroup("helpdesk", help="The helpdesk.")


@helpdesk_cli.command("escalate")
@click.option("--today", "today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Pretend it is this date (YYYY-MM-DD); default: today in Amsterdam.")
def escalate_command(today) -> None:
    """Mail each programme's advisers once about every missed first-response or resolution target."""
    from .escalation import escalate

    day: date | None = today.date() if today else None
    report = escalate(today=day)
    click.echo(f"{report.tickets} ticket(s) escalated: {report.first_response} first-response and "
               f"{report.resolution} resolution target(s) missed; {report.mails} e-mail(s) queued.")
