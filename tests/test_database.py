"""The data layer under concurrent use, and the schema the migrations build."""

import threading
import time

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from servicecentrum import create_app
from servicecentrum.extensions import db
from servicecentrum.taxonomy.models import Theme
from tests.conftest import base_config
from tests.forum.test_notify_helpers import make_question


def _file_app(tmp_path):
    return create_app(base_config(tmp_path, f"sqlite:///{tmp_path}/concurrent.db"))


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    app = _file_app(tmp_path)
    with app.app_context():
        assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert db.session.execute(text("PRAGMA busy_timeout")).scalar() == 15000
        assert db.session.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_concurrent_read_then_write_never_fails_with_database_locked(tmp_path):
    app = _file_app(tmp_path)
    with app.app_context():
        db.create_all()
        db.session.add(Theme(slug="teller", name="Teller", description="0"))
        db.session.commit()
    errors: list[Exception] = []

    def increment(times: int) -> None:
        for _ in range(times):
            try:
                with app.app_context():
                    theme = db.session.get(Theme, 1)
                    value = int(theme.description)
                    time.sleep(0.001)  # widen the window between read and write
                    theme.description = str(value + 1)
                    db.session.commit()
            except Exception as exc:  # collected and asserted below
                errors.append(exc)

    threads = [threading.Thread(target=increment, args=(25,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with app.app_context():
        assert db.session.get(Theme, 1).description == "100"  # no update lost


def _schema_differences(app) -> list:
    with app.app_context(), db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, db.metadata)


def test_migrations_build_exactly_the_models_schema_on_sqlite(tmp_path):
    app = create_app(base_config(tmp_path, f"sqlite:///{tmp_path}/migrated.db"))
    with app.app_context():
        upgrade()
    assert _schema_differences(app) == []
    with app.app_context():
        downgrade(revision="base")
        upgrade()
    assert _schema_differences(app) == []


def test_test_database_matches_the_models(app, database_url):
    """On PostgreSQL the suite runs on the migrated schema; it must equal the models."""
    assert _schema_differences(app) == []


def test_a_long_read_never_holds_the_write_lock(tmp_path):
    """A slow report (a GET) reading in one worker does not make another worker's write wait."""
    app = _file_app(tmp_path)
    with app.app_context():
        db.create_all()
        db.session.add(Theme(slug="teller", name="Teller", description="0"))
        db.session.commit()
    reading, wrote = threading.Event(), threading.Event()
    seen_by_reader = []

    def slow_report():
        with app.test_request_context("/rapportage", method="GET"):
            seen_by_reader.append(db.session.get(Theme, 1).description)  # the transaction is open
            reading.set()
            wrote.wait(timeout=10)
            db.session.rollback()

    reader = threading.Thread(target=slow_report)
    reader.start()
    reading.wait(timeout=10)
    started = time.monotonic()
    with app.test_request_context("/thema", method="POST"):
        db.session.get(Theme, 1).description = "1"
        db.session.commit()
    waited = time.monotonic() - started
    wrote.set()
    reader.join()
    assert seen_by_reader == ["0"]
    assert waited < 2, f"the write waited {waited:.1f} s for a reader"


def test_a_write_request_takes_the_write_lock_at_its_start(tmp_path):
    app = _file_app(tmp_path)
    statements = []
    from sqlalchemy import event

    with app.app_context():
        db.create_all()
        engine = db.engine
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    for method in ("GET", "POST"):
        with app.test_request_context("/", method=method):
            db.session.scalar(text("SELECT 1"))
            db.session.rollback()
    begins = [s for s in statements if s.startswith("BEGIN")]
    assert begins == ["BEGIN", "BEGIN IMMEDIATE"]


def test_downgrading_a_migration_that_rebuilds_a_table_keeps_the_rows_that_point_at_it(tmp_path):
    app = create_app(base_config(tmp_path, f"sqlite:///{tmp_path}/migrated.db"))
    with app.app_context():
        upgrade()
        author_id = make_question().author_id
        db.session.remove()
        downgrade(revision="0007_reports")  # 0008 rebuilds the users table on SQLite
        assert db.session.execute(text("SELECT author_id FROM questions")).scalar() == author_id
        db.session.remove()
        upgrade()
        assert db.session.execute(text("PRAGMA foreign_keys")).scalar() == 1
