"""Reports for FORUM staff: the service dashboard, the signals report and the declarations."""

from flask import Blueprint

bp = Blueprint("reports", __name__, url_prefix="/rapportage")

from . import cli, figures, signals_views, views  # noqa: E402,F401
