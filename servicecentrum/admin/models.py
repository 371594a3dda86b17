"""Site-wide settings that admins change at run time."""

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class SiteSetting(db.Model):
    """A named setting with a JSON value, e.g. mfa_required_for_all = true."""

    __tablename__ = "site_settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)
