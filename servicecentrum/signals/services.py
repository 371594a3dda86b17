"""Marking tickets and threads as signals, the list of signals, and counts for the reports.

A signal holds only a theme and a short description the adviser wrote without names of
people or organisations; the link to its ticket or thread is for FORUM staff only.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from .. import caching
from ..audit.services import record
from ..database import utcnow
from ..extensions import db
from ..helpdesk.history import log_change
from ..helpdesk.models import Ticket
from ..taxonomy.models import Theme
from .models import Signal

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MIN_DESCRIPTION, MAX_DESCRIPTION = 20, 1000
PER_PAGE = 25


class SignalError(Exception):
    """The signal was refused; the message is Dutch and may be shown."""


@dataclass(frozen=True)
class SignalData:
    """What the adviser typed."""

    theme_id: int | None
    description: str


@dataclass(frozen=True)
class ThemeQuarterCount:
    """How many signals of one theme were marked in one quarter (Amsterdam calendar)."""

    theme_id: int | None
    theme_name: str | None
    year: int
    quarter: int
    count: int


def themes() -> list:
    """Every theme by name, for the form (the kept list: the same for everyone)."""
    return list(caching.themes())


def _checked(data: SignalData) -> tuple[Theme, str]:
    description = " ".join((data.description or "").split())
    theme = db.session.get(Theme, data.theme_id) if data.theme_id else None
    if theme is None:
        raise SignalError(_("Kies een thema."))
    if not MIN_DESCRIPTION <= len(description) <= MAX_DESCRIPTION:
        raise SignalError(_("Beschrijf het signaal in 20 tot 1000 tekens."))
    return theme, description


def _origin(organisation) -> dict:
    """Where the signal comes from, kept on it for the report (which hides small groups)."""
    return {"organisation_id": getattr(organisation, "id", None),
            "region": getattr(organisation, "region", None)}


def mark_ticket(ticket: Ticket, actor, data: SignalData, now=None) -> Signal:
    """Record a signal taken from a ticket; the ticket's history notes it (for FORUM only)."""
    theme, description = _checked(data)
    signal = Signal(source_type="ticket", ticket_id=ticket.id, theme=theme, description=description,
                    created_by_id=actor.id, created_at=now or utcnow(), **_origin(ticket.organisation))
    db.session.add(signal)
    log_change(ticket, actor, "signal", new=theme.name, internal=True)
    db.session.flush()
    record("signal_marked", actor=actor, target=ticket, signal_id=signal.id, theme=theme.slug)
    db.session.commit()
    return signal


def mark_question(question, actor, data: SignalData, now=None) -> Signal:
    """Record a signal taken from a thread."""
    theme, description = _checked(data)
    signal = Signal(source_type="question", question_id=question.id, theme=theme,
                    description=description, created_by_id=actor.id, created_at=now or utcnow(),
                    **_origin(question.organisation))
    db.session.add(signal)
    db.session.flush()
    record("signal_marked", actor=actor, target=question, signal_id=signal.id, theme=theme.slug)
    db.session.commit()
    return signal


def signals_for_ticket(ticket_id: int) -> list[Signal]:
    return list(db.session.scalars(
        select(Signal).where(Signal.ticket_id == ticket_id)
        .options(joinedload(Signal.theme), joinedload(Signal.created_by)).order_by(Signal.id)))


def signals_for_question(question_id: int) -> list[Signal]:
    return list(db.session.scalars(
        select(Signal).where(Signal.question_id == question_id)
        .options(joinedload(Signal.theme), joinedload(Signal.created_by)).order_by(Signal.id)))


def list_signals(page: int = 1, theme_id: int | None = None, per_page: int = PER_PAGE):
    """One page of signals, newest first, with their themes."""
    statement = select(Signal).options(joinedload(Signal.theme))
    if theme_id:
        statement = statement.where(Signal.theme_id == theme_id)
    statement = statement.order_by(Signal.created_at.desc(), Signal.id.desc())
    return db.paginate(statement, page=page, per_page=per_page, error_out=False)


def tickets_by_id(ids) -> dict[int, Ticket]:
    """The source tickets of a page of signals (to decide who may follow the link)."""
    ids = sorted({i for i in ids if i is not None})
    if not ids:
        return {}
    tickets = db.session.scalars(select(Ticket).where(Ticket.id.in_(ids))
                                 .options(joinedload(Ticket.organisation)))
    return {ticket.id: ticket for ticket in tickets}


def quarter_of(moment: datetime) -> tuple[int, int]:
    """(year, quarter) of a UTC moment, on the Amsterdam calendar."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone(AMSTERDAM)
    return local.year, (local.month - 1) // 3 + 1


def counts_by_theme_and_quarter(start: datetime | None = None,
                                end: datetime | None = None) -> list[ThemeQuarterCount]:
    """Signals per theme per quarter marked in [start, end) (UTC), in one query.

    Sorted by year, quarter and theme name; signals without a theme count under ``None``.
    """
    statement = select(Signal.created_at, Signal.theme_id, Theme.name).outerjoin(
        Theme, Theme.id == Signal.theme_id)
    if start is not None:
        statement = statement.where(Signal.created_at >= start)
    if end is not None:
        statement = statement.where(Signal.created_at < end)
    counts: Counter = Counter()
    for created_at, theme_id, theme_name in db.session.execute(statement):
        counts[(*quarter_of(created_at), theme_id, theme_name)] += 1
    rows = [ThemeQuarterCount(theme_id=theme_id, theme_name=name, year=year, quarter=quarter, count=n)
            for (year, quarter, theme_id, name), n in counts.items()]
    return sorted(rows, key=lambda r: (r.year, r.quarter, r.theme_name or "", r.theme_id or 0))
