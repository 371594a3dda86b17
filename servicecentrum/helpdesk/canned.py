"""Canned replies: reusable answer texts per programme, kept by the programme's advisers."""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..auth.models import User
from ..database import utcnow
from ..extensions import db
from ..taxonomy.models import Programme
from .models import CannedReply
from .services import HelpdeskError

TITLE_MAX = 120
BODY_MAX = 20000


@dataclass
class CannedData:
    """What the adviser typed."""

    programme_id: int
    title: str
    body: str


@dataclass
class ProgrammeReplies:
    """One programme with its canned replies, for the overview."""

    programme: Programme
    replies: list[CannedReply]


def editable_programmes(user) -> list[Programme]:
    """The programmes whose canned replies the member keeps: admins all, advisers their own."""
    if user.is_admin:
        return list(db.session.scalars(select(Programme).order_by(Programme.name)))
    if user.is_adviser:
        return list(user.programmes)
    return []


def replies_by_programme(programmes: list[Programme]) -> list[ProgrammeReplies]:
    """The canned replies of these programmes, grouped by programme, by title."""
    ids = [programme.id for programme in programmes]
    found: dict[int, list[CannedReply]] = {programme_id: [] for programme_id in ids}
    if ids:
        for reply in db.session.scalars(select(CannedReply).where(CannedReply.programme_id.in_(ids))
                                        .order_by(CannedReply.title, CannedReply.id)):
            found[reply.programme_id].append(reply)
    return [ProgrammeReplies(programme, found[programme.id]) for programme in programmes]


def editor_names(replies) -> dict[int, str]:
    """Names of whoever last changed these replies, by user id (one query)."""
    ids = {reply.updated_by_id for reply in replies if reply.updated_by_id is not None}
    if not ids:
        return {}
    return dict(db.session.execute(select(User.id, User.name).where(User.id.in_(ids))).all())


def find_reply(reply_id: int) -> CannedReply | None:
    return db.session.scalar(select(CannedReply).where(CannedReply.id == reply_id)
                             .options(joinedload(CannedReply.programme)))


def _checked(data: CannedData) -> tuple[str, str]:
    title, body = (data.title or "").strip(), (data.body or "").strip()
    if not title or not body:
        raise HelpdeskError(_("Vul een titel en een tekst in."))
    if len(title) > TITLE_MAX or len(body) > BODY_MAX:
        raise HelpdeskError(_("De titel is hoogstens 120 en de tekst hoogstens 20.000 tekens lang."))
    return title, body


def create_reply(actor, programme: Programme, data: CannedData) -> CannedReply:
    """Add a canned reply to the programme (the caller checked the policy)."""
    title, body = _checked(data)
    reply = CannedReply(programme=programme, title=title, body=body, updated_by_id=actor.id,
                        updated_at=utcnow())
    db.session.add(reply)
    db.session.commit()
    return reply


def update_reply(actor, reply: CannedReply, programme: Programme, data: CannedData) -> CannedReply:
    """Change a canned reply's text, title or programme; record who and when."""
    title, body = _checked(data)
    reply.programme = programme
    reply.title, reply.body = title, body
    reply.updated_by_id = actor.id
    reply.updated_at = utcnow()
    db.session.commit()
    return reply


def delete_reply(reply: CannedReply) -> None:
    """Remove a canned reply; messages that used it keep their text."""
    db.session.delete(reply)
    db.session.commit()
