"""The library of good practices, methods and instruments."""

from flask import Blueprint

bp = Blueprint("library", __name__, url_prefix="/praktijken")

from . import views  # noqa: E402,F401
