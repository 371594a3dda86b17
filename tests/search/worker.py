"""A separate process for the search tests: `python -m tests.search.worker MODE CONFIG_JSON`.

Modes:
  add N PREFIX USER_ID GO  add N practices through real requests, each drained after its response,
                           starting once the file GO exists (so both workers start together)
  hang-drain    apply the outbox, but stop dead after the first batch reached the index
  hang-reindex  rebuild the index, but stop dead half-way
"""

import json
import sys
import time
from pathlib import Path

from servicecentrum import create_app
from servicecentrum.search import sync
from servicecentrum.search.backend import get_backend
from tests.conftest import open_session_for
from tests.search.doctypes import add_practice, use_test_types


def make_app(config: dict):
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "SESSION_COOKIE_SECURE": False,
                      "SERVER_NAME": None, **config})
    use_test_types()
    return app


def add(app, count: int, prefix: str, user_id: int, go: Path) -> None:
    def create():
        from flask import request

        add_practice(f"{prefix} {request.args['n']} over stageplaatsen", "Werkgevers en scholen.")
        return "ok"

    from servicecentrum.extensions import csrf

    # A POST: a request that writes declares it (a GET's transaction never takes the write lock).
    app.add_url_rule("/test/maak", "test_create", csrf.exempt(create), methods=["POST"])
    client = app.test_client()
    open_session_for(app, client, user_id)
    print("ready", flush=True)  # set up: the test starts both workers only when both are ready
    deadline = time.time() + 60
    while not go.exists() and time.time() < deadline:
        time.sleep(0.01)
    started = time.time()
    for n in range(count):
        response = client.post(f"/test/maak?n={n}")
        if response.status_code != 200:
            raise SystemExit(f"request {n} answered {response.status_code}")
    print(f"done {started} {time.time()}", flush=True)


def hang_after(label: str) -> None:
    print(label, flush=True)
    time.sleep(120)  # the test kills this process now


def hang_drain(app) -> None:
    with app.app_context():
        backend = get_backend()
        original = backend.apply

        def apply_then_hang(docs, delete_keys):
            original(docs, delete_keys)
            hang_after("INDEXED")  # the index has the batch; the outbox rows are not removed yet

        backend.apply = apply_then_hang
        sync.BATCH = 10
        sync.drain()


def hang_reindex(app) -> None:
    with app.app_context():
        done = 0

        def progress(n):
            nonlocal done
            done += n
            if done >= 20:
                hang_after("HALFWAY")

        sync.BATCH = 10
        sync.reindex(progress=progress)


def main() -> None:
    mode, config = sys.argv[1], json.loads(sys.argv[2])
    app = make_app(config)
    if mode == "add":
        add(app, int(sys.argv[3]), sys.argv[4], int(sys.argv[5]), Path(sys.argv[6]))
    elif mode == "hang-drain":
        hang_drain(app)
    elif mode == "hang-reindex":
        hang_reindex(app)
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
