"""The member directory: find peers by organisation, region and expertise."""

from flask import Blueprint

bp = Blueprint("directory", __name__, url_prefix="/leden")

from . import views  # noqa: E402,F401
