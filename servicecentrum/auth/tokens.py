"""Single-use e-mail tokens: verification (24 h), password reset (1 h), e-mail change."""

from datetime import timedelta

from sqlalchemy import select, update

from ..database import utcnow
from ..extensions import db
from .models import AccountToken, User
from .secrets import digest, new_token

LIFETIMES = {
    "verify_email": timedelta(hours=24),
    "reset_password": timedelta(hours=1),
    "change_email": timedelta(hours=24),
}


class TokenError(Exception):
    """The link cannot be used."""


class TokenInvalid(TokenError):
    """Unknown token, or one for another purpose."""


class TokenExpired(TokenError):
    """The token is older than its lifetime."""


class TokenUsed(TokenError):
    """The token was used before."""


def issue_token(user: User, purpose: str, new_email: str | None = None) -> str:
    """Create a token for the user; return the raw value for the e-mail link (the caller commits).

    Earlier unused tokens for the same purpose stop working.
    """
    now = utcnow()
    for old in db.session.scalars(
        select(AccountToken).where(AccountToken.user_id == user.id, AccountToken.purpose == purpose,
                                   AccountToken.used_at.is_(None))
    ):
        old.used_at = now
    raw = new_token()
    db.session.add(AccountToken(user=user, purpose=purpose, token_hash=digest(raw),
                                new_email=new_email, expires_at=now + LIFETIMES[purpose]))
    return raw


def peek_token(raw: str, purpose: str) -> AccountToken:
    """Return the usable token without using it up.

    :raises TokenInvalid, TokenExpired, TokenUsed:
    """
    token = db.session.scalar(select(AccountToken).where(AccountToken.token_hash == digest(raw or "")))
    if token is None or token.purpose != purpose:
        raise TokenInvalid()
    if token.used_at is not None:
        raise TokenUsed()
    if utcnow() > token.expires_at:
        raise TokenExpired()
    return token


def consume_token(raw: str, purpose: str) -> AccountToken:
    """Use the token up and return it (the caller commits with the change it authorises).

    :raises TokenInvalid, TokenExpired, TokenUsed:
    """
    token = peek_token(raw, purpose)
    # Conditional update: of two simultaneous uses, exactly one wins.
    claimed = db.session.execute(
        update(AccountToken)
        .where(AccountToken.id == token.id, AccountToken.used_at.is_(None))
        .values(used_at=utcnow())
    ).rowcount
    if claimed != 1:
        raise TokenUsed()
    db.session.refresh(token)
    return token
