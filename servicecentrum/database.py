"""Database engine tuning and column types shared by all models."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

from flask import has_request_context, request
from sqlalchemy import DateTime, event
from sqlalchemy.engine import Engine
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    """Return the current time, timezone-aware in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """Store naive UTC, return aware UTC, on SQLite and PostgreSQL alike."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


# HTTP methods that only read: their transactions never take the write lock.
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_write_intent: ContextVar[bool | None] = ContextVar("write_intent", default=None)


def will_write() -> bool:
    """Tell whether the unit of work now starting declared that it will write.

    A request declares it by its method (POST, PUT, PATCH, DELETE: the service layer
    behind them writes); CLI commands and background work write unless they say
    otherwise; `with intent(write=...)` overrides both for a block.
    """
    declared = _write_intent.get()
    if declared is not None:
        return declared
    if has_request_context():
        return request.method not in READ_METHODS
    return True


@contextmanager
def intent(write: bool) -> Iterator[None]:
    """Declare for a block whether transactions begun in it will write."""
    token = _write_intent.set(write)
    try:
        yield
    finally:
        _write_intent.reset(token)


def tune_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    """Make SQLite safe under concurrent requests, and let readers never lock.

    WAL lets readers run beside one writer; the busy timeout makes a second writer
    wait instead of failing. A unit of work that will write begins with BEGIN IMMEDIATE,
    which takes the write lock at the start, so a read-then-write can never fail half-way
    with "database is locked"; one that only reads begins a plain deferred BEGIN and never
    holds the write lock, so a slow report does not stall anyone.
    """
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy's "begin" event below decide how transactions start.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE" if will_write() else "BEGIN")
