"""What every start-page block is (a total and the first few items), and the one query for all totals.

Each role's module names its totals as SQL columns; ``fetch_totals`` asks them all in a single
statement, and a block whose total is 0 skips the query for its items.
"""

from dataclasses import dataclass, field

from sqlalchemy import func, select

from ...extensions import db

LIMIT = 5  # items shown per block; "Alles bekijken" leads to the rest


@dataclass
class Block:
    """How many there are in all, and the first few of them."""

    total: int = 0
    items: list = field(default_factory=list)
    extra: dict = field(default_factory=dict)


def count_of(column, *conditions):
    """SQL: how many rows of the column's table meet the conditions (a column of the totals query)."""
    return select(func.count(column)).where(*conditions).scalar_subquery()


def fetch_totals(columns: dict) -> dict[str, int]:
    """Run every total of the page in one query; return them by name."""
    if not columns:
        return {}
    row = db.session.execute(select(*(column.label(name) for name, column in columns.items()))).one()
    return {name: int(value or 0) for name, value in row._mapping.items()}
