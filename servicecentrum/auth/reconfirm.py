"""Yearly check that members still hold their role: ask, remind, and disable the silent."""

from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import func, select, update

from ..audit.services import record
from ..database import utcnow
from ..dates import format_date
from ..extensions import db
from ..notifications.services import queue_mail
from ..urls import absolute_url
from . import sessions
from .models import User

CONFIRM_EVERY = timedelta(days=365)
ANSWER_WITHIN = timedelta(days=30)
DISABLED_REASON = "Niet bevestigd binnen 30 dagen"


def last_confirmed(user: User) -> datetime:
    """Return when the member last confirmed their role (or joined, if never)."""
    return user.role_confirmed_at or user.approved_at or user.created_at


def reconfirmation_pending(user) -> bool:
    """Tell whether the member was asked to confirm their role and has not answered yet."""
    return (bool(getattr(user, "is_authenticated", False)) and user.is_active
            and user.reconfirm_requested_at is not None)


def confirm_role(user: User, ip_address: str | None = None, now: datetime | None = None) -> None:
    """Record that the member still holds their role; the next question comes in a year."""
    user.role_confirmed_at = now or utcnow()
    user.reconfirm_requested_at = None
    record("role_confirmed", actor=user, target=user, ip_address=ip_address)
    db.session.commit()


def request_reconfirmations(now: datetime | None = None) -> int:
    """Ask every active member not confirmed for a year to confirm; return how many were asked.

    Each member is claimed with a conditional update and committed with their mail, so a
    second (or simultaneous) run never asks anyone twice.
    """
    now = now or utcnow()
    due = (select(User.id)
           .where(User.status == "active", User.reconfirm_requested_at.is_(None),
                  func.coalesce(User.role_confirmed_at, User.approved_at, User.created_at)
                  < now - CONFIRM_EVERY)
           .order_by(User.id))
    asked = 0
    for user_id in list(db.session.scalars(due)):
        claimed = db.session.execute(
            update(User).where(User.id == user_id, User.status == "active",
                               User.reconfirm_requested_at.is_(None))
            .values(reconfirm_requested_at=now).execution_options(synchronize_session=False)
        ).rowcount
        if claimed != 1:
            db.session.rollback()
            continue
        user = db.session.get(User, user_id)
        db.session.refresh(user)
        queue_mail(user.email, _("Werkt u nog bij %(organisation)s?", organisation=_organisation(user)),
                   "reconfirm_request", name=user.name, job_title=user.job_title,
                   organisation=_organisation(user), link=absolute_url("auth.reconfirm"),
                   deadline=format_date(now + ANSWER_WITHIN))
        record("role_confirmation_requested", actor=None, target=user)
        db.session.commit()
        asked += 1
    return asked


def disable_unconfirmed(now: datetime | None = None) -> int:
    """Disable active members who did not confirm within 30 days of the question; return how many."""
    now = now or utcnow()
    # Admins are asked too but never disabled by cron: that could leave nobody to let people in.
    overdue = (select(User.id)
               .where(User.status == "active", User.role != "admin", User.reconfirm_requested_at.is_not(None),
                      User.reconfirm_requested_at < now - ANSWER_WITHIN)
               .order_by(User.id))
    disabled = 0
    for user_id in list(db.session.scalars(overdue)):
        # Cleared with the status, so that a member an admin re-enables is asked afresh
        # and gets another 30 days, instead of being disabled again by the next run.
        claimed = db.session.execute(
            update(User).where(User.id == user_id, User.status == "active",
                               User.reconfirm_requested_at < now - ANSWER_WITHIN)
            .values(status="disabled", disabled_reason=DISABLED_REASON, reconfirm_requested_at=None)
            .execution_options(synchronize_session=False)
        ).rowcount
        if claimed != 1:
            db.session.rollback()
            continue
        user = db.session.get(User, user_id)
        db.session.refresh(user)
        sessions.end_other_sessions(user, None, "account_disabled")
        record("account_disabled", actor=None, target=user, reason=DISABLED_REASON)
        queue_mail(user.email, _("Uw account bij Servicecentrum Integratie is geblokkeerd"),
                   "reconfirm_disabled", name=user.name, organisation=_organisation(user))
        db.session.commit()
        disabled += 1
    return disabled


def _organisation(user: User) -> str:
    return user.organisation.name if user.organisation else "FORUM"
