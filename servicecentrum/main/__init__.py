"""Public pages, the member's overview, health and language choice."""

from flask import Blueprint

bp = Blueprint("main", __name__)

from . import preview, public_pages, views  # noqa: E402,F401
