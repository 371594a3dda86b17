"""Events: masterclasses, kennisateliers and network meetings with exact capacity and a waitlist."""

from flask import Blueprint

bp = Blueprint("events", __name__, url_prefix="/bijeenkomsten")

from . import (  # noqa: E402,F401
    attendance_views,
    calendar_views,
    evaluation_views,
    manage_views,
    member_data,
    offer_views,
    topic_views,
    views,
)
