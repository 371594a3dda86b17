"""What every start-page block is: a total and the first few items."""

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


def count_where(column, *conditions) -> int:
    """Count rows of a column's table that meet the conditions (one query)."""
    return int(db.session.scalar(select(func.count(column)).where(*conditions)) or 0)
