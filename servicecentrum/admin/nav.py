"""The admin menu's count of access requests waiting; one query, run only when the menu shows."""

from sqlalchemy import func, select

from ..auth.models import User
from ..extensions import db
from . import bp


@bp.app_template_global("waiting_registrations")
def waiting_registration_count() -> int:
    """Count the verified access requests that wait for an admin's review."""
    return db.session.scalar(select(func.count(User.id)).where(
        User.status == "pending", User.email_verified_at.is_not(None))) or 0

