"""The member's start page: which blocks each role sees, each fetched in a fixed number of queries."""

from datetime import datetime

from flask import current_app, url_for

from ...database import utcnow
from ...helpdesk import sla
from ...policies import can_file_ticket, can_review_registrations, can_view_queue
from ..services import list_programmes
from . import admin, adviser, officer
from .common import LIMIT, Block

__all__ = ["LIMIT", "Block", "start_page"]


def shows_adviser_blocks(user) -> bool:
    """Advisers always; admins only when they advise a programme themselves."""
    return can_view_queue(user) and (user.is_adviser or bool(user.programmes))


def start_page(user, now: datetime | None = None) -> dict:
    """Return the blocks of the member's start page by name (absent name: not for this member)."""
    now = now or utcnow()
    blocks: dict = {}
    if can_file_ticket(user):
        blocks.update(officer.blocks(user, now))
        blocks["programmes"] = list_programmes()
    if can_review_registrations(user):
        blocks.update(admin.blocks())
    if shows_adviser_blocks(user):
        blocks.update(adviser.blocks(user, now, sla.today()))
    return blocks


# The admins' outbox page (admin/mail_views.py); the start page only links to it when it exists.
MAIL_LIST_ENDPOINT = "admin.mail_list"


def mail_page_url() -> str | None:
    """The address of the outbox filtered on failed mail, or None when the app has no outbox page."""
    if MAIL_LIST_ENDPOINT not in current_app.view_functions:
        return None
    return url_for(MAIL_LIST_ENDPOINT, status="failed")
