"""Several processes: concurrent writers lose nothing; a writer killed mid-way is found and repaired."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, update

from servicecentrum.extensions import db
from servicecentrum.library.models import Practice
from servicecentrum.search import sync
from servicecentrum.search.backend import get_backend
from servicecentrum.search.models import SearchOutboxEntry
from tests import factories
from tests.conftest import app_for

from .doctypes import add_practice

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def shared(tmp_path, database_url, backend_name):
    """An app on a database and index that worker processes share (a SQLite file, or PostgreSQL)."""
    config = {
        "DATABASE_URL": database_url or f"sqlite:///{tmp_path / 'shared.db'}",
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "SEARCH_INDEX_DIR": str(tmp_path / "instance" / "search-index"),
        "SEARCH_BACKEND": backend_name,
        "SEARCH_DRAIN_WAIT_SECONDS": 10,
    }
    with app_for(tmp_path, database_url, **config) as app:
        with app.app_context():
            if not database_url:
                db.create_all()
            sync.reindex()  # an empty index to start from
        app.worker_config = config
        yield app


def start(app, *args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.search.worker", args[0], json.dumps(app.worker_config), *args[1:]],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def kill_when(process: subprocess.Popen, label: str) -> None:
    line = process.stdout.readline().strip()
    assert line == label, process.stderr.read()
    os.kill(process.pid, signal.SIGKILL)
    process.wait(10)


def verify(app):
    return app.test_cli_runner().invoke(args=["search", "verify"])


def test_two_processes_adding_at_once_end_with_everything_indexed(shared, tmp_path):
    with shared.app_context():
        users = [str(factories.make_user().id) for _ in range(2)]
    go = tmp_path / "go"
    workers = [start(shared, "add", "30", name, user, str(go))
               for name, user in zip(("Eerste", "Tweede"), users, strict=True)]
    for worker in workers:  # both imported and logged in, so neither is done before the other starts
        assert worker.stdout.readline().strip() == "ready", worker.stderr.read()
    go.touch()
    spans = []
    for worker in workers:
        out, err = worker.communicate(timeout=240)
        assert worker.returncode == 0, err
        assert "LockError" not in err and "Traceback" not in err, err
        _done, started, ended = out.split()
        spans.append((float(started), float(ended)))
    assert spans[0][0] < spans[1][1] and spans[1][0] < spans[0][1], "the workers did not overlap"
    with shared.app_context():
        assert db.session.scalar(select(db.func.count(SearchOutboxEntry.id))) == 0
        results = get_backend().search("stageplaatsen", limit=100)
        assert results.total == 60
        titles = {h.title_html.striptags() for h in results.hits}
        assert {f"Eerste {n} over stageplaatsen" for n in range(30)} <= titles
        assert {f"Tweede {n} over stageplaatsen" for n in range(30)} <= titles
    assert verify(shared).exit_code == 0


def test_a_drain_killed_mid_way_is_reported_by_verify_and_repaired_by_sync(shared):
    with shared.app_context():
        for n in range(40):
            add_practice(f"Inburgering deel {n}")
    kill_when(start(shared, "hang-drain"), "INDEXED")
    drift = verify(shared)
    assert drift.exit_code == 1
    assert "DRIFT" in drift.output and "Outbox rows waiting to be applied: 40" in drift.output
    synced = shared.test_cli_runner().invoke(args=["search", "sync"])
    assert synced.exit_code == 0, synced.output
    assert verify(shared).exit_code == 0
    with shared.app_context():
        assert get_backend().search("inburgering", limit=100).total == 40


def test_a_reindex_killed_mid_way_leaves_the_old_index_whole(shared):
    with shared.app_context():
        for n in range(40):
            add_practice(f"Mantelzorg deel {n}")
        sync.drain()
        # Titles change behind the outbox's back: the index is stale until a reindex.
        db.session.execute(update(Practice).values(title=Practice.title + " (herzien)"))
        db.session.commit()
    kill_when(start(shared, "hang-reindex"), "HALFWAY")
    drift = verify(shared)
    assert drift.exit_code == 1 and "stale 40" in drift.output  # the old index, not half a new one
    with shared.app_context():
        assert get_backend().search("mantelzorg", limit=100).total == 40
    reindexed = shared.test_cli_runner().invoke(args=["search", "reindex"])
    assert reindexed.exit_code == 0, reindexed.output
    assert verify(shared).exit_code == 0
