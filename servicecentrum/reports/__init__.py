"""Reports for FORUM staff: declarations now; the service dashboard follows."""

from flask import Blueprint

bp = Blueprint("reports", __name__, url_prefix="/rapportage")

from . import views  # noqa: E402,F401
