"""Health checks for /healthz: the database and the search-index folder."""

import os
from pathlib import Path

from sqlalchemy import text

from ..extensions import db


def check_database() -> str | None:
    """Return None when the database answers, else a short reason."""
    try:
        db.session.execute(text("SELECT 1"))
        db.session.rollback()
    except Exception as exc:  # any driver error means "down"
        db.session.rollback()
        return f"database unavailable: {exc.__class__.__name__}"
    return None


def check_search_index(index_dir: str) -> str | None:
    """Return None when the index folder exists (or can be made) and is writable."""
    path = Path(index_dir)
    existing = path if path.exists() else next((p for p in path.parents if p.exists()), None)
    if existing is None or not existing.is_dir():
        return "search index folder missing"
    if not os.access(existing, os.W_OK | os.X_OK):
        return "search index folder not writable"
    return None


def run_checks(index_dir: str) -> dict[str, str]:
    """Run every check; map each part to "ok" or its problem."""
    results = {"database": check_database(), "search_index": check_search_index(index_dir)}
    return {part: problem or "ok" for part, problem in results.items()}
