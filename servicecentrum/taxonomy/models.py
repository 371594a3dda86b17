"""Themes, spearheads and programmes, shared by every pillar."""

from sqlalchemy import Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db

programme_advisers = Table(
    "programme_advisers",
    db.metadata,
    Column("programme_id", ForeignKey("programmes.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
)


class Theme(db.Model):
    """A policy theme such as onderwijs or werk."""

    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")

    def __repr__(self) -> str:
        return f"<Theme {self.slug}>"


class Spearhead(db.Model):
    """One of FORUM's three spearheads: toerusting, toenadering, toegankelijkheid."""

    __tablename__ = "spearheads"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")

    def __repr__(self) -> str:
        return f"<Spearhead {self.slug}>"


class Programme(db.Model):
    """A FORUM programme that owns helpdesk questions and has advisers."""

    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(160), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    advisers: Mapped[list["User"]] = relationship(  # noqa: F821
        secondary=programme_advisers, back_populates="programmes", order_by="User.name"
    )

    def __repr__(self) -> str:
        return f"<Programme {self.slug}>"
