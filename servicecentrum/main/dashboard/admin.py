"""An admin's blocks: requests for access waiting for approval, and mail that could not be sent."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ...auth.models import User
from ...extensions import db
from ...notifications.models import OutboxMail
from .common import LIMIT, Block, count_of

# The same requests as auth.registration.pending_requests: verified, waiting for review.
WAITING = (User.status == "pending", User.email_verified_at.is_not(None))
FAILED = (OutboxMail.status == "failed",)


def totals() -> dict:
    """The admin's totals, as columns of the start page's one totals query."""
    return {"pending_registrations": count_of(User.id, *WAITING),
            "failed_mails": count_of(OutboxMail.id, *FAILED)}


def blocks(total: dict) -> dict:
    """Every admin block of the start page; a block with nothing to show costs no query."""
    return {"pending_registrations": waiting_registrations(total["pending_registrations"]),
            "failed_mails": failed_mails(total["failed_mails"])}


def waiting_registrations(total: int) -> Block:
    """Verified requests for access waiting for an admin, oldest first."""
    if not total:
        return Block()
    users = db.session.scalars(select(User).options(joinedload(User.organisation)).where(*WAITING)
                               .order_by(User.created_at, User.id).limit(LIMIT))
    return Block(total=total, items=list(users))


def failed_mails(total: int) -> Block:
    """Outbox mails given up on after every attempt, most recent first."""
    if not total:
        return Block()
    mails = db.session.scalars(select(OutboxMail).where(*FAILED)
                               .order_by(OutboxMail.created_at.desc(), OutboxMail.id.desc()).limit(LIMIT))
    return Block(total=total, items=list(mails))
