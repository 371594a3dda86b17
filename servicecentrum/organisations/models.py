"""Organisation and the e-mail domains whose sign-ups it vouches for."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from ..database import UTCDateTime, utcnow
from ..extensions import db

ORGANISATION_KINDS = {
    "gemeente": "Gemeente",
    "onderwijs": "Onderwijsinstelling",
    "welzijn": "Welzijnsorganisatie",
    "zorg": "Zorgorganisatie",
    "overig": "Overige lokale organisatie",
}

# Size classes by number of inhabitants, as CBS groups municipalities.
SIZE_CLASSES = {
    "tot-20k": "Minder dan 20.000 inwoners",
    "20k-50k": "20.000 tot 50.000 inwoners",
    "50k-100k": "50.000 tot 100.000 inwoners",
    "100k-250k": "100.000 tot 250.000 inwoners",
    "vanaf-250k": "250.000 inwoners of meer",
}

PROVINCES = (
    "Drenthe", "Flevoland", "Friesland", "Gelderland", "Groningen", "Limburg",
    "Noord-Brabant", "Noord-Holland", "Overijssel", "Utrecht", "Zeeland", "Zuid-Holland",
)


class Organisation(db.Model):
    """A municipality or another local body whose staff may become members."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="gemeente")
    cbs_code: Mapped[str | None] = mapped_column(String(6), unique=True)
    region: Mapped[str | None] = mapped_column(String(40))
    size_class: Mapped[str | None] = mapped_column(String(20))
    is_g30: Mapped[bool] = mapped_column(Boolean, default=False)
    # Helpdesk: yearly basic (free) allowance, and whether colleagues see each other's tickets.
    helpdesk_allowance_minutes: Mapped[int] = mapped_column(Integer, default=480)
    shares_tickets: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    domains: Mapped[list["OrganisationDomain"]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan", order_by="OrganisationDomain.domain"
    )
    members: Mapped[list["User"]] = relationship(back_populates="organisation")  # noqa: F821

    @property
    def kind_label(self) -> str:
        return ORGANISATION_KINDS.get(self.kind, self.kind)

    @property
    def allowed_domains(self) -> list[str]:
        return [d.domain for d in self.domains]

    def __repr__(self) -> str:
        return f"<Organisation {self.name}>"


class OrganisationDomain(db.Model):
    """An e-mail domain whose verified sign-ups join the organisation without review."""

    __tablename__ = "organisation_domains"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    domain: Mapped[str] = mapped_column(String(253), unique=True)
    organisation: Mapped[Organisation] = relationship(back_populates="domains")

    @validates("domain")
    def _normalise(self, _key, value: str) -> str:
        return value.strip().lower().lstrip("@")
