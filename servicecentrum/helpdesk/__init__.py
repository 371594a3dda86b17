"""Helpdesk: questions to FORUM, routed to a programme's advisers; free and paid service."""

from flask import Blueprint

bp = Blueprint("helpdesk", __name__, url_prefix="/helpdesk")

from . import (  # noqa: E402,F401
    billing_views,
    canned_views,
    conversion_views,
    member_data,
    queue_views,
    search_docs,
    sidebar_views,
    survey_views,
    ticket_views,
    views,
)
