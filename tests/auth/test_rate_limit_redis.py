"""With Redis as rate-limit storage, several workers share one count of login failures."""

import uuid

import pytest
import redis

from tests import factories
from tests.conftest import app_for, csrf_token_from
from tests.redis_service import REDIS_URL, redis_answers


@pytest.mark.skipif(not redis_answers(), reason="no Redis on 127.0.0.1:6379 (CI machines have one)")
def test_two_workers_sharing_redis_count_failures_together(tmp_path, database_url):
    prefix = f"test-{uuid.uuid4().hex}"
    settings = {"RATELIMIT_STORAGE_URI": REDIS_URL, "RATELIMIT_KEY_PREFIX": prefix,
                "LOGIN_FAILURE_LIMIT": "4 per 15 minutes"}
    # Two apps stand for two gunicorn workers; a wrong password fails the same way in both.
    with app_for(tmp_path / "a", database_url, **settings) as worker_a, \
            app_for(tmp_path / "b", database_url, **settings) as worker_b:
        for worker in (worker_a, worker_b):
            with worker.app_context():
                if worker is worker_a or not database_url:
                    factories.make_user(email="sanne@utrecht.test")
        clients = [worker_a.test_client(), worker_b.test_client()]
        statuses = []
        for attempt in range(6):
            client = clients[attempt % 2]
            token = csrf_token_from(client.get("/inloggen").get_data(as_text=True))
            response = client.post("/inloggen", data={"csrf_token": token, "email": "sanne@utrecht.test",
                                                      "password": "helemaal fout wachtwoord"})
            statuses.append(response.status_code)
        assert statuses[:4] == [422, 422, 422, 422]
        assert statuses[4:] == [429, 429]  # each worker alone saw only 2 or 3 failures
    redis.Redis.from_url(REDIS_URL).delete(*redis.Redis.from_url(REDIS_URL).keys(f"{prefix}*") or ["x"])
