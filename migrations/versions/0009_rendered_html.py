"""rendered html

Revision ID: 0009_rendered_html
Revises: 0008_notification_centre
Create Date: 2026-12-04 01:40:00

"""
from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401


# revision identifiers, used by Alembic.
revision = '0009_rendered_html'
down_revision = '0008_notification_centre'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
