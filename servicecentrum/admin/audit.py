"""Read the audit log for admins: filters, readable rows, and the recorded CSV export."""

import csv
import io
import json
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask_babel import gettext as _

from ..audit import services as audit_services
from ..audit.models import AuditEvent
from ..auth.models import User
from ..spreadsheets import safe_cell
from . import audit_objects
from .audit_details import describe_details
from .audit_labels import VISITOR_ACTIONS, action_label

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PER_PAGE = 50
SPOOL_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class AuditFilters:
    """What the admin chose in the filter form; dates are Amsterdam calendar days, both inclusive."""

    action: str = ""
    actor_email: str = ""  # part of the name or e-mail address of who did it
    since: date | None = None
    until: date | None = None

    def as_query(self) -> dict:
        """Return the filters as keyword arguments of the audit search."""
        return {
            "action": self.action or None,
            "actor_text": self.actor_email or None,
            "since": _start_of(self.since) if self.since else None,
            "until": _start_of(self.until + timedelta(days=1)) if self.until else None,
        }


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=AMSTERDAM).astimezone(UTC)


def today() -> date:
    """Return today's date in the Netherlands."""
    return datetime.now(AMSTERDAM).date()


def known_actions() -> list[str]:
    """Return the actions that occur in the log (the choices of the action filter), by Dutch name."""
    return sorted(audit_services.distinct_actions(), key=lambda action: action_label(action).lower())


def search(filters: AuditFilters, page: int = 1):
    """Return one page of matching events, newest first."""
    return audit_services.search_events(page=page, per_page=PER_PAGE, **filters.as_query())


def actor_label(event: AuditEvent) -> str:
    """Name who did it: the member, a visitor who was not logged in, a former member, or the system."""
    if event.actor is not None:
        return f"{event.actor.name} ({event.actor.email})"
    if event.ip_address is None:
        return _("systeem")  # written by the command line or a cron job
    if event.action in VISITOR_ACTIONS:
        return _("bezoeker (niet ingelogd)")
    return _("voormalig lid")  # the member's account was deleted since


def describe(events, reader: User) -> list[dict]:
    """Turn events into table rows: Dutch action, the object as title (and link), readable details."""
    objects = audit_objects.resolve(events, reader)
    names = audit_objects.reference_names(events)
    rows = []
    for event in events:
        target = None
        if event.target_type:
            key = (event.target_type, event.target_id)
            target = objects.get(key) or audit_objects.gone(event.target_type, event.target_id)
        rows.append({
            "event": event,
            "actor": actor_label(event),
            "action": action_label(event.action),
            "target": target,
            "details": describe_details(event.action, event.details or {}, names),
        })
    return rows


def export_csv(actor: User, filters: AuditFilters, ip_address: str | None = None):
    """Write the matching events to a CSV file, record the export, and return the file, rewound.

    Semicolons and a byte-order mark, as Dutch Excel expects. The file stays in memory up to
    a few megabytes and moves to disk beyond that, so a large log never fills the memory.
    """
    raw = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (the response closes it)
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, delimiter=";")
    writer.writerow([_("tijdstip"), _("wie"), _("handeling"), _("omschrijving"), _("doel"), _("doel-id"),
                     _("IP-adres"), _("details")])
    rows = 0
    for event in audit_services.iter_events(**filters.as_query()):
        writer.writerow([safe_cell(value) for value in (
            event.created_at.astimezone(AMSTERDAM).isoformat(timespec="seconds"),
            event.actor.email if event.actor is not None else actor_label(event),
            event.action, action_label(event.action), event.target_type, event.target_id,
            event.ip_address, json.dumps(event.details or {}, ensure_ascii=False, sort_keys=True),
        )])
        rows += 1
    text.flush()
    text.detach()
    raw.seek(0)
    audit_services.record_read("audit_exported", actor=actor, ip_address=ip_address, rows=rows,
                          action_filter=filters.action or None, actor_filter=filters.actor_email or None,
                          since=filters.since.isoformat() if filters.since else None,
                          until=filters.until.isoformat() if filters.until else None)
    return raw
