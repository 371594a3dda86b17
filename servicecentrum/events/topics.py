"""Topic wishes: members propose topics for future events and support each other's proposals.

One vote each: a support is a row keyed by (proposal, member), so a double submit meets the
primary key and changes nothing. ``support_count`` is kept beside it by conditional UPDATEs
in the same transaction (never read-modify-write), so concurrent votes never get lost.
Staff close a proposal or plan it as an existing event; then the proposer and every
supporter get an e-mail with the event's link, once (the status change is conditional too).
"""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import and_, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from ..audit.services import record
from ..auth.models import User
from ..database import utcnow
from ..extensions import db
from ..notifications.services import queue_mail
from ..taxonomy.models import Theme
from ..urls import absolute_url
from .mails import local_text
from .models import Event, TopicProposal, TopicSupport

TITLE_MIN, TITLE_MAX, DESCRIPTION_MAX = 10, 200, 2000
PLANNED_SHOWN = 20  # the most recently planned proposals shown under the open ones


class TopicError(Exception):
    """A topic rule was broken; the message is Dutch and may be shown."""


@dataclass(frozen=True)
class ProposalData:
    title: str
    description: str = ""
    theme_id: int | None = None


@dataclass(frozen=True)
class ProposalRow:
    """An open proposal as the list shows it, with the member's own support."""

    proposal: TopicProposal
    supported: bool


def find_proposal(proposal_id: int) -> TopicProposal | None:
    return db.session.get(TopicProposal, proposal_id)


def list_themes() -> list[Theme]:
    return list(db.session.scalars(select(Theme).order_by(Theme.name)))


def open_proposals(user) -> list[ProposalRow]:
    """Open proposals, most supported first, then oldest first; one query for any number."""
    mine = and_(TopicSupport.proposal_id == TopicProposal.id, TopicSupport.user_id == user.id)
    rows = db.session.execute(
        select(TopicProposal, TopicSupport.user_id).outerjoin(TopicSupport, mine)
        .where(TopicProposal.status == "open")
        .options(joinedload(TopicProposal.proposer), joinedload(TopicProposal.theme))
        .order_by(TopicProposal.support_count.desc(), TopicProposal.created_at, TopicProposal.id))
    return [ProposalRow(proposal, supporter is not None) for proposal, supporter in rows]


def planned_proposals(limit: int = PLANNED_SHOWN) -> list[TopicProposal]:
    """The proposals most recently turned into an event, with their event."""
    return list(db.session.scalars(
        select(TopicProposal).where(TopicProposal.status == "planned")
        .options(joinedload(TopicProposal.event), joinedload(TopicProposal.theme))
        .order_by(TopicProposal.id.desc()).limit(limit)))


def upcoming_events(now: datetime | None = None) -> list[Event]:
    """Published events still to come: the ones a proposal can be planned as."""
    now = now or utcnow()
    return list(db.session.scalars(select(Event).where(Event.status == "published", Event.starts_at > now)
                                   .order_by(Event.starts_at, Event.id)))


def propose(user, data: ProposalData, now: datetime | None = None) -> TopicProposal:
    """Store a new proposal (open, no support yet). Commits."""
    title, description = " ".join((data.title or "").split()), (data.description or "").strip()
    if not TITLE_MIN <= len(title) <= TITLE_MAX:
        raise TopicError(_("De titel is 10 tot 200 tekens lang."))
    if len(description) > DESCRIPTION_MAX:
        raise TopicError(_("De toelichting is hoogstens 2000 tekens lang."))
    if data.theme_id is not None and db.session.get(Theme, data.theme_id) is None:
        raise TopicError(_("Kies een thema uit de lijst."))
    proposal = TopicProposal(title=title, description=description, theme_id=data.theme_id,
                             proposer_id=user.id, status="open", support_count=0,
                             created_at=now or utcnow())
    db.session.add(proposal)
    db.session.commit()
    return proposal


def _add_support(proposal_id: int, user_id: int, now: datetime) -> bool:
    try:
        with db.session.begin_nested():
            db.session.add(TopicSupport(proposal_id=proposal_id, user_id=user_id, created_at=now))
    except IntegrityError:  # already supported (a double submit): count nothing
        return False
    db.session.execute(update(TopicProposal).where(TopicProposal.id == proposal_id)
                       .values(support_count=TopicProposal.support_count + 1)
                       .execution_options(synchronize_session=False))
    return True


def _drop_support(proposal_id: int, user_id: int) -> bool:
    removed = db.session.execute(delete(TopicSupport).where(
        TopicSupport.proposal_id == proposal_id, TopicSupport.user_id == user_id)).rowcount == 1
    if removed:
        db.session.execute(update(TopicProposal)
                           .where(TopicProposal.id == proposal_id, TopicProposal.support_count > 0)
                           .values(support_count=TopicProposal.support_count - 1)
                           .execution_options(synchronize_session=False))
    return removed


def set_support(proposal: TopicProposal, user, wanted: bool, now: datetime | None = None) -> bool:
    """Support the proposal or take the support back; return whether anything changed. Commits.

    The wish is explicit (not a toggle), so a double-clicked button changes things once.
    """
    if proposal.proposer_id == user.id:
        raise TopicError(_("U kunt uw eigen voorstel niet steunen."))
    if proposal.status != "open":
        raise TopicError(_("Dit voorstel staat niet meer open voor steun."))
    proposal_id, user_id = proposal.id, user.id
    if wanted:
        changed = _add_support(proposal_id, user_id, now or utcnow())
    else:
        changed = _drop_support(proposal_id, user_id)
    db.session.commit()
    db.session.refresh(proposal)
    return changed


def supports_of(user, proposal_ids) -> set[int]:
    """Which of these proposals the member supports (one query)."""
    if not proposal_ids:
        return set()
    return set(db.session.scalars(select(TopicSupport.proposal_id).where(
        TopicSupport.user_id == user.id, TopicSupport.proposal_id.in_(list(proposal_ids)))))


def close_proposal(proposal: TopicProposal, actor, ip_address: str | None = None) -> None:
    """Staff close an open proposal (no event will come of it). Commits."""
    closed = db.session.execute(update(TopicProposal)
                                .where(TopicProposal.id == proposal.id, TopicProposal.status == "open")
                                .values(status="closed").execution_options(synchronize_session=False))
    if closed.rowcount != 1:
        db.session.rollback()
        raise TopicError(_("Dit voorstel is al gesloten of ingepland."))
    record("topic_closed", actor=actor, target=proposal, ip_address=ip_address)
    db.session.commit()
    db.session.refresh(proposal)


def _recipients(proposal_id: int, proposer_id: int | None) -> list[User]:
    supporters = select(TopicSupport.user_id).where(TopicSupport.proposal_id == proposal_id)
    who = User.id.in_(supporters) | (User.id == proposer_id) if proposer_id else User.id.in_(supporters)
    return [u for u in db.session.scalars(select(User).where(who).order_by(User.id)) if u.is_active]


def plan_proposal(proposal: TopicProposal, event: Event, actor, ip_address: str | None = None) -> int:
    """Link the proposal to an event and tell its proposer and supporters; return how many. Commits.

    :raises TopicError: already planned (a double submit plans once and mails once), or the
        event is not a published event still to come.
    """
    if event.status != "published" or event.starts_at <= utcnow():
        raise TopicError(_("Kies een gepubliceerde bijeenkomst die nog moet komen."))
    planned = db.session.execute(update(TopicProposal)
                                 .where(TopicProposal.id == proposal.id, TopicProposal.status != "planned")
                                 .values(status="planned", event_id=event.id)
                                 .execution_options(synchronize_session=False))
    if planned.rowcount != 1:
        db.session.rollback()
        raise TopicError(_("Dit voorstel is al ingepland."))
    db.session.refresh(proposal)
    url, starts = absolute_url("events.detail", event_id=event.id), local_text(event.starts_at)
    recipients = _recipients(proposal.id, proposal.proposer_id)
    for user in recipients:
        queue_mail(user.email, _("Uw onderwerp komt aan bod: %(title)s", title=event.title),
                   "events_topic_planned", recipient=user, proposal=proposal, event=event,
                   starts=starts, url=url, is_proposer=user.id == proposal.proposer_id)
    record("topic_planned", actor=actor, target=proposal, ip_address=ip_address, event_id=event.id,
           told=len(recipients))
    db.session.commit()
    return len(recipients)


def support_total(proposal_id: int) -> int:
    """The number of support rows (to check support_count against)."""
    return db.session.scalar(select(func.count()).select_from(TopicSupport)
                             .where(TopicSupport.proposal_id == proposal_id))
