"""The index never silently drifts: outbox drains, busy locks, verify, sync and reindex."""

import threading
from contextlib import contextmanager
from dataclasses import replace

from sqlalchemy import delete, select, text, update

from servicecentrum.extensions import db
from servicecentrum.library.models import Practice
from servicecentrum.search import sync
from servicecentrum.search.backend import get_backend
from servicecentrum.search.models import SearchOutboxEntry
from servicecentrum.search.postgres_backend import LOCK_KEY
from servicecentrum.search.registry import REGISTRY, register
from tests import factories
from tests.conftest import open_session_for

from .doctypes import TYPE, add_practice


def titles_found(query: str) -> list[str]:
    backend = get_backend()
    results = backend.search(query, limit=50)
    return sorted(hit.title_html.striptags() for hit in results.hits)


def outbox_rows() -> int:
    return db.session.scalar(select(db.func.count(SearchOutboxEntry.id)))


@contextmanager
def lock_held_elsewhere(app):
    """Hold the index writer lock from another thread (Whoosh) or connection (PostgreSQL)."""
    backend = get_backend(app)
    if backend.name == "postgres":
        with db.engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": LOCK_KEY})
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": LOCK_KEY})
                conn.commit()
        return
    taken, release = threading.Event(), threading.Event()

    def hold():
        with backend.store.lock.hold() as held:
            assert held
            taken.set()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    taken.wait(5)
    try:
        yield
    finally:
        release.set()
        thread.join()


def test_an_enqueued_practice_is_found_after_a_drain(search_app):
    with search_app.app_context():
        sync.drain()  # a fresh installation: Whoosh makes an empty index
        add_practice("Stageplaatsen in de zorg", "Werkgevers bieden leerplekken.")
        assert titles_found("stageplaats") == []
        report = sync.drain()
        assert report.indexed == 1
        assert titles_found("stageplaats") == ["Stageplaatsen in de zorg"]
        assert outbox_rows() == 0


def test_a_deleted_practice_disappears_after_a_drain(search_app):
    with search_app.app_context():
        sync.reindex()
        practice = add_practice("Huiswerkbegeleiding in de wijk")
        sync.drain()
        db.session.delete(practice)
        db.session.add(SearchOutboxEntry(doc_type=TYPE, doc_id=practice.id))
        db.session.commit()
        report = sync.drain()
        assert report.removed == 1
        assert titles_found("huiswerkbegeleiding") == []


def test_a_request_that_writes_to_the_outbox_is_indexed_after_the_response(search_app):
    def create():
        add_practice("Taalcafé voor nieuwkomers")
        return "ok"

    search_app.add_url_rule("/test/praktijk-maken", "test_create", create, methods=["GET"])
    client = search_app.test_client()
    with search_app.app_context():
        open_session_for(search_app, client, factories.make_user())
    assert client.get("/test/praktijk-maken").status_code == 200
    with search_app.app_context():
        assert titles_found("taalcafe") == ["Taalcafé voor nieuwkomers"]
        assert outbox_rows() == 0


def test_a_busy_lock_leaves_the_rows_for_the_next_drain(search_app):
    with search_app.app_context():
        sync.reindex()
        add_practice("Mentoren voor schoolverlaters")
        with lock_held_elsewhere(search_app):
            sync.drain_after_request()  # what a request does: no error, nothing lost
            assert sync.drain(blocking=False).skipped
            assert outbox_rows() == 1
        assert sync.drain().rows == 1
        assert titles_found("mentoren") == ["Mentoren voor schoolverlaters"]


def test_a_failing_document_type_keeps_its_rows_and_others_go_on(search_app):
    register(replace(REGISTRY[TYPE], name="broken", load=lambda ids: 1 / 0))
    with search_app.app_context():
        sync.reindex()
        add_practice("Praktijk over de WMO")
        db.session.add(SearchOutboxEntry(doc_type="broken", doc_id=1))
        db.session.commit()
        sync.drain()
        assert titles_found("wmo") == ["Praktijk over de WMO"]
        assert db.session.scalars(select(SearchOutboxEntry.doc_type)).all() == ["broken"]


def test_verify_reports_drift_and_reindex_repairs_it(search_app, runner_for):
    runner = runner_for(search_app)
    with search_app.app_context():
        add_practice("Ouderbetrokkenheid")
        changed = add_practice("Schooluitval").id
        removed = add_practice("Wijkaanpak").id
        sync.drain()
        assert runner.invoke(args=["search", "verify"]).exit_code == 0
        # Changes that bypass the outbox, as a bug or a manual fix in the database would.
        db.session.add(Practice(title="Nieuw zonder outbox", status="published"))
        db.session.execute(update(Practice).where(Practice.id == changed).values(title="Voortijdig"))
        db.session.flush()
        db.session.execute(delete(Practice).where(Practice.id == removed))
        db.session.commit()
    result = runner.invoke(args=["search", "verify"])
    assert result.exit_code == 1
    assert f"{TYPE}: DRIFT  missing 1, stale 1, orphaned 1" in result.output
    assert f"stale: {changed}" in result.output and f"orphaned: {removed}" in result.output
    reindexed = runner.invoke(args=["search", "reindex"])
    assert reindexed.exit_code == 0, reindexed.output
    assert "Reindexed 3 documents." in reindexed.output
    assert runner.invoke(args=["search", "verify"]).exit_code == 0
    with search_app.app_context():
        assert titles_found("voortijdig") == ["Voortijdig"]
        assert titles_found("wijkaanpak") == []


def test_verify_repair_queues_and_applies_the_drift(search_app, runner_for):
    runner = runner_for(search_app)
    with search_app.app_context():
        db.session.add(Practice(title="Vergeten praktijk", status="published"))
        db.session.commit()
    assert runner.invoke(args=["search", "verify", "--repair"]).exit_code == 1
    assert runner.invoke(args=["search", "verify"]).exit_code == 0


def test_sync_applies_rows_an_interrupted_drain_left(search_app, runner_for):
    runner = runner_for(search_app)
    with search_app.app_context():
        sync.reindex()
        practices = [add_practice(f"Praktijk {n} over inburgering") for n in range(6)]
        # An interrupted drain: half the documents reached the index, no row was removed.
        from .doctypes import _load

        get_backend().upsert(_load([p.id for p in practices[:3]]).values())
    drift = runner.invoke(args=["search", "verify"])
    assert drift.exit_code == 1 and "missing 3" in drift.output
    assert "Outbox rows waiting to be applied: 6" in drift.output
    synced = runner.invoke(args=["search", "sync"])
    assert synced.exit_code == 0 and "Applied 6 outbox rows" in synced.output
    assert runner.invoke(args=["search", "verify"]).exit_code == 0


def test_reindex_shows_a_progress_bar_and_empties_the_outbox(search_app, runner_for):
    runner = runner_for(search_app)
    with search_app.app_context():
        for n in range(3):
            add_practice(f"Voorschool {n}")
    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0
    assert "Indexing (" in result.output  # click draws the bar itself only on a terminal
    assert "Reindexed 3 documents." in result.output
    with search_app.app_context():
        assert outbox_rows() == 0
        assert len(titles_found("voorschool")) == 3
