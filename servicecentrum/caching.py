"""Small lists every member sees the same (themes, programmes and their advisers), kept per process.

Hot pages would otherwise load them again for every member on every request. A list is kept for
at most ``LIST_CACHE_SECONDS`` (default 60; 0 switches the cache off) and forgotten as soon as
this process commits a change to a table it is read from, so a change shows at once in this
process and within that time in the others (several workers, several hosts).

The lists hold frozen records, never ORM objects: they outlive the session that loaded them, and
nothing can attach them to another session or change them by accident. Use them to show and to
offer choices; a use case that saves a reference loads the row itself.
"""

import time
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

from flask import current_app, has_app_context
from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session, selectinload

from .extensions import db
from .taxonomy.models import Programme, Theme

EXTENSION_KEY = "servicecentrum.cached_lists"
CHANGED_KEY = "servicecentrum.changed_tables"  # in Session.info: tables written since the last commit
DEFAULT_SECONDS = 60


@dataclass(frozen=True)
class _Loader:
    load: Callable
    tables: frozenset[str]


_loaders: dict[str, _Loader] = {}


def cached_list(name: str, tables: Iterable[str]) -> Callable:
    """Register a loader of a shared list; calling the result reads the list through the cache.

    ``tables`` names every table the loader reads: a committed change to any of them forgets
    the list. Arguments of the loader (hashable) keep a list per argument.
    """
    def register(load: Callable) -> Callable:
        _loaders[name] = _Loader(load, frozenset(tables))

        def read(*args: Hashable):
            return _get(name, args)

        read.__name__, read.__doc__ = load.__name__, load.__doc__
        return read

    return register


def _store() -> dict:
    return current_app.extensions.setdefault(EXTENSION_KEY, {})


def _get(name: str, args: tuple):
    seconds = current_app.config.get("LIST_CACHE_SECONDS", DEFAULT_SECONDS)
    if not seconds:
        return _loaders[name].load(*args)
    store, now, key = _store(), time.monotonic(), (name, args)
    entry = store.get(key)
    if entry is None or entry[0] <= now:
        entry = store[key] = (now + seconds, _loaders[name].load(*args))
    return entry[1]


def forget(*tables: str) -> None:
    """Forget the lists read from these tables (every list when no table is named)."""
    store = _store()
    wanted = set(tables)
    for key in list(store):
        if not wanted or _loaders[key[0]].tables & wanted:
            store.pop(key, None)


# --- forgetting on change: every write through a session notes its tables; a commit forgets ----


def _note(session: Session, table_name: str | None) -> None:
    if table_name:
        session.info.setdefault(CHANGED_KEY, set()).add(table_name)


@event.listens_for(Session, "after_flush")
def _note_flushed(session: Session, _context) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        state = inspect(obj)
        for table in state.mapper.tables:
            _note(session, table.name)
        for relationship in state.mapper.relationships:  # a collection through an association table
            if relationship.secondary is not None and state.attrs[relationship.key].history.has_changes():
                _note(session, relationship.secondary.name)


@event.listens_for(Session, "do_orm_execute")
def _note_statement(state) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        _note(state.session, getattr(getattr(state.statement, "table", None), "name", None))


@event.listens_for(Session, "after_commit")
def _forget_committed(session: Session) -> None:
    changed = session.info.pop(CHANGED_KEY, None)
    if changed and has_app_context():
        forget(*changed)


# --- kept for one unit of work: until the session writes, commits or rolls back ---------------

MEMO_KEY = "servicecentrum.memo"


def memo(key: Hashable, compute: Callable):
    """Return what ``compute()`` returns, computed once while the session's data stays the same.

    For facts several parts of one page ask: a write, commit or rollback forgets them, so a
    part never reads facts from before a change.
    """
    kept = db.session.info.setdefault(MEMO_KEY, {})
    if key not in kept:
        kept[key] = compute()
    return kept[key]


@event.listens_for(Session, "after_flush")
@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget_memo(session: Session, *_args) -> None:
    session.info.pop(MEMO_KEY, None)


# --- the shared lists --------------------------------------------------------------------------


@dataclass(frozen=True)
class ThemeItem:
    """A theme as lists and choices show it."""

    id: int
    slug: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class PersonItem:
    """Someone shown by name (a programme's adviser)."""

    id: int
    name: str


@dataclass(frozen=True)
class ProgrammeItem:
    """A programme with its advisers by name."""

    id: int
    slug: str
    name: str
    description: str
    advisers: tuple[PersonItem, ...] = ()


@cached_list("themes", tables=("themes",))
def themes() -> tuple[ThemeItem, ...]:
    """Every theme by name."""
    return tuple(ThemeItem(t.id, t.slug, t.name, t.description or "")
                 for t in db.session.scalars(select(Theme).order_by(Theme.name)))


def themes_with_ids(ids) -> list[ThemeItem]:
    """The themes with these ids, by name; loads the list again when it misses one of them.

    A theme made in another process within the time to live would be missing otherwise.
    """
    wanted = set(ids)
    if not wanted.issubset(theme.id for theme in themes()):
        forget("themes")
    return [theme for theme in themes() if theme.id in wanted]


@cached_list("programmes", tables=("programmes", "programme_advisers", "users"))
def programmes() -> tuple[ProgrammeItem, ...]:
    """FORUM's programmes by name, each with its advisers by name (two queries when not kept)."""
    query = select(Programme).options(selectinload(Programme.advisers)).order_by(Programme.name)
    return tuple(ProgrammeItem(p.id, p.slug, p.name, p.description or "",
                               tuple(PersonItem(a.id, a.name) for a in p.advisers))
                 for p in db.session.scalars(query))
