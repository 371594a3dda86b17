"""rendered html

Every Markdown source column gets a ``<source>_html`` column beside it, filled here with the
sanitised HTML of the existing rows (servicecentrum/rendered.py keeps it in step from now on).

Revision ID: 0009_rendered_html
Revises: 0008_notification_centre
Create Date: 2026-12-04 01:40:00

"""
from alembic import op
import sqlalchemy as sa

from servicecentrum.text import render_markdown


# revision identifiers, used by Alembic.
revision = '0009_rendered_html'
down_revision = '0008_notification_centre'
branch_labels = None
depends_on = None

# table -> its Markdown source columns
SOURCES = {
    'answers': ('body',),
    'events': ('description',),
    'post_revisions': ('body',),
    'practices': ('body',),
    'questions': ('body',),
    'ticket_messages': ('body',),
    'tickets': ('body',),
}
BATCH_SIZE = 500


def _fill(connection, name, sources):
    """Render the existing rows in batches of BATCH_SIZE, in the order of their ids."""
    table = sa.table(name, sa.column('id'), *[sa.column(c) for s in sources for c in (s, f'{s}_html')])
    change = (table.update().where(table.c.id == sa.bindparam('row_id'))
              .values({f'{s}_html': sa.bindparam(f'new_{s}') for s in sources}))
    last_id = 0
    while True:
        rows = connection.execute(sa.select(table.c.id, *[table.c[s] for s in sources])
                                  .where(table.c.id > last_id).order_by(table.c.id).limit(BATCH_SIZE)).all()
        if not rows:
            return
        connection.execute(change, [
            {'row_id': row.id, **{f'new_{s}': str(render_markdown(row._mapping[s])) for s in sources}}
            for row in rows])
        last_id = rows[-1].id


def upgrade():
    for name, sources in SOURCES.items():
        with op.batch_alter_table(name, schema=None) as batch_op:
            for source in sources:
                batch_op.add_column(sa.Column(f'{source}_html', sa.Text(), nullable=True))
    connection = op.get_bind()
    for name, sources in SOURCES.items():
        _fill(connection, name, sources)


def downgrade():
    # A plain DROP COLUMN (SQLite 3.35+), not batch mode: batch mode copies the table and drops
    # the original, and on SQLite with foreign keys on that drop deletes every answer, message
    # and registration pointing at it (ON DELETE CASCADE).
    for name, sources in SOURCES.items():
        for source in sources:
            op.drop_column(name, f'{source}_html')
