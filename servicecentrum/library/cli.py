"""`flask --app wsgi library import|export`: practices in and out as JSON Lines."""

import click
from flask.cli import AppGroup
from sqlalchemy import select

from ..auth.models import User, normalise_email
from ..extensions import db

library_cli = AppGroup("library", help="The library of practices.")


@library_cli.command("import")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--skip-invalid", is_flag=True,
              help="Import the valid lines even when other lines have errors.")
@click.option("--author", "author_email", default=None,
              help="E-mail address of the member credited as author (default: nobody).")
def library_import(file, skip_invalid: bool, author_email: str | None) -> None:
    """Import practices from a JSON Lines file; nothing is imported if any line is invalid."""
    from .importer import import_practices

    author = None
    if author_email:
        author = db.session.scalar(select(User).where(User.email == normalise_email(author_email)))
        if author is None:
            raise click.ClickException(f"Geen lid met e-mailadres {author_email}.")
    report = import_practices(file, skip_invalid=skip_invalid, author=author)
    for error in report.errors:
        click.echo(error, err=True)
    if report.errors and not skip_invalid:
        click.echo(f"Niets geïmporteerd: {report.invalid_lines} regel(s) met fouten. Verbeter ze, "
                   "of gebruik --skip-invalid om alleen de goede regels te importeren.", err=True)
        raise SystemExit(1)
    skipped = f", {report.invalid_lines} regel(s) overgeslagen" if report.invalid_lines else ""
    click.echo(f"{report.imported} praktijk(en) geïmporteerd{skipped}.")


@library_cli.command("export")
@click.argument("file", type=click.File("w", encoding="utf-8"), default="-")
def library_export(file) -> None:
    """Write every practice as JSON Lines to FILE (standard output by default)."""
    from .exporter import write_jsonl

    count = write_jsonl(file)
    if file.name != "<stdout>":
        click.echo(f"{count} praktijk(en) geëxporteerd naar {file.name}.")
