"""Use cases behind the member's overview."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..taxonomy.models import Programme, Spearhead, Theme


def list_programmes() -> list[Programme]:
    """Return FORUM's programmes with their advisers, in one round of queries."""
    query = select(Programme).options(selectinload(Programme.advisers)).order_by(Programme.name)
    return list(db.session.scalars(query))


def list_themes() -> list[Theme]:
    """Return the themes in alphabetical order."""
    return list(db.session.scalars(select(Theme).order_by(Theme.name)))


def list_spearheads() -> list[Spearhead]:
    """Return the three spearheads."""
    return list(db.session.scalars(select(Spearhead).order_by(Spearhead.id)))
