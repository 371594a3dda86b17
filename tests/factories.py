"""Factories for every model. Call them inside an app context; they commit."""

import itertools

from servicecentrum.auth.models import User
from servicecentrum.auth.passwords import hash_password
from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from servicecentrum.organisations.models import Organisation, OrganisationDomain
from servicecentrum.taxonomy.models import Programme, Spearhead, Theme

PASSWORD = "correct paard batterij niet"
_PASSWORD_HASH = None  # hashed once: argon2 is slow on purpose
_sequence = itertools.count(1)


def _n() -> int:
    return next(_sequence)


def password_hash() -> str:
    global _PASSWORD_HASH
    if _PASSWORD_HASH is None:
        _PASSWORD_HASH = hash_password(PASSWORD)
    return _PASSWORD_HASH


def _save(obj):
    db.session.add(obj)
    db.session.commit()
    return obj


def make_organisation(**fields) -> Organisation:
    n = _n()
    domains = fields.pop("domains", [])
    defaults = {"name": f"Gemeente Proefstad {n}", "kind": "gemeente", "region": "Utrecht",
                "size_class": "50k-100k", "is_g30": False}
    org = Organisation(**{**defaults, **fields})
    org.domains = [OrganisationDomain(domain=d) for d in domains]
    return _save(org)


MFA_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def make_user(role: str = "officer", mfa: bool | None = None, **fields) -> User:
    """An active member; advisers and admins have MFA set up unless mfa=False."""
    n = _n()
    if "organisation" not in fields and role == "officer":
        fields["organisation"] = make_organisation()
    defaults = {"email": f"lid{n}@proefstad.test", "name": f"Lid {n}", "role": role,
                "status": "active", "password_hash": password_hash(), "job_title": "Beleidsmedewerker",
                "email_verified_at": utcnow(), "approved_at": utcnow(), "role_confirmed_at": utcnow()}
    if mfa if mfa is not None else role in ("adviser", "admin"):
        defaults.update(mfa_secret=MFA_SECRET, mfa_enabled_at=utcnow())
    return _save(User(**{**defaults, **fields}))


def make_theme(**fields) -> Theme:
    n = _n()
    return _save(Theme(**{"slug": f"thema-{n}", "name": f"Thema {n}", **fields}))


def make_spearhead(**fields) -> Spearhead:
    n = _n()
    return _save(Spearhead(**{"slug": f"speerpunt-{n}", "name": f"Speerpunt {n}", **fields}))


def make_programme(advisers=(), **fields) -> Programme:
    n = _n()
    programme = Programme(**{"slug": f"programma-{n}", "name": f"Programma {n}",
                             "description": "Beschrijving", **fields})
    programme.advisers = list(advisers)
    return _save(programme)


def make_outbox_mail(**fields) -> OutboxMail:
    n = _n()
    defaults = {"to_address": f"ontvanger{n}@proefstad.test", "subject": f"Bericht {n}",
                "body_text": "Tekst", "message_id": f"<test-{n}@servicecentrum.test>"}
    return _save(OutboxMail(**{**defaults, **fields}))


def make_ticket(requester=None, programme=None, **fields):
    """A ticket filed through the service (routed, due dates set), then given ``fields``."""
    from servicecentrum.helpdesk.services import TicketData, create_ticket

    requester = requester or make_user("officer")
    if programme is None and fields.get("programme_id") is None:
        programme = make_programme(slug=f"servicecentrum-integratiebeleid-{_n()}")
    n = _n()
    data = TicketData(subject=fields.pop("subject", f"Vraag {n} over inburgering"),
                      body=fields.pop("body", "Hoe pakken andere gemeenten dit aan?"),
                      theme_id=fields.pop("theme_id", None))
    ticket = create_ticket(requester, data)
    if programme is not None:
        ticket.programme = programme
        if "assignee" not in fields:
            ticket.assignee = None
    for key, value in fields.items():
        setattr(ticket, key, value)
    return _save(ticket)


def make_event(organisers=(), **fields):
    """A published event a week from now, two hours long, with 10 seats."""
    from datetime import timedelta

    from servicecentrum.events.models import Event

    n = _n()
    starts = fields.pop("starts_at", utcnow().replace(microsecond=0) + timedelta(days=7))
    defaults = {"kind": "kennisatelier", "title": f"Kennisatelier {n}", "description": "Over de praktijk.",
                "starts_at": starts, "ends_at": starts + timedelta(hours=2), "location": "Utrecht",
                "capacity": 10, "status": "published"}
    event = Event(**{**defaults, **fields})
    event.organisers = list(organisers)
    return _save(event)
