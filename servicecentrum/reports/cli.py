"""``flask --app wsgi reports rollup``: the dashboard's daily roll-ups, for cron (see README)."""

from datetime import UTC, datetime

import click

from . import bp

bp.cli.help = "Reports: the dashboard's daily roll-ups."


def _moment(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter(f"not an ISO 8601 moment: {value!r}", param_hint="--now") from error
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@bp.cli.command("rollup")
@click.option("--days", type=click.IntRange(1), default=None,
              help="Also roll up the last N days again (up to yesterday).")
@click.option("--rebuild", is_flag=True, help="Roll up every day again, from the first day with data.")
@click.option("--now", "now", default=None,
              help="Pretend it is this moment (ISO 8601; without an offset: UTC). Default: now.")
def rollup_command(days: int | None, rebuild: bool, now: str | None) -> None:
    """Roll up every day up to yesterday that is missing or changed since the last run."""
    from ..helpdesk.sla import AMSTERDAM
    from .rollup import roll_up

    if days and rebuild:
        raise click.UsageError("Give --days or --rebuild, not both.")
    moment = _moment(now)
    result = roll_up(days=days or 0, rebuild=rebuild, now=moment,
                     today=moment.astimezone(AMSTERDAM).date() if moment else None)
    if result.days:
        click.echo(f"{result.days} day(s) rolled up, {result.first} to {result.last}, "
                   f"in {result.seconds:.1f} s.")
    else:
        click.echo("Nothing to roll up: every day up to yesterday is up to date.")
