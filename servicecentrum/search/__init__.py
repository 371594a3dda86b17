"""Full-text search over every document type: Whoosh (default) or PostgreSQL."""

from flask import Blueprint

bp = Blueprint("search", __name__)

from . import hooks, views  # noqa: E402,F401

hooks.init_blueprint(bp)
