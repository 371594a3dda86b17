"""How much the library is used: a daily view counter per published practice."""

from sqlalchemy.dialects import postgresql, sqlite

from ..extensions import db
from ..helpdesk.sla import today
from .models import PracticeDailyViews


def count_view(practice) -> None:
    """Add one view of a published practice to today's counter (one upsert) and commit."""
    if practice.status != "published":
        return
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = PracticeDailyViews.__table__
    statement = insert(table).values(practice_id=practice.id, day=today(), views=1)
    statement = statement.on_conflict_do_update(index_elements=[table.c.practice_id, table.c.day],
                                                set_={"views": table.c.views + 1})
    db.session.execute(statement)
    db.session.commit()
