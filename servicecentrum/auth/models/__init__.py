"""Account models: the member, their sessions, one-time tokens and recovery codes."""

from .credentials import AccountToken, RecoveryCode
from .session import UserSession
from .user import NOTIFY_FREQUENCIES, ROLES, STATUSES, User, normalise_email, user_expertise

__all__ = [
    "NOTIFY_FREQUENCIES",
    "ROLES",
    "STATUSES",
    "AccountToken",
    "RecoveryCode",
    "User",
    "UserSession",
    "normalise_email",
    "user_expertise",
]
