"""Apply the index outbox after every request that committed outbox rows (cheap otherwise)."""

from flask import g, has_app_context
from sqlalchemy import event
from sqlalchemy.orm import Session

from .models import SearchOutboxEntry

PENDING = "search_outbox_pending"


def init_blueprint(bp) -> None:
    """Listen for outbox rows in every session and drain them after the request."""
    if not event.contains(Session, "before_flush", _note_outbox_rows):
        event.listen(Session, "before_flush", _note_outbox_rows)
        event.listen(Session, "after_commit", _on_commit)
        event.listen(Session, "after_rollback", _on_rollback)
    bp.after_app_request(_drain_after_request)


def _note_outbox_rows(session, _flush_context, _instances) -> None:
    if any(isinstance(obj, SearchOutboxEntry) for obj in session.new):
        session.info[PENDING] = True


def _on_commit(session) -> None:
    if session.info.pop(PENDING, False) and has_app_context():
        g.search_outbox_committed = True


def _on_rollback(session) -> None:
    session.info.pop(PENDING, None)


def _drain_after_request(response):
    if g.pop("search_outbox_committed", False):
        from .sync import drain_after_request

        drain_after_request()
    return response
