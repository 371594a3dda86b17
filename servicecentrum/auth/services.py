"""Account use cases: authenticate, create users."""

from sqlalchemy import select

from ..database import utcnow
from ..extensions import db
from .models import User, normalise_email
from .passwords import hash_password, needs_rehash, verify_password


class AuthError(Exception):
    """Base class for account errors."""


class InvalidCredentials(AuthError):
    """Unknown e-mail, wrong password or an account that may not log in."""


def find_user_by_email(email: str) -> User | None:
    """Return the account with this address, whatever its case."""
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def authenticate(email: str, password: str) -> User:
    """Return the active account these credentials belong to.

    :raises InvalidCredentials: for every failure alike, so nobody learns which part was wrong.
    """
    user = find_user_by_email(email)
    if not verify_password(user.password_hash if user else None, password):
        raise InvalidCredentials()
    if not user.is_active:
        raise InvalidCredentials()
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    db.session.commit()
    return user


def set_password(user: User, password: str) -> None:
    """Store a new password hash for the user (the caller commits)."""
    user.password_hash = hash_password(password)


class AccountExists(AuthError):
    """An account with this e-mail address already exists."""


class PasswordTooWeak(AuthError):
    """The password does not meet the minimum."""


def create_admin(email: str, name: str, password: str) -> User:
    """Create an active admin account.

    :raises AccountExists: when the address is taken.
    :raises PasswordTooWeak: when the password is shorter than 12 characters.
    """
    if find_user_by_email(email) is not None:
        raise AccountExists(f"Er bestaat al een account voor {normalise_email(email)}.")
    if len(password) < 12:
        raise PasswordTooWeak("Een wachtwoord heeft minstens 12 tekens.")
    user = User(email=email, name=name, role="admin", status="active")
    set_password(user, password)
    db.session.add(user)
    db.session.commit()
    return user
