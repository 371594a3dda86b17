"""Peer questions: officers ask, peers and advisers answer, the best answer is marked."""

from flask import Blueprint

bp = Blueprint("forum", __name__, url_prefix="/vragen")

from . import member_data, moderation_views, notify_views, search_docs, views  # noqa: E402,F401
