"""Helpers for the account tests: outbox, audit log, links in mails, extra sessions."""

import re

from sqlalchemy import select

from servicecentrum.audit.models import AuditEvent
from servicecentrum.auth import sessions
from servicecentrum.auth.models import User
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail

FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:126.0) Gecko/20100101 Firefox/126.0"
SAFARI_IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                 "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")


def mails_to(address: str) -> list[OutboxMail]:
    """Return the mails queued for the address, oldest first."""
    return list(db.session.scalars(select(OutboxMail).where(OutboxMail.to_address == address)
                                   .order_by(OutboxMail.id)))


def link_in(mail: OutboxMail) -> str:
    """Return the path of the first link in the mail's text."""
    match = re.search(r"https?://[^/\s]+(/\S+)", mail.body_text)
    assert match, mail.body_text
    return match.group(1)


def events(action: str) -> list[AuditEvent]:
    """Return the audit events of one kind, oldest first."""
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)
                                   .order_by(AuditEvent.id)))


def reload_user(user_id: int) -> User | None:
    """Return the member as stored now."""
    db.session.expire_all()
    return db.session.get(User, user_id)


def add_sessions(user_id: int, count: int, user_agent: str = FIREFOX_WINDOWS) -> None:
    """Open extra sessions for the member, as if from other browsers."""
    user = db.session.get(User, user_id)
    for n in range(count):
        sessions.start_session(user, f"192.0.2.{n % 250 + 1}", user_agent)
    db.session.commit()


def is_checked(html: str, name: str, value: str) -> bool:
    """Tell whether the page shows the checkbox or radio button name=value as ticked."""
    for tag in re.findall(r"<input [^>]*>", html):
        if f'name="{name}"' in tag and f'value="{value}"' in tag:
            return re.search(r"\schecked[\s>]", tag) is not None
    raise AssertionError(f"no input {name}={value}")
