"""report rollups

Revision ID: 0011_report_rollups
Revises: 0010_list_indexes
Create Date: 2026-12-04 01:40:00

"""
from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401


# revision identifiers, used by Alembic.
revision = '0011_report_rollups'
down_revision = '0010_list_indexes'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
