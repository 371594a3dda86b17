"""list indexes

Revision ID: 0010_list_indexes
Revises: 0009_rendered_html
Create Date: 2026-12-04 01:40:00

The indexes behind each list's filter and sort (docs/performance.md, "Indexes behind the
lists"). Indexes only, so batch mode adds them in place on SQLite (no table copy).
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0010_list_indexes'
down_revision = '0009_rendered_html'
branch_labels = None
depends_on = None

# table -> [(index name, columns)]
INDEXES = {
    'practices': [
        ('ix_practices_listed', ['status', 'published_at', 'id']),
        ('ix_practices_status_title', ['status', 'title', 'id']),
        ('ix_practices_status_useful', ['status', 'helpful_count']),
        ('ix_practices_status_kind', ['status', 'kind', 'id']),
        ('ix_practices_status_year', ['status', 'year', 'id']),
        ('ix_practices_status_spearhead', ['status', 'spearhead_id', 'id']),
    ],
    'practice_themes': [
        ('ix_practice_themes_theme', ['theme_id', 'practice_id']),
    ],
    'practice_organisations': [
        ('ix_practice_organisations_organisation', ['organisation_id', 'practice_id']),
    ],
    'questions': [
        ('ix_questions_listed', ['is_hidden', 'created_at', 'id']),
        ('ix_questions_active', ['is_hidden', 'last_activity_at', 'id']),
    ],
    'answers': [
        ('ix_answers_question_useful', ['question_id', 'is_hidden', 'useful_count']),
    ],
    'tickets': [
        ('ix_tickets_requester_recent', ['requester_id', 'updated_at', 'id']),
        ('ix_tickets_organisation_recent', ['organisation_id', 'updated_at', 'id']),
    ],
    'users': [
        ('ix_users_status_name', ['status', 'name', 'id']),
        ('ix_users_status_created', ['status', 'created_at', 'id']),
    ],
    'audit_events': [
        ('ix_audit_events_action_recent', ['action', 'id']),
    ],
    'outbox_mails': [
        ('ix_outbox_mails_recent', ['created_at', 'id']),
        ('ix_outbox_mails_status_recent', ['status', 'created_at', 'id']),
    ],
}


def upgrade():
    for table, indexes in INDEXES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, columns in indexes:
                batch_op.create_index(name, columns, unique=False)


def downgrade():
    for table, indexes in reversed(INDEXES.items()):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, _columns in reversed(indexes):
                batch_op.drop_index(name)
