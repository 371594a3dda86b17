"""The Redis that CI machines run on 127.0.0.1:6379 (database 15 for tests), and whether it answers."""

import redis

REDIS_URL = "redis://127.0.0.1:6379/15"


def redis_answers() -> bool:
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False
