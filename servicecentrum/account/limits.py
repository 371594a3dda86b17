"""Rate limit for pages that ask for the current password again."""

from flask import current_app
from flask_login import current_user

from ..extensions import limiter


def _limit() -> str:
    # Failed re-authentications are limited like failed logins.
    return current_app.config["LOGIN_FAILURE_LIMIT"]


def _member_key() -> str:
    # Per member, wherever the attempts come from.
    return f"reauth:{current_user.get_id()}"


def _failed(response) -> bool:
    # A rejected submission, a wrong password included, answers 422.
    return response.status_code == 422


reauth_limited = limiter.limit(_limit, methods=["POST"], key_func=_member_key, deduct_when=_failed)
