"""Read the audit log for admins: filters, readable rows, and the recorded CSV export."""

import csv
import io
import json
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from sqlalchemy import select

from ..audit import services as audit_services
from ..audit.models import AuditEvent
from ..auth.models import User
from ..extensions import db
from ..organisations.models import Organisation
from ..spreadsheets import safe_cell
from .audit_labels import VISITOR_ACTIONS, action_label

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PER_PAGE = 50
SPOOL_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class AuditFilters:
    """What the admin chose in the filter form; dates are Amsterdam calendar days, both inclusive."""

    action: str = ""
    actor_email: str = ""
    since: date | None = None
    until: date | None = None

    def as_query(self) -> dict:
        """Return the filters as keyword arguments of the audit search."""
        return {
            "action": self.action or None,
            "actor_email": self.actor_email or None,
            "since": _start_of(self.since) if self.since else None,
            "until": _start_of(self.until + timedelta(days=1)) if self.until else None,
        }


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=AMSTERDAM).astimezone(UTC)


def today() -> date:
    """Return today's date in the Netherlands."""
    return datetime.now(AMSTERDAM).date()


def known_actions() -> list[str]:
    """Return the actions that occur in the log (the choices of the action filter)."""
    return audit_services.distinct_actions()


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


def _target_names(events) -> dict[tuple[str, int], str]:
    """Look up the names of the users and organisations the events are about, one query per kind."""
    wanted: dict[str, set[int]] = {"user": set(), "organisation": set()}
    for event in events:
        if event.target_type in wanted and event.target_id is not None:
            wanted[event.target_type].add(event.target_id)
    names = {}
    if wanted["user"]:
        query = select(User.id, User.name, User.email).where(User.id.in_(wanted["user"]))
        for user_id, name, email in db.session.execute(query):
            names[("user", user_id)] = f"{name} ({email})"
    if wanted["organisation"]:
        query = select(Organisation.id, Organisation.name).where(Organisation.id.in_(wanted["organisation"]))
        for org_id, name in db.session.execute(query):
            names[("organisation", org_id)] = name
    return names


def describe(events) -> list[dict]:
    """Turn events into table rows with Dutch labels and target names."""
    names = _target_names(events)
    rows = []
    for event in events:
        key = (event.target_type, event.target_id)
        rows.append({
            "event": event,
            "actor": actor_label(event),
            "action": action_label(event.action),
            "target_type": event.target_type,
            "target_id": event.target_id,
            "target": names.get(key),
            "details": sorted((event.details or {}).items()),
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
    audit_services.record("audit_exported", actor=actor, ip_address=ip_address, rows=rows,
                          action_filter=filters.action or None, actor_filter=filters.actor_email or None,
                          since=filters.since.isoformat() if filters.since else None,
                          until=filters.until.isoformat() if filters.until else None)
    db.session.commit()
    return raw
