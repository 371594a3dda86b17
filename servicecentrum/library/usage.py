"""How much the library is used: a daily view counter per published practice.

A view is counted in the tallies buffer (a GET never writes) and added to the day's row
when the tallies are flushed, in one upsert per practice and day.
"""

from datetime import date

from sqlalchemy.dialects import postgresql, sqlite

from .. import tallies
from ..extensions import db
from ..helpdesk.sla import today
from .models import Practice, PracticeDailyViews

KIND = "practice_views"


def count_view(practice) -> None:
    """Count one view of a published practice for today (written at the next flush)."""
    if practice.status == "published":
        tallies.add(KIND, f"{practice.id}|{today().isoformat()}")


@tallies.writer(KIND)
def write_views(totals: dict[str, float]) -> None:
    """Add the buffered views to each practice's daily row (the flush commits)."""
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = PracticeDailyViews.__table__
    rows = []
    for key, views in sorted(totals.items()):
        practice_id, day = key.split("|")
        rows.append({"practice_id": int(practice_id), "day": date.fromisoformat(day), "views": int(views)})
    existing = set(db.session.scalars(db.select(Practice.id).where(
        Practice.id.in_({row["practice_id"] for row in rows}))))
    rows = [row for row in rows if row["practice_id"] in existing]  # a practice deleted meanwhile
    if not rows:
        return
    statement = insert(table)
    statement = statement.on_conflict_do_update(
        index_elements=[table.c.practice_id, table.c.day],
        set_={"views": table.c.views + statement.excluded.views})
    db.session.execute(statement, rows)
