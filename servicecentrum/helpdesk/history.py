"""The history of a ticket: every change, who made it and when."""

from ..database import utcnow
from .models import TicketChange


def log_change(ticket, actor, action: str, old=None, new=None, internal: bool = False) -> TicketChange:
    """Add a history line to the ticket (the caller commits)."""
    change = TicketChange(
        action=action,
        actor_id=getattr(actor, "id", None),
        old_value=None if old is None else str(old)[:300],
        new_value=None if new is None else str(new)[:300],
        is_internal=internal,
        created_at=utcnow(),
    )
    ticket.changes.append(change)
    ticket.updated_at = change.created_at
    return change
