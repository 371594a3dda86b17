"""The service dashboard's use cases: the filter's choices, the tables, one table as CSV."""

from sqlalchemy import select

from ..extensions import db
from ..spreadsheets import excel_csv
from ..taxonomy.models import Programme, Theme
from . import tables
from .formatting import csv_cell


def filter_choices() -> tuple[list[Programme], list[Theme]]:
    """Programmes and themes to filter on (two queries)."""
    return (list(db.session.scalars(select(Programme).order_by(Programme.name))),
            list(db.session.scalars(select(Theme).order_by(Theme.name))))


def all_tables(filters: tables.Filters) -> list[tables.ReportTable]:
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
