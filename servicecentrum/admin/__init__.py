"""Administration: accounts, organisations, programmes, settings and the audit log."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/beheer")

from . import nav, registration_views, routing_views, views  # noqa: E402,F401
