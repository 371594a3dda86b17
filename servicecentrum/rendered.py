"""Render member-written Markdown once, when it is saved, and keep the HTML beside its source.

A model that mixes in ``RenderedMarkdown`` names its Markdown columns in ``markdown_sources``
and has a nullable Text column ``<source>_html`` next to each. This module alone keeps the two
in step, so no service has to:

- the unit of work (``Model(body=...)``, ``obj.body = ...``): mapper events render on insert,
  and on update when the source changed;
- ORM bulk statements (``insert(Model)`` with rows, as ``demo generate`` does;
  ``update(Model).values(body=...)``, as erasing a member's tickets does): a session hook adds
  the rendered HTML to the rows or values.

Pages show ``obj.rendered("body")``. A NULL column (a row written by raw SQL) is rendered on
the fly, never written back: a GET does not write.

Trust: the stored HTML is the output of our own sanitiser (``text.render_markdown``: nh3 with an
allow-list), written only by this module, migration 0009 and ``flask --app wsgi text rerender``.
That is why it is marked safe when read back without being cleaned again. Never put HTML from
anywhere else (an import, an API, a form) in these columns: store the Markdown source and let
this module render it. After a change to the renderer or its allow-list, run ``text rerender``.
"""

from typing import ClassVar

import click
from flask.cli import AppGroup
from markupsafe import Markup
from sqlalchemy import bindparam, event, inspect, select
from sqlalchemy.orm import Session

from . import text

BATCH_SIZE = 500
_MODELS: dict[str, type] = {}  # table name -> model, filled as models are declared

text_cli = AppGroup("text", help="Member-written Markdown and its stored HTML.")


def to_html(source: str | None) -> str:
    """Return the sanitised HTML to store for a Markdown source."""
    return str(text.render_markdown(source))


def html_column(source: str) -> str:
    return f"{source}_html"


class RenderedMarkdown:
    """Mixin for a model whose Markdown columns are stored rendered, too."""

    markdown_sources: ClassVar[tuple[str, ...]] = ("body",)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        _MODELS[cls.__tablename__] = cls

    def rendered(self, source: str = "body") -> Markup:
        """Return the source as safe HTML: the stored rendering, or a fresh one if none is stored."""
        stored = getattr(self, html_column(source))
        if stored is None or inspect(self).attrs[source].history.has_changes():
            return text.render_markdown(getattr(self, source))  # not saved yet: render, don't store
        return Markup(stored)  # noqa: S704 (our own sanitiser's output, stored by us; see above)


@event.listens_for(RenderedMarkdown, "before_insert", propagate=True)
def _render_new(_mapper, _connection, target) -> None:
    for source in target.markdown_sources:
        setattr(target, html_column(source), to_html(getattr(target, source)))


@event.listens_for(RenderedMarkdown, "before_update", propagate=True)
def _render_changed(_mapper, _connection, target) -> None:
    state = inspect(target)
    for source in target.markdown_sources:
        if state.attrs[source].history.has_changes():
            setattr(target, html_column(source), to_html(getattr(target, source)))


def _missing_html(values, sources) -> dict:
    """The HTML columns to add to one row of values: for each source given without its HTML."""
    return {html_column(s): to_html(values[s]) for s in sources
            if s in values and html_column(s) not in values}


@event.listens_for(Session, "do_orm_execute")
def _render_in_bulk(state):
    if not (state.is_insert or state.is_update):
        return None
    model = _MODELS.get(getattr(state.statement.table, "name", None))
    if model is None:
        return None
    sources = model.markdown_sources
    if state.parameters:  # rows given to execute(): one dict, or a list for executemany
        rows = state.parameters if state.is_executemany else [state.parameters]
        extra = [_missing_html(row, sources) for row in rows]
        if any(extra):
            return state.invoke_statement(params=extra if state.is_executemany else extra[0])
        return None
    # Values in the statement itself (.values(body=...)); its bound parameters are named after
    # the columns they set. A source set to an SQL expression cannot be rendered here.
    values = state.statement.compile(dialect=state.session.get_bind().dialect).params
    extra = _missing_html(values, sources)
    if extra:
        state.statement = state.statement.values(**extra)
    return None


def rerender(model, batch_size: int = BATCH_SIZE, session=None) -> tuple[int, int]:
    """Render every row of the model again; store what changed. Return (rows updated, rows)."""
    from .extensions import db

    session = session or db.session
    table = model.__table__
    sources = model.markdown_sources
    columns = [table.c[name] for s in sources for name in (s, html_column(s))]
    change = (table.update().where(table.c.id == bindparam("row_id"))
              .values({html_column(s): bindparam(f"new_{s}") for s in sources}))
    last_id, updated, seen = 0, 0, 0
    while True:
        rows = session.execute(select(table.c.id, *columns).where(table.c.id > last_id)
                               .order_by(table.c.id).limit(batch_size)).all()
        if not rows:
            return updated, seen
        changes = []
        for row in rows:
            fresh = {s: to_html(row._mapping[s]) for s in sources}
            if any(fresh[s] != row._mapping[html_column(s)] for s in sources):
                changes.append({"row_id": row.id, **{f"new_{s}": html for s, html in fresh.items()}})
        if changes:
            session.execute(change, changes)
        session.commit()
        updated, seen, last_id = updated + len(changes), seen + len(rows), rows[-1].id


@text_cli.command("rerender")
@click.option("--batch-size", default=BATCH_SIZE, show_default=True, type=click.IntRange(1))
def text_rerender(batch_size: int) -> None:
    """Render all stored Markdown again, e.g. after a change to the renderer or the sanitiser."""
    for name in sorted(_MODELS):
        updated, seen = rerender(_MODELS[name], batch_size)
        click.echo(f"{name}: {updated} of {seen} rows updated")
