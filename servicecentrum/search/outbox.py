"""The index outbox: every change to a searchable document writes a row in its own transaction."""

from ..extensions import db
from .models import SearchOutboxEntry


def enqueue(doc_type: str, doc_id: int) -> None:
    """Ask for the document's index entry to be refreshed (the caller commits)."""
    db.session.add(SearchOutboxEntry(doc_type=doc_type, doc_id=doc_id))
