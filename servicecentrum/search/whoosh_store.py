"""Where the Whoosh index lives: a cross-process writer lock and atomically swapped generations.

SEARCH_INDEX_DIR is a symlink to ``<dir>.d/<generation>``; a rebuild fills a new generation
and swaps the link with one rename, so readers see the old or the new index, never half.
The lock (``<dir>.lock``, fcntl.flock) admits one writer across processes and threads.
"""

import fcntl
import os
import shutil
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

_thread_locks: dict[str, threading.RLock] = {}
_thread_locks_guard = threading.Lock()


class WriterLock:
    """One writer at a time, in every process and thread; re-entrant within a thread."""

    def __init__(self, path: Path):
        self.path = path
        with _thread_locks_guard:
            self._thread_lock = _thread_locks.setdefault(str(path), threading.RLock())
        self._local = threading.local()

    @contextmanager
    def hold(self, blocking: bool = True, timeout: float = 30):
        """Yield True while holding the lock, or False when it was busy for `timeout` seconds."""
        if getattr(self._local, "depth", 0):
            self._local.depth += 1
            try:
                yield True
            finally:
                self._local.depth -= 1
            return
        wait = max(timeout, 0) if blocking else 0
        deadline = time.monotonic() + wait
        if wait:
            acquired = self._thread_lock.acquire(timeout=wait)
        else:
            acquired = self._thread_lock.acquire(blocking=False)
        if not acquired:
            yield False
            return
        handle = None
        try:
            handle = self._flock(deadline)
            if handle is None:
                yield False
                return
            self._local.depth = 1
            try:
                yield True
            finally:
                self._local.depth = 0
        finally:
            if handle is not None:
                fcntl.flock(handle, fcntl.LOCK_UN)
                handle.close()
            self._thread_lock.release()

    def _flock(self, deadline: float):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+b")  # noqa: SIM115 (closed in hold)
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return handle
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.close()
                    return None
                time.sleep(0.02)


class IndexStore:
    """The index path, its generations and its lock."""

    def __init__(self, index_dir: str | os.PathLike):
        self.path = Path(index_dir)
        self.generations = self.path.parent / (self.path.name + ".d")
        self.lock = WriterLock(self.path.parent / (self.path.name + ".lock"))

    def current(self) -> Path | None:
        """Return the real directory of the live index, or None when there is none."""
        if not self.path.exists():
            return None
        return Path(os.path.realpath(self.path))

    def new_generation(self) -> Path:
        """Create an empty directory for a fresh index."""
        self.generations.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%dT%H%M%S")
        directory = self.generations / f"{stamp}-{uuid.uuid4().hex[:8]}"
        directory.mkdir()
        return directory

    def swap(self, directory: Path) -> None:
        """Point the index path at `directory` in one atomic rename; drop older generations."""
        previous = self.current()
        if self.path.exists() and not self.path.is_symlink():
            # An index from before generations existed: move it aside first (one-time gap).
            self.generations.mkdir(parents=True, exist_ok=True)
            aside = self.generations / f"legacy-{uuid.uuid4().hex[:8]}"
            os.rename(self.path, aside)
            previous = aside
        link = self.path.parent / f".{self.path.name}.{uuid.uuid4().hex[:8]}.tmp"
        os.symlink(os.path.relpath(directory, self.path.parent), link)
        os.replace(link, self.path)
        self._clean(keep={directory, previous})

    def _clean(self, keep: set) -> None:
        # The previous generation stays for readers in other processes that still have it open.
        if not self.generations.exists():
            return
        for child in self.generations.iterdir():
            if child not in keep and child.is_dir():
                shutil.rmtree(child, ignore_errors=True)

    def discard(self, directory: Path) -> None:
        """Remove a generation that was never swapped in (a failed rebuild)."""
        shutil.rmtree(directory, ignore_errors=True)
