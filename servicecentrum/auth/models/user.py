"""The member account."""

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from ...database import UTCDateTime, utcnow
from ...extensions import db

ROLES = ("officer", "adviser", "admin")
STATUSES = ("pending", "active", "disabled")
NOTIFY_FREQUENCIES = ("immediately", "daily", "weekly", "never")

user_expertise = Table(
    "user_expertise",
    db.metadata,
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True),
)


def normalise_email(address: str) -> str:
    """Return the address as stored: trimmed and lower-cased, so uniqueness ignores case."""
    return address.strip().lower()


class User(UserMixin, db.Model):
    """A member: an officer of a member organisation, or FORUM staff."""

    __tablename__ = "users"
    # The directory (active members by name) and the requests waiting for review (oldest
    # first); docs/performance.md, "Indexes behind the lists".
    __table_args__ = (
        Index("ix_users_status_name", "status", "name", "id"),
        Index("ix_users_status_created", "status", "created_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default="officer")
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    job_title: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Registration: verified address, accepted terms, organisation asked for but not listed.
    email_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    terms_accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    requested_organisation: Mapped[str | None] = mapped_column(String(200))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # MFA: TOTP secret (base32), when it was switched on, last accepted time step (no replay).
    mfa_secret: Mapped[str | None] = mapped_column(String(64))
    mfa_enabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    mfa_last_timecode: Mapped[int | None] = mapped_column(Integer)
    # Yearly confirmation that the member still holds the role they joined with.
    role_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reconfirm_requested_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    disabled_reason: Mapped[str | None] = mapped_column(Text)
    notify_frequency: Mapped[str] = mapped_column(String(20), default="immediately")
    hide_from_directory: Mapped[bool] = mapped_column(Boolean, default=False)
    # IANA zone for shown times; None means the site's default (Europe/Amsterdam).
    time_zone: Mapped[str | None] = mapped_column(String(64))

    organisation: Mapped["Organisation | None"] = relationship(  # noqa: F821
        back_populates="members"
    )
    expertise: Mapped[list["Theme"]] = relationship(  # noqa: F821
        secondary=user_expertise, order_by="Theme.name"
    )
    programmes: Mapped[list["Programme"]] = relationship(  # noqa: F821
        secondary="programme_advisers", back_populates="advisers", order_by="Programme.name"
    )

    @validates("email")
    def _normalise_email(self, _key, value: str) -> str:
        return normalise_email(value)

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.status == "active"

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def is_adviser(self) -> bool:
        return self.role == "adviser"

    @property
    def is_staff(self) -> bool:
        """FORUM staff: advisers and admins."""
        return self.role in ("adviser", "admin")

    @property
    def mfa_enabled(self) -> bool:
        return self.mfa_enabled_at is not None and bool(self.mfa_secret)

    def advises(self, programme) -> bool:
        return programme in self.programmes

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role}>"
