"""Keep the index equal to the database: apply the outbox, rebuild, and verify.

Outbox rows are deleted only after the index holds their documents, and every step runs
under the backend's single-writer lock, so a crash at any point leaves rows to re-apply
(writes are idempotent) and two processes never write stale states over each other.
"""

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import delete, func, select

from ..extensions import db
from .backend import IndexBusy, IndexUnavailable, SearchBackend, get_backend
from .models import SearchOutboxEntry
from .prepare import DocKey, fingerprint
from .registry import REGISTRY, IndexedDoc

log = logging.getLogger(__name__)
BATCH = 500


@dataclass
class DrainReport:
    """What one drain did."""

    rows: int = 0  # outbox rows applied and removed
    indexed: int = 0
    removed: int = 0
    skipped: bool = False  # the lock was busy or the index needs a rebuild first
    rebuilt: int | None = None  # documents indexed by a rebuild, when one ran


def drain(backend: SearchBackend | None = None, *, blocking: bool = True, timeout: float = 30,
          max_batches: int | None = None, rebuild_limit: int | None = None) -> DrainReport:
    """Apply outbox rows in batches; a broken index is rebuilt first (up to rebuild_limit docs)."""
    backend = backend or get_backend()
    report = DrainReport()
    batches = 0
    while max_batches is None or batches < max_batches:
        db.session.rollback()  # what is read below is read after the lock is ours
        with backend.write_lock(blocking=blocking, timeout=timeout) as held:
            if not held:
                report.skipped = True
                return report
            try:
                backend.check()
            except IndexUnavailable:
                if report.rebuilt is not None:
                    raise
                if rebuild_limit is not None and _document_count() > rebuild_limit:
                    report.skipped = True
                    db.session.rollback()
                    return report
                report.rebuilt = _rebuild_locked(backend)
                continue
            done = _apply_batch(backend, report)
        batches += 1
        if done < BATCH:
            break
    return report


def _apply_batch(backend: SearchBackend, report: DrainReport) -> int:
    rows = db.session.execute(
        select(SearchOutboxEntry.id, SearchOutboxEntry.doc_type, SearchOutboxEntry.doc_id)
        .order_by(SearchOutboxEntry.id).limit(BATCH)
    ).all()
    if not rows:
        db.session.commit()
        return 0
    wanted: dict[str, set[int]] = {}
    row_ids: dict[str, list[int]] = {}
    for row in rows:
        wanted.setdefault(row.doc_type, set()).add(row.doc_id)
        row_ids.setdefault(row.doc_type, []).append(row.id)
    docs: list[IndexedDoc] = []
    gone: list[DocKey] = []
    finished: list[int] = []
    for doc_type, ids in wanted.items():
        kind = REGISTRY.get(doc_type)
        try:
            loaded = kind.load(sorted(ids)) if kind else {}
        except Exception:
            # One broken document type must not hold up the others; its rows stay.
            log.exception("search: loading %s documents failed", doc_type)
            continue
        docs.extend(loaded.values())
        gone.extend((doc_type, i) for i in ids if i not in loaded)
        finished.extend(row_ids[doc_type])
    backend.apply(docs, gone)
    if finished:
        db.session.execute(delete(SearchOutboxEntry).where(SearchOutboxEntry.id.in_(finished)))
    db.session.commit()
    report.rows += len(finished)
    report.indexed += len(docs)
    report.removed += len(gone)
    return len(rows)


def _document_ids() -> dict[str, list[int]]:
    return {name: list(kind.all_ids()) for name, kind in REGISTRY.items()}


def _document_count() -> int:
    return sum(len(ids) for ids in _document_ids().values())


def iter_documents(ids_by_type: dict[str, list[int]], release: bool) -> Iterator[IndexedDoc]:
    """Load every listed document in batches; with release, end the read transaction after each."""
    for name, ids in ids_by_type.items():
        kind = REGISTRY[name]
        for start in range(0, len(ids), BATCH):
            loaded = kind.load(ids[start:start + BATCH])
            if release:
                db.session.rollback()  # never hold SQLite's write lock for a whole rebuild
            yield from loaded.values()


def _rebuild_locked(backend: SearchBackend, progress: Callable[[int], None] | None = None,
                    ids_by_type: dict[str, list[int]] | None = None) -> int:
    high = db.session.scalar(select(func.max(SearchOutboxEntry.id))) or 0
    ids_by_type = ids_by_type if ids_by_type is not None else _document_ids()
    if not backend.stores_in_database:
        db.session.rollback()
    count = backend.rebuild(iter_documents(ids_by_type, release=not backend.stores_in_database), progress)
    # Rows up to `high` were committed before their documents were read: the new index has them.
    db.session.execute(delete(SearchOutboxEntry).where(SearchOutboxEntry.id <= high))
    db.session.commit()
    return count


def reindex(backend: SearchBackend | None = None, progress: Callable[[int], None] | None = None,
            timeout: float = 600, on_total: Callable[[int], None] | None = None) -> int:
    """Rebuild the whole index from the database and swap it in; return the document count.

    :raises IndexBusy: when another writer kept the lock for `timeout` seconds.
    """
    backend = backend or get_backend()
    db.session.rollback()
    with backend.write_lock(blocking=True, timeout=timeout) as held:
        if not held:
            raise IndexBusy()
        ids_by_type = _document_ids()
        if on_total:
            on_total(sum(len(ids) for ids in ids_by_type.values()))
        return _rebuild_locked(backend, progress, ids_by_type)


def repair_in_request() -> None:
    """Rebuild a missing or broken index if the lock is free and the index is small."""
    limit = current_app.config.get("SEARCH_REBUILD_IN_REQUEST_MAX", 2000)
    try:
        drain(blocking=False, max_batches=1, rebuild_limit=limit)
    except Exception:
        db.session.rollback()
        log.exception("search: rebuilding the index after a request failed")


def drain_after_request() -> None:
    """Apply what this request wrote to the outbox; when the lock is busy, leave it for later."""
    wait = current_app.config.get("SEARCH_DRAIN_WAIT_SECONDS", 0.5)
    limit = current_app.config.get("SEARCH_REBUILD_IN_REQUEST_MAX", 2000)
    try:
        drain(blocking=wait > 0, timeout=wait, max_batches=2, rebuild_limit=limit)
    except Exception:
        # The rows stay in the outbox; `search sync` (cron) applies them.
        db.session.rollback()
        log.exception("search: applying the outbox after a request failed")


@dataclass
class Drift:
    """The documents of one type that the index lacks, holds stale, or should not hold."""

    missing: list[int] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)
    orphaned: list[int] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """Tell whether the index matches the database for this type."""
        return not (self.missing or self.stale or self.orphaned)


def verify(backend: SearchBackend | None = None) -> dict[str, Drift]:
    """Compare the index with the database, per document type.

    :raises IndexUnavailable: when the index cannot be read at all.
    """
    backend = backend or get_backend()
    indexed = backend.keys_with_fingerprints()
    ids_by_type = _document_ids()
    report = {name: Drift() for name in ids_by_type}
    expected: dict[DocKey, str] = {}
    for doc in iter_documents(ids_by_type, release=not backend.stores_in_database):
        expected[(doc.doc_type, doc.doc_id)] = fingerprint(doc)
    for key, print_ in sorted(expected.items()):
        if key not in indexed:
            report[key[0]].missing.append(key[1])
        elif indexed[key] != print_:
            report[key[0]].stale.append(key[1])
    for key in sorted(set(indexed) - set(expected)):
        report.setdefault(key[0], Drift()).orphaned.append(key[1])
    return report


def enqueue_drift(report: dict[str, Drift]) -> int:
    """Put every drifted document in the outbox, so the next drain repairs it."""
    count = 0
    for doc_type, drift in report.items():
        for doc_id in drift.missing + drift.stale + drift.orphaned:
            db.session.add(SearchOutboxEntry(doc_type=doc_type, doc_id=doc_id))
            count += 1
    db.session.commit()
    return count


def pending_rows() -> int:
    """Return how many outbox rows wait to be applied."""
    return db.session.scalar(select(func.count(SearchOutboxEntry.id))) or 0
