"""The service dashboard's use cases: the filter's choices, the tables, one table as CSV."""

from sqlalchemy import literal, select, union_all

from ..extensions import db
from ..spreadsheets import excel_csv
from ..taxonomy.models import Programme, Theme
from . import tables
from .coverage import with_coverage
from .formatting import csv_cell

__all__ = ["all_tables", "filter_choices", "table_csv", "with_coverage"]


def filter_choices() -> tuple[list, list]:
    """Programmes and themes to filter on, each by name: rows with ``id`` and ``name`` (one query)."""
    both = union_all(select(literal("programme").label("kind"), Programme.id, Programme.name),
                     select(literal("theme").label("kind"), Theme.id, Theme.name)).subquery()
    rows = db.session.execute(select(both).order_by(both.c.kind, both.c.name)).all()
    return [r for r in rows if r.kind == "programme"], [r for r in rows if r.kind == "theme"]


def all_tables(filters: tables.Filters) -> list[tables.ReportTable]:
    """Every table of the dashboard for these filters."""
    return tables.build_all(filters)


def table_csv(key: str, filters: tables.Filters) -> tuple[bytes, str] | None:
    """One table as an Excel-ready CSV and its file name, or None for an unknown table."""
    table = tables.build_one(key, filters)
    if table is None:
        return None
    header = [column.label for column in table.columns]
    rows = ([csv_cell(value, column.kind) for value, column in zip(row, table.columns, strict=False)]
            for row in table.rows)
    name = f"{table.key}-{filters.start.isoformat()}-{filters.end.isoformat()}.csv"
    return excel_csv(header, rows), name
