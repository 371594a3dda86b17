"""Exact capacity under concurrent requests, on a file-based SQLite database and on PostgreSQL.

Every scenario runs real threads, each request in its own app context, session, connection
and transaction, like requests served by several workers at once. A barrier lets the workers
start together; they then take the requests from one shared queue until it is empty.
"""

import os
import queue
import threading
import time
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from servicecentrum.auth.models import User
from servicecentrum.database import utcnow
from servicecentrum.events import booking, topics
from servicecentrum.events.models import Event, Registration, TopicProposal
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from tests.conftest import TEST_DATABASE_URL, app_for
from tests.factories import make_event, make_organisation, make_user

WORKERS = 32
MEMBERS = 200
SEATS = 10
# Three runs in a row in the suite (about 10 s on SQLite); EVENTS_RACE_RUNS=20 for the full proof.
RUNS = int(os.environ.get("EVENTS_RACE_RUNS", "3"))

BACKENDS = [
    pytest.param("sqlite", id="sqlite-file"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.skipif(
        not TEST_DATABASE_URL, reason="needs PostgreSQL: real concurrent transactions")),
]


@pytest.fixture(params=BACKENDS)
def race_app(request, tmp_path):
    """An app on a database that really serves several connections at once."""
    pool = {"pool_size": WORKERS, "max_overflow": 4, "pool_timeout": 60}
    if request.param == "sqlite":
        url = "sqlite:///" + str(tmp_path / "events.db")
        with app_for(tmp_path, None, DATABASE_URL=url, SQLALCHEMY_ENGINE_OPTIONS=pool) as app:
            yield app
    else:
        database_url = request.getfixturevalue("database_url")
        with app_for(tmp_path, database_url, SQLALCHEMY_ENGINE_OPTIONS=pool) as app:
            yield app


def run_at_once(app, jobs, workers: int = WORKERS) -> tuple[list, list]:
    """Run every job(), each in a fresh app context; return (results, errors)."""
    todo = queue.SimpleQueue()
    for job in jobs:
        todo.put(job)
    count = min(workers, len(jobs))
    barrier = threading.Barrier(count)
    results, errors = [], []

    def worker() -> None:
        barrier.wait(timeout=30)
        while True:
            try:
                job = todo.get_nowait()
            except queue.Empty:
                return
            with app.app_context():
                try:
                    results.append(job())
                except Exception as exc:  # noqa: BLE001 — every error is a failure of the test
                    errors.append(repr(exc))
                finally:
                    db.session.remove()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a worker hangs"
    return results, errors


def _register_job(event_id: int, user_id: int, now):
    def job():
        event, user = db.session.get(Event, event_id), db.session.get(User, user_id)
        registration = booking.register(event, user, {"1": "vegetarisch"}, now=now)
        return registration.id, registration.user_id, registration.status
    return job


def _members(count: int) -> list[int]:
    organisation = make_organisation()
    return [make_user(organisation=organisation).id for _ in range(count)]


def _statuses(event_id: int) -> Counter:
    return Counter(db.session.scalars(select(Registration.status).where(Registration.event_id == event_id)))


def test_200_members_registering_at_once_for_10_seats_fill_exactly_10(race_app):
    backend, runs = race_app.config["SQLALCHEMY_DATABASE_URI"].partition(":")[0], RUNS
    with race_app.app_context():
        member_ids = _members(MEMBERS)
    timings = []
    for _run in range(runs):
        with race_app.app_context():
            event_id = make_event(capacity=SEATS).id
        now = utcnow()
        started = time.perf_counter()
        results, errors = run_at_once(race_app, [_register_job(event_id, m, now) for m in member_ids])
        timings.append(time.perf_counter() - started)
        assert errors == []
        assert Counter(status for _id, _user, status in results) == {"confirmed": SEATS,
                                                                     "waitlisted": MEMBERS - SEATS}
        assert sorted(user for _id, user, _status in results) == sorted(member_ids)
        with race_app.app_context():
            assert db.session.get(Event, event_id).seats_taken == SEATS
            assert _statuses(event_id) == {"confirmed": SEATS, "waitlisted": MEMBERS - SEATS}
            rows = db.session.execute(select(func.count(Registration.id),
                                             func.count(Registration.user_id.distinct()))
                                      .where(Registration.event_id == event_id)).one()
            assert tuple(rows) == (MEMBERS, MEMBERS)  # no duplicates
            title = db.session.get(Event, event_id).title
            mails = Counter(db.session.scalars(select(OutboxMail.subject)
                                               .where(OutboxMail.subject.endswith(f": {title}"))))
            assert mails == {f"Aanmelding bevestigd: {title}": SEATS,
                             f"U staat op de wachtlijst: {title}": MEMBERS - SEATS}
    print(f"\n{backend}: {runs} runs of {MEMBERS} registrations, seconds each: "
          + ", ".join(f"{t:.2f}" for t in timings))


def test_the_same_members_registration_sent_at_once_gives_one_registration_and_one_seat(race_app):
    with race_app.app_context():
        member_id = make_user().id
        roomy_id = make_event(capacity=SEATS).id
        full = make_event(capacity=1)
        booking.register(full, make_user())
        full_id = full.id
    now = utcnow()
    for event_id, expected in ((roomy_id, "confirmed"), (full_id, "waitlisted")):
        results, errors = run_at_once(race_app, [_register_job(event_id, member_id, now) for _ in range(8)],
                                      workers=8)
        assert errors == []
        assert len({reg_id for reg_id, _user, _status in results}) == 1
        assert {status for _id, _user, status in results} == {expected}
        with race_app.app_context():
            assert db.session.scalar(select(func.count(Registration.id)).where(
                Registration.event_id == event_id, Registration.user_id == member_id)) == 1
            assert db.session.get(Event, event_id).seats_taken == 1
            member, title = db.session.get(User, member_id), db.session.get(Event, event_id).title
            assert db.session.scalar(select(func.count(OutboxMail.id)).where(
                OutboxMail.to_address == member.email, OutboxMail.subject.endswith(f": {title}"))) == 1


def test_two_seats_cancelled_at_once_go_to_the_two_first_in_line_one_offer_each(race_app):
    for _run in range(5):
        now = utcnow()
        with race_app.app_context():
            event = make_event(capacity=2)
            holders = [booking.register(event, make_user(), now=now).id for _ in range(2)]
            waiting = [booking.register(event, make_user(), now=now + timedelta(seconds=n + 1)).id
                       for n in range(3)]
            event_id = event.id

        def cancel_job(registration_id, when=now + timedelta(minutes=5)):
            def job():
                booking.cancel(db.session.get(Registration, registration_id), now=when)
                return registration_id
            return job

        results, errors = run_at_once(race_app, [cancel_job(r) for r in holders])
        assert errors == [] and sorted(results) == sorted(holders)
        with race_app.app_context():
            rows = {r.id: r for r in db.session.scalars(select(Registration)
                                                        .where(Registration.event_id == event_id))}
            assert [rows[r].status for r in holders] == ["cancelled", "cancelled"]
            assert [rows[r].status for r in waiting] == ["offered", "offered", "waitlisted"]
            assert db.session.get(Event, event_id).seats_taken == 2
            title = db.session.get(Event, event_id).title
            for registration_id in waiting[:2]:
                offers = db.session.scalar(select(func.count(OutboxMail.id)).where(
                    OutboxMail.to_address == rows[registration_id].user.email,
                    OutboxMail.subject == f"Er is een plaats voor u vrij: {title}"))
                assert offers == 1


def test_a_member_registering_again_after_cancelling_twice_at_once_takes_one_seat(race_app):
    with race_app.app_context():
        member_id = make_user().id
        event = make_event(capacity=SEATS)
        booking.cancel(booking.register(event, db.session.get(User, member_id)))
        event_id = event.id
    results, errors = run_at_once(race_app, [_register_job(event_id, member_id, utcnow()) for _ in range(8)],
                                  workers=8)
    assert errors == []
    assert {status for _id, _user, status in results} == {"confirmed"}
    with race_app.app_context():
        assert _statuses(event_id) == {"confirmed": 1}
        assert db.session.get(Event, event_id).seats_taken == 1


def test_the_same_cancellation_sent_twice_at_once_frees_one_seat_and_mails_once(race_app):
    with race_app.app_context():
        event = make_event(capacity=1)
        holder = booking.register(event, make_user())
        waiting = booking.register(event, make_user())
        holder_id, waiting_id, event_id, email = holder.id, waiting.id, event.id, holder.user.email

    def cancel_job():
        booking.cancel(db.session.get(Registration, holder_id))
        return "cancelled"

    results, errors = run_at_once(race_app, [cancel_job for _ in range(4)], workers=4)
    assert "cancelled" in results
    assert all("U bent al afgemeld" in e for e in errors)  # the repeat is refused, not a 500
    with race_app.app_context():
        assert db.session.get(Registration, waiting_id).status == "offered"
        assert db.session.get(Event, event_id).seats_taken == 1
        subjects = list(db.session.scalars(select(OutboxMail.subject).where(OutboxMail.to_address == email)))
        assert sum(s.startswith("Afmelding") for s in subjects) == 1


def test_supports_sent_at_once_count_once_each(race_app):
    with race_app.app_context():
        proposal_id = topics.propose(make_user(), topics.ProposalData("Een voorstel voor iedereen")).id
        supporters = _members(40)

    def support_job(user_id):
        def job():
            proposal = db.session.get(TopicProposal, proposal_id)
            return topics.set_support(proposal, db.session.get(User, user_id), True)
        return job

    # 40 members at once, the first of them eight times (a double-clicked button).
    jobs = [support_job(u) for u in supporters] + [support_job(supporters[0]) for _ in range(7)]
    results, errors = run_at_once(race_app, jobs)
    assert errors == [] and results.count(True) == 40
    with race_app.app_context():
        assert db.session.get(TopicProposal, proposal_id).support_count == 40
        assert topics.support_total(proposal_id) == 40
