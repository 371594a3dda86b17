"""What an audit event is about: the object's title and a link, one query per kind of object."""

from collections.abc import Callable
from dataclasses import dataclass

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from .. import policies
from ..extensions import db


@dataclass(frozen=True)
class AuditObject:
    """The object an event concerns: a title, and a link when it exists and the reader may open it."""

    kind: str
    title: str
    url: str | None = None


def _users(ids):
    from ..auth.models import User

    rows = db.session.execute(select(User.id, User.name, User.email).where(User.id.in_(ids)))
    return {i: (f"{name} ({email})", url_for("admin.user_detail", user_id=i), True)
            for i, name, email in rows}


def _organisations(ids):
    from ..organisations.models import Organisation

    rows = db.session.execute(select(Organisation.id, Organisation.name).where(Organisation.id.in_(ids)))
    return {i: (name, url_for("admin.organisation_edit", organisation_id=i), True) for i, name in rows}


def _routing_rules(ids):
    from ..helpdesk.models import RoutingRule

    rows = db.session.execute(select(RoutingRule.id, RoutingRule.name).where(RoutingRule.id.in_(ids)))
    return {i: (name, url_for("admin.routing_rule_edit", rule_id=i), True) for i, name in rows}


def _objects(model, ids, *options):
    return db.session.scalars(select(model).where(model.id.in_(ids)).options(*options)).all()


def _questions(ids, reader):
    from ..forum.models import Question

    return {q.id: (q.title, url_for("forum.question_detail", question_id=q.id),
                   policies.can_view_question(reader, q)) for q in _objects(Question, ids)}


def _answers(ids, reader):
    from ..forum.models import Answer

    return {a.id: (_("Antwoord bij “%(title)s”", title=a.question.title),
                   url_for("forum.question_detail", question_id=a.question_id) + f"#antwoord-{a.id}",
                   policies.can_view_question(reader, a.question))
            for a in _objects(Answer, ids, joinedload(Answer.question))}


def _practices(ids, reader):
    from ..library.models import Practice

    return {p.id: (p.title, url_for("library.practice_detail", practice_id=p.id),
                   policies.can_view_practice(reader, p)) for p in _objects(Practice, ids)}


def _tickets(ids, reader):
    from ..helpdesk.models import Ticket

    return {t.id: (t.subject, url_for("helpdesk.detail", ticket_id=t.id), policies.can_view_ticket(reader, t))
            for t in _objects(Ticket, ids, joinedload(Ticket.organisation))}


def _events(ids, reader):
    from ..events.models import Event

    return {e.id: (e.title, url_for("events.detail", event_id=e.id), policies.can_view_event(reader, e))
            for e in _objects(Event, ids)}


def _registrations(ids, reader):
    from ..events.models import Registration

    rows = _objects(Registration, ids, joinedload(Registration.event), joinedload(Registration.user))
    return {r.id: (_("Aanmelding van %(name)s voor “%(title)s”", name=r.user.name if r.user else "—",
                     title=r.event.title),
                   url_for("events.detail", event_id=r.event_id), policies.can_view_event(reader, r.event))
            for r in rows}


def _topic_proposals(ids, reader):
    from ..events.models import TopicProposal

    rows = db.session.execute(select(TopicProposal.id, TopicProposal.title).where(TopicProposal.id.in_(ids)))
    return {i: (title, url_for("events.topics_index"), True) for i, title in rows}


def _post_reports(ids, reader):
    from ..forum.models import PostReport

    rows = db.session.execute(select(PostReport.id).where(PostReport.id.in_(ids)))
    return {i: (_("Melding %(id)s", id=i), url_for("forum.moderation_queue"), policies.can_moderate(reader))
            for (i,) in rows}


def _sessions(ids, reader):
    from ..auth.models import User, UserSession

    rows = db.session.execute(select(UserSession.id, User.name).join(User, User.id == UserSession.user_id)
                              .where(UserSession.id.in_(ids)))
    return {i: (_("Sessie van %(name)s", name=name), None, False) for i, name in rows}


# target_type (the lower-cased class name the audit log stores) -> (Dutch kind, loader)
LOADERS: dict[str, tuple[str, Callable]] = {
    "user": (_l("gebruiker"), lambda ids, reader: _users(ids)),
    "organisation": (_l("organisatie"), lambda ids, reader: _organisations(ids)),
    "routingrule": (_l("routeringsregel"), lambda ids, reader: _routing_rules(ids)),
    "question": (_l("vraag"), _questions),
    "answer": (_l("antwoord"), _answers),
    "practice": (_l("praktijk"), _practices),
    "ticket": (_l("helpdeskvraag"), _tickets),
    "event": (_l("bijeenkomst"), _events),
    "registration": (_l("aanmelding"), _registrations),
    "topicproposal": (_l("onderwerpvoorstel"), _topic_proposals),
    "postreport": (_l("melding"), _post_reports),
    "usersession": (_l("sessie"), _sessions),
}


def kind_label(target_type: str) -> str:
    """Return the Dutch name of a kind of object ("vraag"), or the stored name."""
    entry = LOADERS.get(target_type)
    return str(entry[0]) if entry else target_type


def resolve(events, reader) -> dict[tuple[str, int], AuditObject]:
    """Return the objects the events concern, keyed by (target_type, target_id); one query per kind."""
    wanted: dict[str, set[int]] = {}
    for event in events:
        if event.target_type in LOADERS and event.target_id is not None:
            wanted.setdefault(event.target_type, set()).add(event.target_id)
    found = {}
    for target_type, ids in wanted.items():
        for target_id, (title, url, may_open) in LOADERS[target_type][1](ids, reader).items():
            found[(target_type, target_id)] = AuditObject(kind_label(target_type), title,
                                                         url if may_open else None)
    return found


def gone(target_type: str, target_id: int) -> AuditObject:
    """Describe an object that no longer exists (or of a kind we cannot look up)."""
    return AuditObject(kind_label(target_type), _("%(kind)s %(id)s (bestaat niet meer)",
                                                  kind=kind_label(target_type).capitalize(), id=target_id))


# Detail fields that hold the id of a theme, programme or member (routing rules, for instance).
REFERENCE_FIELDS = ("theme", "programme", "adviser")


def reference_names(events) -> dict[tuple[str, int], str]:
    """Return the names of the themes, programmes and advisers the details refer to by id."""
    from ..auth.models import User
    from ..taxonomy.models import Programme, Theme

    wanted: dict[str, set[int]] = {field: set() for field in REFERENCE_FIELDS}
    for event in events:
        for key, value in (event.details or {}).items():
            field = key.removesuffix("_old").removesuffix("_new")
            if field in wanted and isinstance(value, int) and not isinstance(value, bool):
                wanted[field].add(value)
    names = {}
    for field, model, column in (("theme", Theme, Theme.name), ("programme", Programme, Programme.name),
                                 ("adviser", User, User.name)):
        if wanted[field]:
            query = select(model.id, column).where(model.id.in_(wanted[field]))
            for row_id, name in db.session.execute(query):
                names[(field, row_id)] = name
    return names
