"""Routing: which programme (and adviser) gets a new ticket, and why.

Admins keep ordered rules on theme, words in the subject or body, and the organisation's
region or G30 membership. The first active rule whose conditions all hold wins; a rule
without conditions matches everything. Without a match the ticket goes to the fallback
programme "Servicecentrum Integratiebeleid". Within the programme the rule's adviser takes it,
else the active adviser with the fewest open tickets.
"""

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..taxonomy.models import Programme
from .models import OPEN_STATUSES, RoutingRule, Ticket

FALLBACK_PROGRAMME = "servicecentrum-integratiebeleid"


class NoProgramme(Exception):
    """No programme exists to route to (an empty installation)."""


@dataclass
class Decision:
    programme: Programme
    adviser: object | None
    rule: RoutingRule | None
    note: str


def _mentions(text: str, word: str) -> bool:
    # A word matches at the start of a word, so "statushouder" also finds "statushouders"
    # and "inburgering" finds "inburgeringsplicht", but "arm" does not match "warm".
    return re.search(r"(?<!\w)" + re.escape(word), text) is not None


def rule_matches(rule: RoutingRule, text: str, theme_id: int | None, organisation) -> str | None:
    """Return why the rule matches (Dutch, for the history), or None when it does not."""
    reasons = []
    if rule.theme_id is not None:
        if rule.theme_id != theme_id:
            return None
        reasons.append(f"thema {rule.theme.name}")
    words = rule.keyword_list
    if words:
        hits = [w for w in words if _mentions(text, w)]
        if not hits:
            return None
        reasons.append("woord " + ", ".join(f"'{w}'" for w in hits))
    if rule.region:
        if organisation is None or organisation.region != rule.region:
            return None
        reasons.append(f"regio {rule.region}")
    if rule.g30 is not None:
        if bool(organisation is not None and organisation.is_g30) != rule.g30:
            return None
        reasons.append("G30-gemeente" if rule.g30 else "geen G30-gemeente")
    return ", ".join(reasons) or "geldt voor alle vragen"


def active_rules() -> list[RoutingRule]:
    return list(db.session.scalars(
        select(RoutingRule).where(RoutingRule.is_active.is_(True))
        .options(selectinload(RoutingRule.theme), selectinload(RoutingRule.programme),
                 selectinload(RoutingRule.adviser))
        .order_by(RoutingRule.position, RoutingRule.id)))


def fallback_programme() -> Programme:
    programme = db.session.scalar(select(Programme).where(Programme.slug == FALLBACK_PROGRAMME))
    if programme is None:
        programme = db.session.scalar(select(Programme).order_by(Programme.id).limit(1))
    if programme is None:
        raise NoProgramme()
    return programme


def open_ticket_counts(adviser_ids: list[int]) -> dict[int, int]:
    """Number of open tickets assigned to each of the advisers (one query)."""
    if not adviser_ids:
        return {}
    rows = db.session.execute(
        select(Ticket.assignee_id, func.count(Ticket.id))
        .where(Ticket.assignee_id.in_(adviser_ids), Ticket.status.in_(OPEN_STATUSES))
        .group_by(Ticket.assignee_id))
    counts = dict.fromkeys(adviser_ids, 0)
    counts.update((adviser_id, n) for adviser_id, n in rows)
    return counts


def least_loaded_adviser(programme: Programme):
    """The programme's active adviser with the fewest open tickets (ties: by name), or None."""
    advisers = [a for a in programme.advisers if a.is_active and a.is_adviser]
    if not advisers:
        return None
    counts = open_ticket_counts([a.id for a in advisers])
    return min(advisers, key=lambda a: (counts[a.id], a.name.casefold(), a.id))


def route(subject: str, body: str, theme_id: int | None, organisation) -> Decision:
    """Decide programme and adviser for a new ticket; raise NoProgramme on an empty install."""
    text = f"{subject}\n{body}".casefold()
    for rule in active_rules():
        reason = rule_matches(rule, text, theme_id, organisation)
        if reason is None:
            continue
        adviser = rule.adviser
        if adviser is None or not adviser.is_active or rule.programme not in adviser.programmes:
            adviser = least_loaded_adviser(rule.programme)
        note = f"Regel '{rule.name}' (nr. {rule.id}): {reason}"
        return Decision(rule.programme, adviser, rule, note[:300])
    programme = fallback_programme()
    note = f"Geen regel van toepassing; naar {programme.name}"
    return Decision(programme, least_loaded_adviser(programme), None, note[:300])
