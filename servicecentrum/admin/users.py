"""Account administration: find members, change roles, disable, enable, programmes, MFA reset."""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import joinedload, selectinload

from ..audit.services import record
from ..auth import mfa, sessions
from ..auth.models import ROLES, User
from ..database import utcnow
from ..extensions import db
from ..notifications.services import queue_mail
from ..paging import Page, paginate
from ..policies import can_assign_programmes, can_change_role, can_disable_account, can_reset_mfa
from ..taxonomy.models import Programme
from ..urls import absolute_url

PER_PAGE = 50


class AdminError(Exception):
    """Base class for refusals of an administrative change."""


class NotAllowed(AdminError):
    """The actor may not make this change (checked again inside the transaction)."""


class LastAdmin(AdminError):
    """The change would leave the site without an active admin."""


class WrongStatus(AdminError):
    """The account is not in the state this change starts from."""


@dataclass(frozen=True)
class UserFilters:
    """What the admin typed in the filter form of the user list."""

    q: str = ""
    role: str = ""
    status: str = ""
    organisation_id: int | None = None


def list_users(filters: UserFilters, page: int = 1) -> Page:
    """Return one page of accounts sorted by name, with their organisations, counted up to 1,000."""
    query = select(User).options(joinedload(User.organisation)).order_by(func.lower(User.name), User.id)
    if filters.q:
        needle = filters.q.strip().lower()
        query = query.where(or_(func.lower(User.name).contains(needle, autoescape=True),
                                User.email.contains(needle, autoescape=True)))
    if filters.role:
        query = query.where(User.role == filters.role)
    if filters.status:
        query = query.where(User.status == filters.status)
    if filters.organisation_id:
        query = query.where(User.organisation_id == filters.organisation_id)
    return paginate(query, page, PER_PAGE, count=True)


def account_counts() -> dict[str, int]:
    """Count requests waiting for review, active members and disabled accounts in one query."""
    waiting = (User.status == "pending") & User.email_verified_at.is_not(None)
    row = db.session.execute(select(
        func.coalesce(func.sum(case((waiting, 1), else_=0)), 0),
        func.coalesce(func.sum(case((User.status == "active", 1), else_=0)), 0),
        func.coalesce(func.sum(case((User.status == "disabled", 1), else_=0)), 0),
    )).one()
    return {"pending": int(row[0]), "active": int(row[1]), "disabled": int(row[2])}


def find_user(user_id: int) -> User | None:
    """Return the account with its organisation and programmes, or None."""
    return db.session.scalar(select(User).where(User.id == user_id)
                             .options(joinedload(User.organisation), selectinload(User.programmes)))


def all_programmes() -> list[Programme]:
    """Return every programme, alphabetically, for the assignment checkboxes."""
    return list(db.session.scalars(select(Programme).order_by(Programme.name)))


def _lock_active_admins(actor: User) -> set[int]:
    """Lock the active admins' rows and return their ids; refuse an actor who is no longer one.

    Two admins demoting each other at the same moment queue up behind this lock, so the
    second sees the first's change and the site always keeps an active admin.
    """
    ids = set(db.session.scalars(select(User.id).where(User.role == "admin", User.status == "active")
                                 .with_for_update()))
    if actor.id not in ids:
        db.session.rollback()
        raise NotAllowed()
    return ids


def _refuse_losing_last_admin(actor: User, target: User) -> None:
    """Refuse a change that would leave no active admin (the target stops being one)."""
    admins = _lock_active_admins(actor)
    if target.id in admins and not admins - {target.id}:
        db.session.rollback()
        raise LastAdmin()


def change_role(actor: User, target: User, role: str, ip_address: str | None = None) -> bool:
    """Give the member another role; return False when nothing changed.

    An adviser who gets another role leaves their programmes.
    :raises NotAllowed, LastAdmin:
    """
    if role not in ROLES or not can_change_role(actor, target):
        raise NotAllowed()
    if role == target.role:
        return False
    _refuse_losing_last_admin(actor, target)
    old = target.role
    left = [p.name for p in target.programmes] if role != "adviser" else []
    if role != "adviser":
        target.programmes = []
    target.role = role
    record("role_changed", actor=actor, target=target, ip_address=ip_address, old=old, new=role,
           programmes_left=", ".join(left) or None)
    db.session.commit()
    return True


def disable_account(actor: User, target: User, reason: str, ip_address: str | None = None) -> None:
    """Disable the account, end all its sessions and tell the member why.

    :raises NotAllowed, LastAdmin, WrongStatus:
    """
    if not can_disable_account(actor, target):
        raise NotAllowed()
    if target.status != "active":
        raise WrongStatus()
    _refuse_losing_last_admin(actor, target)
    target.status = "disabled"
    target.disabled_reason = reason
    sessions.end_other_sessions(target, None, "disabled")
    record("account_disabled", actor=actor, target=target, ip_address=ip_address, reason=reason)
    queue_mail(target.email, _("Uw account bij Servicecentrum Integratie is geblokkeerd"),
               "admin_account_disabled", name=target.name, reason=reason)
    db.session.commit()


def enable_account(actor: User, target: User, ip_address: str | None = None) -> None:
    """Let a disabled member in again; the admin vouches for their role for another year.

    :raises NotAllowed, WrongStatus:
    """
    if not can_disable_account(actor, target):
        raise NotAllowed()
    if target.status != "disabled":
        raise WrongStatus()
    target.status = "active"
    target.disabled_reason = None
    target.role_confirmed_at = utcnow()
    target.reconfirm_requested_at = None
    record("account_enabled", actor=actor, target=target, ip_address=ip_address)
    queue_mail(target.email, _("Uw account bij Servicecentrum Integratie is weer actief"),
               "admin_account_enabled", name=target.name, login_url=absolute_url("auth.login"))
    db.session.commit()


def set_programmes(actor: User, target: User, programme_ids: list[int],
                   ip_address: str | None = None) -> bool:
    """Make the adviser a contact of exactly these programmes; return False when nothing changed.

    :raises NotAllowed:
    """
    if not can_assign_programmes(actor, target):
        raise NotAllowed()
    wanted = set(programme_ids)
    chosen = list(db.session.scalars(select(Programme).where(Programme.id.in_(wanted))
                                     .order_by(Programme.name))) if wanted else []
    old = {p.id: p.name for p in target.programmes}
    new = {p.id: p.name for p in chosen}
    if old.keys() == new.keys():
        return False
    target.programmes = chosen
    record("programmes_changed", actor=actor, target=target, ip_address=ip_address,
           added=", ".join(sorted(new[i] for i in new.keys() - old.keys())) or None,
           removed=", ".join(sorted(old[i] for i in old.keys() - new.keys())) or None)
    db.session.commit()
    return True


def reset_mfa(actor: User, target: User, ip_address: str | None = None) -> None:
    """Switch off the member's second factor (a lost phone), end their sessions and tell them.

    Staff, and everyone while MFA is required for all, set it up again at their next login.
    :raises NotAllowed, WrongStatus:
    """
    if not can_reset_mfa(actor, target):
        raise NotAllowed()
    if not target.mfa_enabled:
        raise WrongStatus()
    target.mfa_secret = None
    target.mfa_enabled_at = None
    target.mfa_last_timecode = None
    mfa.delete_recovery_codes(target)
    sessions.end_other_sessions(target, None, "mfa_reset")
    record("mfa_reset_by_admin", actor=actor, target=target, ip_address=ip_address)
    queue_mail(target.email, _("Uw tweestapsverificatie is uitgezet"), "admin_mfa_reset",
               name=target.name, login_url=absolute_url("auth.login"))
    db.session.commit()
