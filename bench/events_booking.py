"""Benchmark booking.register under concurrency: registrations per second, and the seats exact.

    .venv/bin/python bench/events_booking.py                     # SQLite (a file in a temp folder)
    .venv/bin/python bench/events_booking.py --members 1000 --seats 50 --workers 32
    .venv/bin/python bench/events_booking.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres

PostgreSQL runs in a database of its own ("events_booking_bench" on the given server, created
for the run and dropped afterwards), so it never touches application data. A benchmark, not a
test: it prints figures (and stops with an error if a seat was counted wrongly).
"""

import argparse
import queue
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.databases import create_bench_database, drop_bench_database  # noqa: E402

BENCH_DATABASE = "events_booking_bench"




def fill(members: int, seats: int) -> tuple[int, list[int]]:
    """One organisation, `members` officers and a published event; return (event id, member ids)."""
    from datetime import timedelta

    from servicecentrum.auth.models import User
    from servicecentrum.database import utcnow
    from servicecentrum.events.models import Event
    from servicecentrum.extensions import db
    from servicecentrum.organisations.models import Organisation

    now = utcnow().replace(microsecond=0)
    organisation = Organisation(name="Gemeente Bank", kind="gemeente", region="Utrecht")
    users = [User(email=f"lid{n}@bench.test", name=f"Lid {n}", role="officer", status="active",
                  password_hash="x", approved_at=now, email_verified_at=now, role_confirmed_at=now,
                  organisation=organisation) for n in range(members)]
    event = Event(kind="masterclass", title="Masterclass bench", starts_at=now + timedelta(days=7),
                  ends_at=now + timedelta(days=7, hours=2), capacity=seats, status="published")
    db.session.add_all([organisation, *users, event])
    db.session.commit()
    return event.id, [u.id for u in users]


def race(app, event_id: int, member_ids: list[int], workers: int) -> tuple[float, Counter, list[str]]:
    from servicecentrum.auth.models import User
    from servicecentrum.database import utcnow
    from servicecentrum.events import booking
    from servicecentrum.events.models import Event
    from servicecentrum.extensions import db

    todo, statuses, errors, now = queue.SimpleQueue(), Counter(), [], utcnow()
    for member_id in member_ids:
        todo.put(member_id)
    barrier = threading.Barrier(workers + 1)

    def worker() -> None:
        barrier.wait()
        while True:
            try:
                member_id = todo.get_nowait()
            except queue.Empty:
                return
            with app.app_context():
                try:
                    registration = booking.register(db.session.get(Event, event_id),
                                                    db.session.get(User, member_id), now=now)
                    statuses[registration.status] += 1
                except Exception as exc:  # noqa: BLE001 — counted and shown
                    errors.append(repr(exc))
                finally:
                    db.session.remove()

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for thread in threads:
        thread.start()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start, statuses, errors


def run(name: str, database_url: str, members: int, seats: int, workers: int) -> None:
    from servicecentrum import create_app
    from servicecentrum.events.models import Event
    from servicecentrum.extensions import db

    with tempfile.TemporaryDirectory(prefix="booking-bench-") as instance:
        app = create_app({"TESTING": True, "SECRET_KEY": "bench", "INSTANCE_PATH": instance,
                          "DATABASE_URL": database_url or f"sqlite:///{instance}/bench.db",
                          "SEARCH_INDEX_DIR": f"{instance}/search-index",
                          "SQLALCHEMY_ENGINE_OPTIONS": {"pool_size": workers, "max_overflow": 4}})
        with app.app_context():
            db.create_all()
            event_id, member_ids = fill(members, seats)
        seconds, statuses, errors = race(app, event_id, member_ids, workers)
        with app.app_context():
            taken = db.session.get(Event, event_id).seats_taken
            db.session.remove()
            db.engine.dispose()
    print(f"{name}: {members} registrations by {workers} workers in {seconds:.2f} s = "
          f"{members / seconds:.0f} registrations/s; {dict(statuses)}; seats_taken {taken}/{seats}; "
          f"errors {len(errors)}")
    if errors or taken != min(seats, members) or statuses["confirmed"] != min(seats, members):
        sys.exit(f"wrong outcome: {errors[:3]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--seats", type=int, default=10)
    parser.add_argument("--workers", type=int, default=32)
    parser.add_argument("--database-url", help="a PostgreSQL server (its own bench database is used)")
    args = parser.parse_args()
    if args.database_url:
        url = create_bench_database(args.database_url, BENCH_DATABASE)
        try:
            run("PostgreSQL", url, args.members, args.seats, args.workers)
        finally:
            drop_bench_database(args.database_url, BENCH_DATABASE)
    else:
        run("SQLite", "", args.members, args.seats, args.workers)


if __name__ == "__main__":
    main()
