"""Use cases behind the member's overview."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..taxonomy.models import Programme


def list_programmes() -> list[Programme]:
    """Return FORUM's programmes with their advisers, in one round of queries."""
    query = select(Programme).options(selectinload(Programme.advisers)).order_by(Programme.name)
    return list(db.session.scalars(query))
