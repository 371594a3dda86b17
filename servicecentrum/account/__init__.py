"""The member's own account: profile, e-mail, password, sessions, export, deletion."""

from flask import Blueprint

bp = Blueprint("account", __name__, url_prefix="/account")

from . import views  # noqa: E402,F401
