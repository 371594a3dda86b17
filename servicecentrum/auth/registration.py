"""Registration use cases: request access, verify the address, and the admins' review."""

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from ..audit.services import record
from ..database import utcnow
from ..extensions import db
from ..notifications.services import queue_mail
from ..organisations.models import ORGANISATION_KINDS, Organisation, OrganisationDomain
from ..paging import Page, paginate
from ..urls import absolute_url
from .models import User, normalise_email
from .password_policy import password_problems
from .passwords import hash_password
from .services import PasswordRejected, find_user_by_email, set_password
from .tokens import LIFETIMES, TokenUsed, consume_token, issue_token, peek_token

# An unverified request older than its link may be replaced by a new one for the same address.
VERIFY_LIFETIME = LIFETIMES["verify_email"]
VERIFY_HOURS = int(VERIFY_LIFETIME.total_seconds() // 3600)


class RegistrationError(Exception):
    """Base class for registration errors."""


class NotPending(RegistrationError):
    """No request for access with this id waits for review."""


class NotVerified(RegistrationError):
    """The applicant has not confirmed the e-mail address yet."""


class OrganisationRequired(RegistrationError):
    """The applicant's organisation is not listed; the admin must link or create one."""


class OrganisationExists(RegistrationError):
    """An organisation with the requested name already exists."""


class UnknownOrganisation(RegistrationError):
    """The chosen organisation does not exist (any more)."""


def list_organisations() -> list[Organisation]:
    """Return every organisation, ordered by name, for the choice lists."""
    return list(db.session.scalars(select(Organisation).order_by(Organisation.name)))


def request_registration(name: str, email: str, password: str, job_title: str,
                         organisation_id: int | None, requested_organisation: str | None,
                         ip_address: str | None) -> None:
    """Create a pending account and mail a verification link; the same outcome for a known address.

    :raises PasswordRejected: when the password breaks the rules.
    :raises UnknownOrganisation: when the chosen organisation does not exist.
    """
    problems = password_problems(password, name, email)
    if problems:
        raise PasswordRejected(problems[0])
    organisation = None
    if organisation_id is not None:
        organisation = db.session.get(Organisation, organisation_id)
        if organisation is None:
            raise UnknownOrganisation()
    existing = find_user_by_email(email)
    replaced = existing is not None and _is_stale_request(existing)
    if replaced:
        # The owner never confirmed in time; the address may be used afresh.
        db.session.delete(existing)
        db.session.flush()
        existing = None
    if existing is not None:
        hash_password(password)  # costs the same time as a new account, so timing tells nothing
        _mail_existing_account(existing)
        record("registration_requested", target=existing, ip_address=ip_address, existing_account=True)
        db.session.commit()
        return
    user = User(email=email, name=name.strip(), job_title=job_title.strip(), role="officer",
                status="pending", terms_accepted_at=utcnow(), organisation=organisation,
                requested_organisation=None if organisation else (requested_organisation or "").strip())
    set_password(user, password)
    db.session.add(user)
    try:
        db.session.flush()
    except IntegrityError:
        # A simultaneous request (a double submit) created the account first; it mails the link.
        db.session.rollback()
        return
    raw = issue_token(user, "verify_email")
    queue_mail(user.email, _("Bevestig uw e-mailadres voor Servicecentrum Integratie"),
               "registration_verify", name=user.name, hours=VERIFY_HOURS,
               link=absolute_url("auth.register_verify", token=raw))
    record("registration_requested", target=user, ip_address=ip_address,
           organisation_id=user.organisation_id, requested_organisation=user.requested_organisation,
           replaced_unconfirmed_request=replaced)
    db.session.commit()


def _is_stale_request(user: User) -> bool:
    return (user.status == "pending" and user.email_verified_at is None
            and utcnow() - user.created_at > VERIFY_LIFETIME)


def _mail_existing_account(user: User) -> None:
    waiting_for_link = user.status == "pending" and user.email_verified_at is None
    queue_mail(user.email, _("Aanmelding met uw e-mailadres bij Servicecentrum Integratie"),
               "registration_exists", name=user.name, hours=VERIFY_HOURS,
               waiting_for_link=waiting_for_link, reset_link=absolute_url("auth.password_forgot"),
               login_link=absolute_url("auth.login"))


def check_verification_link(raw_token: str) -> None:
    """Check that a verification link can still be used, without using it up.

    :raises TokenInvalid, TokenExpired, TokenUsed:
    """
    if peek_token(raw_token, "verify_email").user.status != "pending":
        raise TokenUsed()


def verify_registration(raw_token: str, ip_address: str | None) -> str:
    """Confirm the address; return "active" when the domain vouches, else "review".

    :raises TokenInvalid, TokenExpired, TokenUsed:
    """
    token = consume_token(raw_token, "verify_email")
    user = token.user
    if user.status != "pending":
        db.session.commit()  # the link is spent either way
        raise TokenUsed()
    now = utcnow()
    user.email_verified_at = now
    if user.organisation is not None and email_domain(user.email) in user.organisation.allowed_domains:
        user.status = "active"
        user.approved_at = now
        user.role_confirmed_at = now
        record("registration_auto_approved", actor=user, target=user, ip_address=ip_address,
               organisation_id=user.organisation_id)
        db.session.commit()
        return "active"
    record("email_verified", actor=user, target=user, ip_address=ip_address)
    link = absolute_url("admin.registration_detail", user_id=user.id)
    for admin in _active_admins():
        queue_mail(admin.email, _("Nieuwe aanvraag voor toegang: %(name)s", name=user.name),
                   "registration_review_needed", admin_name=admin.name, applicant=user,
                   organisation_name=_organisation_label(user), link=link)
    db.session.commit()
    return "review"


def email_domain(address: str) -> str:
    """Return the lower-cased domain part of an e-mail address."""
    return normalise_email(address).rpartition("@")[2]


def _active_admins() -> list[User]:
    return list(db.session.scalars(
        select(User).where(User.role == "admin", User.status == "active").order_by(User.id)))


def _organisation_label(user: User) -> str:
    if user.organisation is not None:
        return user.organisation.name
    return _("%(name)s (staat niet in de lijst)", name=user.requested_organisation or "")


def pending_requests(page: int = 1, per_page: int = 25) -> Page:
    """Return one page of verified requests waiting for review, oldest first (counted up to 1,000)."""
    query = (select(User).options(joinedload(User.organisation))
             .where(User.status == "pending", User.email_verified_at.is_not(None))
             .order_by(User.created_at, User.id))
    return paginate(query, page, per_page, count=True)


def stale_unverified_requests(limit: int = 50) -> tuple[int, list[User]]:
    """Return how many unverified requests outlived their link, and the oldest of them."""
    condition = (User.status == "pending", User.email_verified_at.is_(None),
                 User.created_at < utcnow() - VERIFY_LIFETIME)
    total = db.session.scalar(select(func.count(User.id)).where(*condition))
    rows = db.session.scalars(select(User).options(joinedload(User.organisation)).where(*condition)
                              .order_by(User.created_at, User.id).limit(limit))
    return total or 0, list(rows)


def get_pending_request(user_id: int, lock: bool = False) -> User:
    """Return the pending account with this id.

    :raises NotPending: when there is none (unknown, already approved, or rejected).
    """
    query = select(User).options(joinedload(User.organisation)).where(
        User.id == user_id, User.status == "pending")
    if lock:
        query = query.with_for_update(of=User)
    user = db.session.scalar(query)
    if user is None:
        raise NotPending()
    return user


def organisation_for_domain(user: User) -> Organisation | None:
    """Return the organisation whose allowed domains include the applicant's e-mail domain."""
    return db.session.scalar(select(Organisation).join(OrganisationDomain)
                             .where(OrganisationDomain.domain == email_domain(user.email)))


def approve_registration(admin: User, user_id: int, organisation_id: int | None = None,
                         create_organisation: bool = False, kind: str = "gemeente",
                         ip_address: str | None = None) -> User:
    """Activate the account, link its organisation, and tell the applicant.

    :raises NotPending, NotVerified, OrganisationRequired, OrganisationExists, UnknownOrganisation:
    """
    user = get_pending_request(user_id, lock=True)
    try:
        created = _link_organisation(admin, user, organisation_id, create_organisation, kind, ip_address)
    except RegistrationError:
        db.session.rollback()
        raise
    now = utcnow()
    user.requested_organisation = None
    user.status = "active"
    user.approved_at = now
    user.role_confirmed_at = now
    record("registration_approved", actor=admin, target=user, ip_address=ip_address,
           organisation_id=user.organisation.id, organisation_created=created)
    queue_mail(user.email, _("Uw account voor Servicecentrum Integratie is goedgekeurd"),
               "registration_approved", name=user.name, login_link=absolute_url("auth.login"))
    db.session.commit()
    return user


def _link_organisation(admin: User, user: User, organisation_id: int | None, create: bool, kind: str,
                       ip_address: str | None) -> bool:
    """Link the applicant to the chosen or a new organisation; True when one was created."""
    if user.email_verified_at is None:
        raise NotVerified()
    created = False
    if create and organisation_id is None:
        user.organisation = _create_requested_organisation(user, kind)
        record("organisation_created", actor=admin, target=user.organisation, ip_address=ip_address,
               name=user.organisation.name, kind=user.organisation.kind, via="registration")
        created = True
    elif organisation_id is not None:
        organisation = db.session.get(Organisation, organisation_id)
        if organisation is None:
            raise UnknownOrganisation()
        user.organisation = organisation
    if user.organisation is None:
        raise OrganisationRequired()
    return created


def _create_requested_organisation(user: User, kind: str) -> Organisation:
    name = (user.requested_organisation or "").strip()
    if not name:
        raise OrganisationRequired()
    exists = db.session.scalar(select(Organisation.id).where(func.lower(Organisation.name) == name.lower()))
    if exists is not None:
        raise OrganisationExists()
    organisation = Organisation(name=name, kind=kind if kind in ORGANISATION_KINDS else "overig")
    db.session.add(organisation)
    try:
        db.session.flush()
    except IntegrityError:  # created by someone else a moment ago
        raise OrganisationExists()
    return organisation


def reject_registration(admin: User, user_id: int, reason: str, ip_address: str | None = None) -> None:
    """Tell the applicant why, then delete the pending account so no personal data stays.

    :raises NotPending:
    """
    user = get_pending_request(user_id, lock=True)
    reason = reason.strip()
    queue_mail(user.email, _("Uw aanvraag voor Servicecentrum Integratie is afgewezen"),
               "registration_rejected", name=user.name, reason=reason)
    record("registration_rejected", actor=admin, target=user, ip_address=ip_address,
           email=user.email, reason=reason)
    db.session.delete(user)
    db.session.commit()
