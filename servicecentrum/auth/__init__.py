"""Login and logout of members."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from . import mfa_views, reconfirm_views, registration_views, reset_views, views, web  # noqa: E402,F401
