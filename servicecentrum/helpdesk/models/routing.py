"""Routing rules kept by admins, and canned replies kept by each programme's advisers."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...database import UTCDateTime, utcnow
from ...extensions import db


class RoutingRule(db.Model):
    """If every condition set on the rule holds, the ticket goes to its programme (and adviser).

    Empty conditions match anything. Rules are tried in ``position`` order; the first match wins.
    """

    __tablename__ = "routing_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer, default=0, index=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"))
    keywords: Mapped[str] = mapped_column(String(500), default="")  # comma-separated; any one matches
    region: Mapped[str | None] = mapped_column(String(40))  # the organisation's province
    g30: Mapped[bool | None] = mapped_column(Boolean)  # None: any; True: G30 only; False: not G30
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"))
    adviser_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    theme: Mapped["Theme | None"] = relationship()  # noqa: F821
    programme: Mapped["Programme"] = relationship()  # noqa: F821
    adviser: Mapped["User | None"] = relationship()  # noqa: F821

    @property
    def keyword_list(self) -> list[str]:
        return [w.strip().casefold() for w in self.keywords.split(",") if w.strip()]


class CannedReply(db.Model):
    """A reusable answer text of one programme, editable by its advisers."""

    __tablename__ = "canned_replies"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text)  # Markdown
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    programme: Mapped["Programme"] = relationship()  # noqa: F821
