"""Import every model so that SQLAlchemy and Alembic see the whole schema."""

from .auth.models import User, user_expertise
from .notifications.models import OutboxMail
from .organisations.models import Organisation, OrganisationDomain
from .taxonomy.models import Programme, Spearhead, Theme, programme_advisers

__all__ = [
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
