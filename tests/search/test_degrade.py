"""A missing or corrupt Whoosh index: search degrades to titles with a notice, and is rebuilt."""

import os
import shutil
import threading
from pathlib import Path

import pytest

from servicecentrum.search import sync
from servicecentrum.search.backend import get_backend
from tests import factories
from tests.conftest import app_for, open_session_for

from .doctypes import add_practice

NOTICE = "De zoekfunctie wordt opnieuw opgebouwd…"


@pytest.fixture
def whoosh_app(tmp_path, database_url):
    with app_for(tmp_path, database_url, SEARCH_BACKEND="whoosh") as application:
        with application.app_context():
            add_practice("Schooluitval in de wijk", "Mentoren voor leerlingen die dreigen te stoppen.")
            add_practice("Concept over schooluitval", status="draft")
            sync.drain()
        yield application


@pytest.fixture
def client(whoosh_app):
    client = whoosh_app.test_client()
    with whoosh_app.app_context():
        open_session_for(whoosh_app, client, factories.make_user())
    return client


def remove_index(app):
    link = Path(app.config["SEARCH_INDEX_DIR"])
    shutil.rmtree(os.path.realpath(link))
    link.unlink()


def corrupt_index(app):
    directory = Path(os.path.realpath(app.config["SEARCH_INDEX_DIR"]))
    for path in directory.iterdir():
        if path.suffix in (".toc", ".seg"):
            path.unlink()  # a new file, as a bad copy or restore leaves it
            path.write_bytes(b"\x00kapot" * 10)
    # A worker that starts now (this one still reads the old files it has open).
    app.extensions.pop("search_backend", None)


@pytest.mark.parametrize("damage", [remove_index, corrupt_index])
def test_a_damaged_index_shows_a_notice_finds_titles_and_is_rebuilt(whoosh_app, client, damage):
    damage(whoosh_app)
    response = client.get("/zoeken?q=schooluitval")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert NOTICE in html
    assert "</mark> in de wijk" in html  # found by its title in the database
    assert "Concept over" not in html  # the fallback checks rights too
    # The request rebuilt the index under the lock: the next search is whole again.
    html = client.get("/zoeken?q=mentoren").get_data(as_text=True)
    assert NOTICE not in html
    assert "<mark>Mentoren</mark>" in html


def test_a_big_index_is_not_rebuilt_in_a_request_but_by_sync(whoosh_app, client):
    whoosh_app.config["SEARCH_REBUILD_IN_REQUEST_MAX"] = 1
    remove_index(whoosh_app)
    assert NOTICE in client.get("/zoeken?q=schooluitval").get_data(as_text=True)
    assert NOTICE in client.get("/zoeken?q=schooluitval").get_data(as_text=True)
    result = whoosh_app.test_cli_runner().invoke(args=["search", "sync"])
    assert result.exit_code == 0
    assert "rebuilt with 2 documents" in result.output
    assert NOTICE not in client.get("/zoeken?q=schooluitval").get_data(as_text=True)


def test_a_request_does_not_rebuild_while_another_process_writes(whoosh_app, client):
    remove_index(whoosh_app)
    with whoosh_app.app_context():
        backend = get_backend()
    taken, release = threading.Event(), threading.Event()

    def hold():  # another writer (a thread here; the lock treats threads like processes)
        with backend.store.lock.hold():
            taken.set()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    taken.wait(5)
    try:
        assert NOTICE in client.get("/zoeken?q=schooluitval").get_data(as_text=True)
        assert backend.store.current() is None  # no rebuild without the lock
    finally:
        release.set()
        thread.join()


def test_reindex_swaps_generations_and_keeps_one_previous(whoosh_app):
    runner = whoosh_app.test_cli_runner()
    for _ in range(3):
        assert runner.invoke(args=["search", "reindex"]).exit_code == 0
    link = Path(whoosh_app.config["SEARCH_INDEX_DIR"])
    assert link.is_symlink()
    generations = list(Path(str(link) + ".d").iterdir())
    assert len(generations) == 2
    assert Path(os.path.realpath(link)) in generations


def test_an_old_plain_directory_index_is_replaced_by_a_generation(tmp_path, database_url):
    index_dir = tmp_path / "plain-index"
    index_dir.mkdir()
    with app_for(tmp_path, database_url, SEARCH_INDEX_DIR=str(index_dir)) as app, app.app_context():
        add_practice("Taalcafé")
        sync.reindex()
        assert index_dir.is_symlink()
        assert [h.doc_id for h in get_backend().search("taalcafe").hits] == [1]
