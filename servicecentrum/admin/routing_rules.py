"""Routing rules kept by admins: list, create, change, reorder, delete, and a dry run of routing."""

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..audit.services import changed_fields, record
from ..auth.models import User
from ..extensions import db
from ..helpdesk.models import RoutingRule
from ..helpdesk.routing import Decision, NoProgramme, route
from ..organisations.models import Organisation
from ..taxonomy.models import Programme, Theme


class RoutingRuleError(Exception):
    """The rule cannot be saved as it is; the message is Dutch and may be shown."""


@dataclass
class RuleData:
    """The fields of a rule as the form delivers them, already normalised."""

    name: str
    programme_id: int
    theme_id: int | None = None
    keywords: str = ""
    region: str | None = None
    g30: bool | None = None
    adviser_id: int | None = None
    is_active: bool = True


def normalise_keywords(text: str) -> str:
    """Lower-case, trimmed, without doubles, joined by ", " (the form the router reads)."""
    words = []
    for raw in (text or "").split(","):
        word = " ".join(raw.split()).lower()
        if word and word not in words:
            words.append(word)
    return ", ".join(words)


def list_rules() -> list[RoutingRule]:
    """Every rule in the order the router tries them, with theme, programme and adviser loaded."""
    return list(db.session.scalars(
        select(RoutingRule)
        .options(selectinload(RoutingRule.theme), selectinload(RoutingRule.programme),
                 selectinload(RoutingRule.adviser))
        .order_by(RoutingRule.position, RoutingRule.id)))


def find_rule(rule_id: int) -> RoutingRule | None:
    return db.session.get(RoutingRule, rule_id)


def all_themes() -> list[Theme]:
    return list(db.session.scalars(select(Theme).order_by(Theme.name)))


def all_programmes() -> list[Programme]:
    """Every programme by name, with its advisers loaded."""
    return list(db.session.scalars(select(Programme).options(selectinload(Programme.advisers))
                                   .order_by(Programme.name)))


def all_advisers() -> list[User]:
    """Active advisers by name, with their programmes loaded."""
    return list(db.session.scalars(
        select(User).where(User.role == "adviser", User.status == "active")
        .options(selectinload(User.programmes)).order_by(User.name, User.id)))


def all_organisations() -> list[Organisation]:
    return list(db.session.scalars(select(Organisation).order_by(func.lower(Organisation.name))))


def describe_conditions(rule: RoutingRule) -> str:
    """The rule's conditions in words, for the admin's table (all of them must hold)."""
    parts = []
    if rule.theme is not None:
        parts.append(_("thema is %(theme)s", theme=rule.theme.name))
    words = rule.keyword_list
    if words:
        parts.append(ngettext("onderwerp of vraag bevat %(words)s",
                              "onderwerp of vraag bevat een van %(words)s",
                              len(words), words=", ".join(f"'{w}'" for w in words)))
    if rule.region:
        parts.append(_("organisatie ligt in %(region)s", region=rule.region))
    if rule.g30 is True:
        parts.append(_("organisatie is een G30-gemeente"))
    elif rule.g30 is False:
        parts.append(_("organisatie is geen G30-gemeente"))
    if not parts:
        return _("Elke vraag")
    text = "; ".join(parts)
    return text[0].upper() + text[1:]


def _check(data: RuleData) -> None:
    programme = db.session.get(Programme, data.programme_id)
    if programme is None:
        raise RoutingRuleError(_("Kies een programma."))
    if data.adviser_id is not None:
        adviser = db.session.get(User, data.adviser_id)
        if adviser is None or not adviser.is_adviser or programme not in adviser.programmes:
            raise RoutingRuleError(_("Deze adviseur hoort niet bij het programma %(name)s. Kies een adviseur "
                                     "van dat programma, of laat het veld leeg.", name=programme.name))


def _snapshot(rule: RoutingRule) -> dict:
    """The rule's fields for the audit log."""
    return {"name": rule.name, "theme": rule.theme_id, "keywords": rule.keywords, "region": rule.region,
            "g30": rule.g30, "programme": rule.programme_id, "adviser": rule.adviser_id,
            "active": rule.is_active}


def _apply(rule: RoutingRule, data: RuleData) -> None:
    rule.name = " ".join(data.name.split())
    rule.theme_id = data.theme_id
    rule.keywords = normalise_keywords(data.keywords)
    rule.region = data.region or None
    rule.g30 = data.g30
    rule.programme_id = data.programme_id
    rule.adviser_id = data.adviser_id
    rule.is_active = data.is_active


def create_rule(actor, data: RuleData, ip_address: str | None = None) -> RoutingRule:
    """Add a rule at the end of the list; raise RoutingRuleError on a wrong adviser."""
    _check(data)
    last = db.session.scalar(select(func.max(RoutingRule.position)))
    rule = RoutingRule(position=(last or 0) + 1)
    _apply(rule, data)
    db.session.add(rule)
    db.session.flush()
    record("routing_rule_created", actor=actor, target=rule, ip_address=ip_address, **_snapshot(rule))
    db.session.commit()
    return rule


def update_rule(actor, rule: RoutingRule, data: RuleData, ip_address: str | None = None) -> bool:
    """Change a rule; return False when nothing changed."""
    _check(data)
    before = _snapshot(rule)
    _apply(rule, data)
    after = _snapshot(rule)
    changes = changed_fields(before, after)
    if not changes:
        db.session.rollback()
        return False
    record("routing_rule_updated", actor=actor, target=rule, ip_address=ip_address, name=rule.name, **changes)
    db.session.commit()
    return True


def _renumber(rules: list[RoutingRule]) -> None:
    for number, rule in enumerate(rules, start=1):
        if rule.position != number:
            rule.position = number


def delete_rule(actor, rule: RoutingRule, ip_address: str | None = None) -> None:
    """Remove a rule; tickets it routed keep their routing note."""
    record("routing_rule_deleted", actor=actor, target=rule, ip_address=ip_address, **_snapshot(rule))
    db.session.delete(rule)
    db.session.flush()
    _renumber(list_rules())
    db.session.commit()


def move_rule(actor, rule: RoutingRule, direction: str, ip_address: str | None = None) -> bool:
    """Move a rule one place up or down; return False when it is already first or last."""
    rules = list_rules()
    index = rules.index(rule)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(rules):
        return False
    rules[index], rules[other] = rules[other], rules[index]
    _renumber(rules)
    record("routing_rule_moved", actor=actor, target=rule, ip_address=ip_address, name=rule.name,
           position_old=index + 1, position_new=other + 1)
    db.session.commit()
    return True


def dry_run(subject: str, body: str, theme_id: int | None, organisation_id: int | None) -> Decision | None:
    """Where a ticket with this text would go, without saving anything; None on an empty install."""
    organisation = db.session.get(Organisation, organisation_id) if organisation_id else None
    try:
        return route(subject or "", body or "", theme_id, organisation)
    except NoProgramme:
        return None
