"""report rollups

Revision ID: 0011_report_rollups
Revises: 0010_list_indexes
Create Date: 2026-12-04 01:40:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0011_report_rollups'
down_revision = '0010_list_indexes'
branch_labels = None
depends_on = None


# Covering indexes: the dashboard reads a period's rows from the index alone.
COVERING = {
    'report_ticket_days': ('ix_report_ticket_days_scope', ['all_themes', 'theme_id', 'day', 'programme_id',
                                                           'created', 'response_due', 'response_on_time']),
    'report_resolutions': ('ix_report_resolutions_day', ['day', 'programme_id', 'theme_id', 'days']),
    'report_survey_days': ('ix_report_survey_days_scope', ['all_themes', 'theme_id', 'day', 'service',
                                                           'programme_id', 'responses', 'rating_sum',
                                                           'satisfied']),
}


def _dimensions(table: str) -> list:
    return [
        sa.Column('programme_id', sa.Integer(), nullable=True),
        sa.Column('theme_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'],
                                name=op.f(f'fk_{table}_programme_id_programmes'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['theme_id'], ['themes.id'],
                                name=op.f(f'fk_{table}_theme_id_themes'), ondelete='SET NULL'),
    ]


def upgrade():
    op.create_table('report_ticket_days',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    *_dimensions('report_ticket_days'),
    sa.Column('all_themes', sa.Boolean(), nullable=False),
    sa.Column('created', sa.Integer(), nullable=False),
    sa.Column('response_due', sa.Integer(), nullable=False),
    sa.Column('response_on_time', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_ticket_days'))
    )
    op.create_table('report_resolutions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    *_dimensions('report_resolutions'),
    sa.Column('days', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_resolutions'))
    )
    op.create_table('report_survey_days',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('service', sa.String(length=30), nullable=False),
    *_dimensions('report_survey_days'),
    sa.Column('all_themes', sa.Boolean(), nullable=False),
    sa.Column('responses', sa.Integer(), nullable=False),
    sa.Column('rating_sum', sa.Integer(), nullable=False),
    sa.Column('satisfied', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_survey_days'))
    )
    for table, (name, columns) in COVERING.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(name, columns, unique=False)
    op.create_table('report_rolled_days',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('rolled_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_report_rolled_days'))
    )
    op.create_table('report_rollup_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('first_day', sa.Date(), nullable=True),
    sa.Column('last_day', sa.Date(), nullable=True),
    sa.Column('days', sa.Integer(), nullable=False),
    sa.Column('max_ticket_id', sa.Integer(), nullable=False),
    sa.Column('max_survey_id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_rollup_runs'))
    )


def downgrade():
    op.drop_table('report_rollup_runs')
    op.drop_table('report_rolled_days')
    for table, (name, _columns) in reversed(COVERING.items()):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(name)
        op.drop_table(table)
