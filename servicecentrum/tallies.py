"""Counts and "last seen" stamps that a read may not write: buffered, written in batches.

A GET that counts a practice view, or notes that a session is still in use, adds to a
buffer instead of writing: in the process's memory by default, or in Redis when
``TALLY_REDIS_URL`` is set, so that every worker and app server shares one buffer.
``flush()`` writes what has gathered in one short write transaction, through the writer
that each domain registered for its kind of tally. The background work runs it
(``flask --app wsgi tallies flush``); each process also flushes its own buffer every
``TALLY_FLUSH_SECONDS`` and when it exits, and a failed flush puts the tallies back, so no
count is lost.

Three kinds of tally: sums (``add``: views per practice and day), latest values
(``stamp``: the last time a session was used; the largest value wins) and records
(``append``: an audit event of a read, such as an export, kept in order).
"""

import atexit
import json
import logging
import os
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from flask import Flask, current_app

log = logging.getLogger(__name__)

Writer = Callable[[dict[str, float] | list[dict]], None]
_writers: dict[str, Writer] = {}


def writer(kind: str) -> Callable[[Writer], Writer]:
    """Register the function that writes a batch of one kind: {key: total or latest}."""

    def register(function: Writer) -> Writer:
        _writers[kind] = function
        return function

    return register


@dataclass
class Batch:
    sums: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))
    latest: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))
    records: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))

    def __bool__(self) -> bool:
        return any(self.sums.values()) or any(self.latest.values()) or any(self.records.values())

    def by_kind(self) -> dict:
        merged: dict = defaultdict(dict)
        for source in (self.sums, self.latest):
            for kind, values in source.items():
                merged[kind].update(values)
        merged.update((kind, items) for kind, items in self.records.items() if items)
        return merged

    def give_back_to(self, buffer) -> None:
        for kind, values in self.sums.items():
            for key, amount in values.items():
                buffer.add(kind, key, amount)
        for kind, values in self.latest.items():
            for key, value in values.items():
                buffer.stamp(kind, key, value)
        for kind, items in self.records.items():
            for item in items:
                buffer.append(kind, item)


class MemoryBuffer:
    """Tallies of this process, guarded by a lock (sync and threaded workers alike)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._batch = Batch()

    def add(self, kind: str, key: str, amount: float) -> None:
        with self._lock:
            values = self._batch.sums[kind]
            values[key] = values.get(key, 0) + amount

    def stamp(self, kind: str, key: str, value: float) -> None:
        with self._lock:
            values = self._batch.latest[kind]
            values[key] = max(value, values.get(key, value))

    def append(self, kind: str, item: dict) -> None:
        with self._lock:
            self._batch.records[kind].append(item)

    def take(self) -> Batch:
        with self._lock:
            batch, self._batch = self._batch, Batch()
        return batch


class RedisBuffer:
    """Tallies shared by every process: a hash of sums and a sorted set of latest values per kind.

    ``take`` renames each key before reading it, so tallies added meanwhile go to a new key
    and two flushers running at once never write the same tally twice.
    """

    def __init__(self, url: str, prefix: str) -> None:
        import redis

        self._redis = redis.Redis.from_url(url, decode_responses=True)
        self._no_such_key = redis.ResponseError
        self.prefix = prefix

    def add(self, kind: str, key: str, amount: float) -> None:
        self._redis.hincrbyfloat(f"{self.prefix}:sum:{kind}", key, amount)

    def stamp(self, kind: str, key: str, value: float) -> None:
        self._redis.zadd(f"{self.prefix}:latest:{kind}", {key: value}, gt=True)

    def append(self, kind: str, item: dict) -> None:
        self._redis.rpush(f"{self.prefix}:records:{kind}", json.dumps(item))

    def take(self) -> Batch:
        batch = Batch()
        for name in self._redis.scan_iter(f"{self.prefix}:*"):
            parts = name[len(self.prefix) + 1:].split(":")
            if len(parts) != 2:  # a key being flushed by someone else: ...:flushing:token
                continue
            shape, kind = parts
            claimed = f"{name}:flushing:{os.getpid()}:{time.monotonic_ns()}"
            try:
                self._redis.rename(name, claimed)
            except self._no_such_key:
                continue  # another flusher claimed it first
            if shape == "sum":
                batch.sums[kind] = {k: float(v) for k, v in self._redis.hgetall(claimed).items()}
            elif shape == "latest":
                batch.latest[kind] = dict(self._redis.zrange(claimed, 0, -1, withscores=True))
            else:
                batch.records[kind] = [json.loads(item) for item in self._redis.lrange(claimed, 0, -1)]
            self._redis.delete(claimed)
        return batch


def init_app(app: Flask) -> None:
    """Give the app its buffer; in memory, also a flusher thread started on first use."""
    url = app.config.get("TALLY_REDIS_URL")
    prefix = app.config.get("TALLY_REDIS_PREFIX", "servicecentrum:tally")
    app.extensions["tallies"] = RedisBuffer(url, prefix) if url else MemoryBuffer()
    app.extensions["tallies_flusher"] = None


def add(kind: str, key: str, amount: float = 1) -> None:
    """Add to a sum (e.g. one view of a practice today)."""
    _buffer().add(kind, key, amount)
    _ensure_flusher()


def stamp(kind: str, key: str, value: float) -> None:
    """Note a latest value (e.g. when a session was last used); the largest one is kept."""
    _buffer().stamp(kind, key, value)
    _ensure_flusher()


def append(kind: str, item: dict) -> None:
    """Keep a record to be written in order (JSON-safe values only)."""
    _buffer().append(kind, item)
    _ensure_flusher()


def flush(app: Flask | None = None) -> dict[str, int]:
    """Write every buffered tally through its writer and commit; return how many per kind."""
    from .database import intent
    from .extensions import db

    app = app or current_app._get_current_object()
    buffer = app.extensions["tallies"]
    with app.app_context():
        batch = buffer.take()
        if not batch:
            return {}
        try:
            with intent(write=True):
                written = {}
                for kind, values in batch.by_kind().items():
                    if values and kind in _writers:
                        _writers[kind](values)
                        written[kind] = len(values)
                db.session.commit()
        except Exception:
            db.session.rollback()
            batch.give_back_to(buffer)
            raise
    return written


def _buffer():
    return current_app.extensions["tallies"]


def _ensure_flusher() -> None:
    app = current_app._get_current_object()
    seconds = app.config.get("TALLY_FLUSH_SECONDS", 15)
    flusher = app.extensions.get("tallies_flusher")
    if seconds <= 0 or (flusher is not None and flusher.pid == os.getpid()):
        return
    flusher = _Flusher(app, seconds)
    app.extensions["tallies_flusher"] = flusher
    flusher.start()


class _Flusher(threading.Thread):
    """Flush this process's tallies every few seconds, and once more when it exits."""

    def __init__(self, app: Flask, seconds: float) -> None:
        super().__init__(name="tally-flusher", daemon=True)
        self.app, self.seconds, self.pid = app, seconds, os.getpid()
        atexit.register(self._flush_quietly)

    def run(self) -> None:
        while True:
            time.sleep(self.seconds)
            self._flush_quietly()

    def _flush_quietly(self) -> None:
        try:
            flush(self.app)
        except Exception:
            log.exception("tallies: flushing failed; the tallies wait for the next try")
