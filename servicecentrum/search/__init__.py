"""Full-text search over every document type: Whoosh (default) or PostgreSQL."""

from flask import Blueprint

bp = Blueprint("search", __name__)

from . import views  # noqa: E402,F401
