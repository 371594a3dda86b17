"""Event figures for the dashboard: fill rate and attendance rate per event kind.

One grouped query: the confirmed and checked-in registrations are counted per event in a
subquery, which is then summed per kind. Events held in the period are the published ones
(not cancelled) whose start falls in the period, in Amsterdam time.
"""

from flask_babel import gettext as _
from sqlalchemy import case, func, select

from ...events.labels import KIND_LABELS
from ...events.models import EVENT_KINDS, Event, Registration
from ...extensions import db
from ..tables import Chart, Column, Filters, ReportTable, register


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _held(filters: Filters) -> list:
    """The conditions on events held in the period (published, not cancelled, programme, theme)."""
    conditions = [Event.status == "published", Event.cancelled_at.is_(None),
                  Event.starts_at >= filters.start_utc, Event.starts_at < filters.end_utc]
    if filters.programme_id is not None:
        conditions.append(Event.programme_id == filters.programme_id)
    if filters.theme_id is not None:
        conditions.append(Event.theme_id == filters.theme_id)
    return conditions


def _kind_totals(filters: Filters) -> dict[str, tuple[int, int, int, int, int]]:
    """Kind -> (events, capacity, confirmed, confirmed at events with check-in, checked in)."""
    held = _held(filters)
    # Registrations of the events held only: not every registration ever made.
    per_event = (
        select(Registration.event_id.label("event_id"),
               func.count(Registration.id).label("confirmed"),
               func.count(Registration.checked_in_at).label("checked_in"))
        .join(Event, Event.id == Registration.event_id)
        .where(Registration.status == "confirmed", *held)
        .group_by(Registration.event_id)
        .subquery())
    confirmed = func.coalesce(per_event.c.confirmed, 0)
    checked_in = func.coalesce(per_event.c.checked_in, 0)
    statement = (
        select(Event.kind, func.count(Event.id), func.coalesce(func.sum(Event.capacity), 0),
               func.coalesce(func.sum(confirmed), 0),
               func.coalesce(func.sum(case((checked_in > 0, confirmed), else_=0)), 0),
               func.coalesce(func.sum(checked_in), 0))
        .select_from(Event)
        .outerjoin(per_event, per_event.c.event_id == Event.id)
        .where(*held)
        .group_by(Event.kind))
    return {kind: tuple(int(v) for v in values)
            for kind, *values in db.session.execute(statement)}


def _row(label: str, events: int, capacity: int, confirmed: int, attended_base: int,
         checked_in: int) -> list:
    return [label, events, capacity, confirmed, _rate(confirmed, capacity), _rate(checked_in, attended_base)]


@register("event_fill", 50)
def event_fill(filters: Filters) -> ReportTable:
    """Per event kind: events held, seats, confirmed registrations, fill rate and attendance rate."""
    totals = _kind_totals(filters)
    kinds = [*EVENT_KINDS, *sorted(set(totals) - set(EVENT_KINDS))]
    empty = (0, 0, 0, 0, 0)
    rows = [_row(str(KIND_LABELS.get(kind, kind)), *totals.get(kind, empty)) for kind in kinds]
    overall = [sum(values) for values in zip(*(totals.get(kind, empty) for kind in kinds), strict=True)]
    rows.append(_row(_("Totaal"), *overall))
    return ReportTable(
        key="event_fill",
        title=_("Bezetting en opkomst per soort bijeenkomst"),
        columns=[Column(_("Soort bijeenkomst")), Column(_("Bijeenkomsten"), "int"),
                 Column(_("Plaatsen"), "int"), Column(_("Bevestigde aanmeldingen"), "int"),
                 Column(_("Bezetting"), "percent"), Column(_("Opkomst"), "percent")],
        rows=rows,
        chart=Chart(label_column=0, value_columns=[4, 5],
                    caption=_("Bezetting en opkomst in procenten, per soort bijeenkomst")),
        note=_("Gepubliceerde, niet geannuleerde bijeenkomsten die in de periode begonnen; bezetting is "
               "bevestigde aanmeldingen gedeeld door plaatsen, opkomst is aangemelde deelnemers die zijn "
               "ingecheckt, alleen bij bijeenkomsten waar is ingecheckt."),
    )
