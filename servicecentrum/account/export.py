"""Everything the site holds about a member, as one JSON document; features add sections.

A later feature registers its own part of the export:

    register_export_section("questions", lambda user: [...])

The function gets the member and returns anything JSON can hold (dates become ISO text).
It must return only the member's own data: never another member's personal data, and never
a password hash, MFA secret, recovery code or token.
"""

import json
from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import select

from ..audit.models import AuditEvent
from ..audit.services import record
from ..auth.models import User, UserSession
from ..database import utcnow
from ..extensions import db

EXPORT_FORMAT_VERSION = 1
EXPORT_SECTIONS: dict[str, Callable[[User], object]] = {}


def register_export_section(name: str, build: Callable[[User], object]) -> None:
    """Add (or replace) the named part of every member's export."""
    EXPORT_SECTIONS[name] = build


def _profile(user: User) -> dict:
    return {
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "job_title": user.job_title,
        "role": user.role,
        "status": user.status,
        "notify_frequency": user.notify_frequency,
        "created_at": user.created_at,
        "approved_at": user.approved_at,
        "email_verified_at": user.email_verified_at,
        "terms_accepted_at": user.terms_accepted_at,
        "requested_organisation": user.requested_organisation,
        "last_login_at": user.last_login_at,
        "password_changed_at": user.password_changed_at,
        "mfa_enabled": user.mfa_enabled,
        "mfa_enabled_at": user.mfa_enabled_at,
        "role_confirmed_at": user.role_confirmed_at,
        "reconfirm_requested_at": user.reconfirm_requested_at,
        "disabled_reason": user.disabled_reason,
    }


def _organisation(user: User) -> dict | None:
    org = user.organisation
    if org is None:
        return None
    return {"id": org.id, "name": org.name, "kind": org.kind, "cbs_code": org.cbs_code,
            "region": org.region, "is_g30": org.is_g30}


def _sessions(user: User) -> list[dict]:
    query = select(UserSession).where(UserSession.user_id == user.id).order_by(UserSession.created_at)
    return [{"id": s.id, "started_at": s.created_at, "last_active_at": s.last_seen_at,
             "ended_at": s.ended_at, "end_reason": s.end_reason, "ip_address": s.ip_address,
             "user_agent": s.user_agent} for s in db.session.scalars(query)]


def _audit_events(user: User) -> list[dict]:
    """Events the member caused; about someone else only the kind of action is kept."""
    query = select(AuditEvent).where(AuditEvent.actor_id == user.id).order_by(AuditEvent.id)
    events = []
    for event in db.session.scalars(query):
        about_other_member = event.target_type == "user" and event.target_id != user.id
        events.append({
            "at": event.created_at,
            "action": event.action,
            "ip_address": event.ip_address,
            "target_type": event.target_type,
            "target_id": None if about_other_member else event.target_id,
            "details": {} if about_other_member else dict(event.details or {}),
        })
    return events


def build_export(user: User) -> dict:
    """Collect the member's data: profile, organisation, themes, sessions, audit, sections."""
    return {
        "format_version": EXPORT_FORMAT_VERSION,
        "exported_at": utcnow(),
        "profile": _profile(user),
        "organisation": _organisation(user),
        "expertise": [{"slug": t.slug, "name": t.name} for t in user.expertise],
        "programmes": [{"slug": p.slug, "name": p.name} for p in user.programmes],
        "sessions": _sessions(user),
        "audit_events": _audit_events(user),
        "sections": {name: build(user) for name, build in sorted(EXPORT_SECTIONS.items())},
    }


def _json_default(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"cannot export {type(value).__name__}")


def to_json(data: dict) -> str:
    """Return the export as readable UTF-8 JSON."""
    return json.dumps(data, default=_json_default, ensure_ascii=False, indent=2)


def export_data(user: User, ip_address: str | None = None) -> str:
    """Record the export in the audit log and return the member's data as JSON text."""
    document = to_json(build_export(user))
    record("data_exported", actor=user, target=user, ip_address=ip_address)
    db.session.commit()
    return document
