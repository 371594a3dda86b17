"""An admin's blocks: requests for access waiting for approval, and mail that could not be sent."""

from sqlalchemy import select

from ...auth.registration import pending_requests
from ...extensions import db
from ...notifications.models import OutboxMail
from .common import LIMIT, Block, count_where


def blocks() -> dict:
    """Every admin block of the start page."""
    return {"pending_registrations": waiting_registrations(), "failed_mails": failed_mails()}


def waiting_registrations() -> Block:
    """Verified requests for access waiting for an admin, oldest first (two queries)."""
    page = pending_requests(page=1, per_page=LIMIT)
    return Block(total=page.total or 0, items=list(page.items))


def failed_mails() -> Block:
    """Outbox mails given up on after every attempt, most recent first."""
    failed = (OutboxMail.status == "failed",)
    mails = list(db.session.scalars(
        select(OutboxMail).where(*failed).order_by(OutboxMail.created_at.desc(), OutboxMail.id.desc())
        .limit(LIMIT)))
    return Block(total=count_where(OutboxMail.id, *failed), items=mails)
