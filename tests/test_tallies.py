"""Views and "last seen" stamps are counted without a write in the GET and lost by no batch."""

import threading
import uuid
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from servicecentrum import tallies
from servicecentrum.extensions import db
from servicecentrum.library.models import PracticeDailyViews
from tests import factories
from tests.conftest import app_for
from tests.library.helpers import make_practice
from tests.redis_service import REDIS_URL, redis_answers


def _views(app, practice_id=None) -> int:
    with app.app_context():
        query = select(func.coalesce(func.sum(PracticeDailyViews.views), 0))
        if practice_id is not None:
            query = query.where(PracticeDailyViews.practice_id == practice_id)
        return db.session.scalar(query)


def test_every_view_of_a_practice_is_counted_once_the_batch_is_written(app, client, login):
    with app.app_context():
        practice_id = make_practice(status="published").id
        login(client, factories.make_user())
    for _ in range(25):
        assert client.get(f"/praktijken/{practice_id}").status_code == 200
    assert _views(app) == 0  # the page only read; the views wait in the buffer
    assert tallies.flush(app) == {"practice_views": 1}
    assert _views(app, practice_id) == 25
    for _ in range(5):
        client.get(f"/praktijken/{practice_id}")
    tallies.flush(app)
    assert _views(app, practice_id) == 30  # added to the day's row, not replacing it
    assert tallies.flush(app) == {}  # nothing left to write


def test_views_of_a_draft_are_not_counted(app, client, login):
    with app.app_context():
        author = factories.make_user()
        practice_id = make_practice(author=author, status="draft").id
        login(client, author)
    assert client.get(f"/praktijken/{practice_id}").status_code == 200
    tallies.flush(app)
    assert _views(app) == 0


def test_views_counted_from_many_threads_at_once_are_all_written(app):
    with app.app_context():
        practice = SimpleNamespace(id=make_practice(status="published").id, status="published")
    threads = [threading.Thread(target=_count_views, args=(app, practice, 200)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    tallies.flush(app)
    assert _views(app, practice.id) == 1600


def _count_views(app, practice, n):
    from servicecentrum.library.usage import count_view

    with app.app_context():
        for _ in range(n):
            count_view(practice)


def test_a_failed_flush_keeps_the_counts_for_the_next_one(app, monkeypatch):
    from servicecentrum.library import usage

    with app.app_context():
        practice = make_practice(status="published")
        for _ in range(3):
            usage.count_view(practice)

    def broken(_totals):
        raise RuntimeError("database went away")

    monkeypatch.setitem(tallies._writers, usage.KIND, broken)
    with pytest.raises(RuntimeError):
        tallies.flush(app)
    monkeypatch.setitem(tallies._writers, usage.KIND, usage.write_views)
    tallies.flush(app)
    assert _views(app, practice.id) == 3


def test_views_of_a_practice_deleted_before_the_flush_are_dropped_quietly(app):
    from servicecentrum.library import usage

    with app.app_context():
        practice = make_practice(status="published")
        usage.count_view(practice)
        db.session.delete(practice)
        db.session.commit()
    assert tallies.flush(app) == {"practice_views": 1}
    assert _views(app) == 0


@pytest.mark.skipif(not redis_answers(), reason="no Redis on 127.0.0.1:6379 (CI machines have one)")
def test_two_workers_sharing_redis_write_their_views_in_one_batch(tmp_path, database_url):
    settings = {"TALLY_REDIS_URL": REDIS_URL, "TALLY_REDIS_PREFIX": f"test-{uuid.uuid4().hex}"}
    # Two apps stand for two gunicorn workers; either one's flush writes both workers' views.
    with app_for(tmp_path / "a", database_url, **settings) as worker_a, \
            app_for(tmp_path / "b", database_url, **settings) as worker_b:
        from servicecentrum.library.usage import count_view

        with worker_a.app_context():
            practice = make_practice(status="published")
            practice_id = practice.id
            db.session.expunge(practice)  # worker b only counts it; it needs no row of its own
            for _ in range(4):
                count_view(practice)
        with worker_b.app_context():
            for _ in range(6):
                count_view(practice)
        assert tallies.flush(worker_a) == {"practice_views": 1}
        assert tallies.flush(worker_b) == {}  # worker a wrote worker b's views too
        assert _views(worker_a, practice_id) == 10
