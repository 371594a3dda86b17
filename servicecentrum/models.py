"""Import every model so that SQLAlchemy and Alembic see the whole schema."""

from .admin.models import SiteSetting
from .audit.models import AuditEvent
from .auth.models import AccountToken, RecoveryCode, User, UserSession, user_expertise
from .notifications.models import OutboxMail
from .organisations.models import Organisation, OrganisationDomain
from .taxonomy.models import Programme, Spearhead, Theme, programme_advisers

__all__ = [
    "AccountToken",
    "AuditEvent",
    "RecoveryCode",
    "SiteSetting",
    "UserSession",
    "OutboxMail",
    "Organisation",
    "OrganisationDomain",
    "Programme",
    "Spearhead",
    "Theme",
    "User",
    "programme_advisers",
    "user_expertise",
]
