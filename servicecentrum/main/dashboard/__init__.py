"""The member's start page: which blocks each role sees, in a fixed, small number of queries.

Every total of the page is counted in one query (``common.fetch_totals``); then each block
with something to show loads its first few items in one query, and the programmes come from
the shared list (``caching``). An officer with nothing yet costs one query.
"""

from datetime import datetime

from flask import current_app, url_for

from ... import caching
from ...database import utcnow
from ...helpdesk import sla
from ...policies import can_file_ticket, can_review_registrations, can_view_queue
from . import admin, adviser, officer
from .common import LIMIT, Block, fetch_totals

__all__ = ["LIMIT", "Block", "start_page"]


def start_page(user, now: datetime | None = None) -> dict:
    """Return the blocks of the member's start page by name (absent name: not for this member).

    Advisers always get the adviser blocks; admins only when they advise a programme themselves.
    """
    now, today = now or utcnow(), sla.today()
    files_tickets, reviews = can_file_ticket(user), can_review_registrations(user)
    staff = can_view_queue(user)
    columns: dict = {}
    if files_tickets:
        columns.update(officer.totals(user, now))
    if reviews:
        columns.update(admin.totals())
    if staff:
        columns.update(adviser.totals(user, now, today))
    total = fetch_totals(columns)
    blocks: dict = {}
    if files_tickets:
        blocks.update(officer.blocks(user, now, total))
        blocks["programmes"] = caching.programmes()
    if reviews:
        blocks.update(admin.blocks(total))
    if staff and (user.is_adviser or total["advises"]):
        blocks.update(adviser.blocks(user, now, today, total))
    return blocks


# The admins' outbox page (admin/mail_views.py); the start page only links to it when it exists.
MAIL_LIST_ENDPOINT = "admin.mail_list"


def mail_page_url() -> str | None:
    """The address of the outbox filtered on failed mail, or None when the app has no outbox page."""
    if MAIL_LIST_ENDPOINT not in current_app.view_functions:
        return None
    return url_for(MAIL_LIST_ENDPOINT, status="failed")
