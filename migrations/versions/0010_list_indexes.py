"""list indexes

Revision ID: 0010_list_indexes
Revises: 0009_rendered_html
Create Date: 2026-12-04 01:40:00

"""
from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401


# revision identifiers, used by Alembic.
revision = '0010_list_indexes'
down_revision = '0009_rendered_html'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
