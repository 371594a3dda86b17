"""Follow questions, themes and tags; notify members in the site and by e-mail.

The questions code calls ``posted``, ``question_answered`` and ``answer_accepted`` once a
post is saved; each adds Notification rows (and, for members who want mail immediately, an
outbox mail) and commits. Hidden posts never produce a notification.
"""

import re
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import String, cast, func, literal, or_, select, union_all, update

from ..account.export import register_export_section
from ..account.services import register_before_delete
from ..auth.models import User
from ..database import UTCDateTime, utcnow
from ..extensions import db
from ..notifications.inbox import Follow, Notification
from ..notifications.services import queue_mail
from ..urls import absolute_url
from .models import Answer, Question

TARGET_TYPES = ("question", "theme", "tag")
# Mentions: @"Full Name" (any member) or @local-part of the e-mail address (when unique).
QUOTED_MENTION = re.compile(r'(?<![\w.])@"([^"\n]{2,200})"')
LOCAL_MENTION = re.compile(r"(?<![\w.@])@([A-Za-z0-9][A-Za-z0-9._-]{0,63})(?![\w@])")
PAGE_SIZE = 25


def question_path(question_id: int, answer_id: int | None = None) -> str:
    """Return the site path of a question (with the answer's anchor)."""
    path = f"/vragen/{question_id}"
    return f"{path}#antwoord-{answer_id}" if answer_id else path


def is_following(user, target_type: str, target_id: int) -> bool:
    """Tell whether the member follows the question, theme or tag."""
    return db.session.scalar(select(Follow.id).where(
        Follow.user_id == user.id, Follow.target_type == target_type,
        Follow.target_id == target_id)) is not None


def follow(user, target_type: str, target_id: int) -> None:
    """Follow a target (no commit; nothing happens when already following)."""
    if target_type not in TARGET_TYPES:
        raise ValueError(target_type)
    if not is_following(user, target_type, target_id):
        db.session.add(Follow(user_id=user.id, target_type=target_type, target_id=target_id))
        db.session.flush()


def toggle_follow(user, target_type: str, target_id: int) -> bool:
    """Follow or stop following a target; return whether the member follows it now."""
    existing = db.session.scalar(select(Follow).where(
        Follow.user_id == user.id, Follow.target_type == target_type,
        Follow.target_id == target_id))
    if existing is None:
        follow(user, target_type, target_id)
    else:
        db.session.delete(existing)
    db.session.commit()
    return existing is None


def _followers(target_type: str, target_ids) -> list[User]:
    ids = list(target_ids)
    if not ids:
        return []
    return list(db.session.scalars(
        select(User).join(Follow, Follow.user_id == User.id)
        .where(Follow.target_type == target_type, Follow.target_id.in_(ids))
        .order_by(User.id).distinct()))


def mentioned_members(text: str) -> list[User]:
    """Return the active members a text mentions with @"Full Name" or @local-part."""
    found: dict[int, User] = {}
    names = {m.strip().lower() for m in QUOTED_MENTION.findall(text or "")}
    if names:
        for user in db.session.scalars(select(User).where(
                User.status == "active", func.lower(User.name).in_(names))):
            found[user.id] = user
    for local in {m.rstrip(".").lower() for m in LOCAL_MENTION.findall(text or "")}:
        matches = list(db.session.scalars(select(User).where(
            User.status == "active", func.lower(User.email).startswith(local + "@", autoescape=True))
            .limit(2)))
        if len(matches) == 1:  # an ambiguous local part notifies nobody
            found[matches[0].id] = matches[0]
    return list(found.values())


def _visible(post) -> bool:
    question = post if isinstance(post, Question) else post.question
    return not post.is_hidden and not question.is_hidden


def _notify(users, kind: str, text: str, path: str, actor_id: int | None, seen: set | None = None) -> int:
    """Add a notification for every active member except the actor; mail the impatient ones."""
    seen = set() if seen is None else seen
    now = utcnow()
    count = 0
    for user in users:
        if user.id == actor_id or user.id in seen or user.status != "active":
            continue
        seen.add(user.id)
        note = Notification(user_id=user.id, kind=kind, text=text[:300], url=path, created_at=now)
        if user.notify_frequency == "immediately":
            queue_mail(user.email, _("Servicecentrum: %(text)s", text=text[:120]), "forum_notification",
                       user=user, text=text, url=_absolute(path))
            note.mailed_at = now
        db.session.add(note)
        count += 1
    return count


def _absolute(path: str) -> str:
    return absolute_url("main.landing").rstrip("/") + path


def posted(post) -> int:
    """React to a new question or answer: the asker follows, followers and mentions hear of it."""
    if not _visible(post):
        return 0
    seen: set[int] = set()
    if isinstance(post, Question):
        path = question_path(post.id)
        if post.author_id:
            follow(post.author, "question", post.id)
        count = _notify(mentioned_members(f"{post.title}\n{post.body}"), "mention",
                        _("%(name)s noemde u in de vraag '%(title)s'", name=_author(post), title=post.title),
                        path, post.author_id, seen)
        followers = (_followers("theme", [t.id for t in post.themes])
                     + _followers("tag", [t.id for t in post.tags]))
        count += _notify(followers, "new_question",
                         _("Nieuwe vraag over een onderwerp dat u volgt: '%(title)s'", title=post.title),
                         path, post.author_id, seen)
    else:
        count = _notify(mentioned_members(post.body), "mention",
                        _("%(name)s noemde u in een antwoord op '%(title)s'", name=_author(post),
                          title=post.question.title),
                        question_path(post.question_id, post.id), post.author_id, seen)
    db.session.commit()
    return count


def question_answered(answer: Answer) -> int:
    """Tell the question's followers that it has a new answer."""
    if not _visible(answer):
        return 0
    question = answer.question
    text = _("%(name)s beantwoordde de vraag '%(title)s'", name=_author(answer), title=question.title)
    count = _notify(_followers("question", [question.id]), "answer", text,
                    question_path(question.id, answer.id), answer.author_id)
    db.session.commit()
    return count


def answer_accepted(answer: Answer, actor=None) -> int:
    """Tell the answer's author and the question's followers that an answer was accepted."""
    if not _visible(answer):
        return 0
    question = answer.question
    actor_id = actor.id if actor is not None else question.author_id
    path = question_path(question.id, answer.id)
    seen: set[int] = set()
    count = 0
    if answer.author is not None:
        count += _notify([answer.author], "accepted",
                         _("Uw antwoord op '%(title)s' is gekozen als beste antwoord", title=question.title),
                         path, actor_id, seen)
    count += _notify(_followers("question", [question.id]), "accepted",
                     _("De vraag '%(title)s' heeft een geaccepteerd antwoord", title=question.title),
                     path, actor_id, seen)
    db.session.commit()
    return count


def _author(post) -> str:
    return post.author.name if post.author is not None else _("voormalig lid")


def forget_post(post) -> None:
    """Drop notifications about a post that are not mailed yet (when it is hidden; no commit)."""
    question_id = post.id if isinstance(post, Question) else post.question_id
    base = question_path(question_id)
    if isinstance(post, Question):
        where = or_(Notification.url == base, Notification.url.startswith(base + "#", autoescape=True))
    else:
        where = Notification.url == question_path(question_id, post.id)
    db.session.execute(Notification.__table__.delete().where(where, Notification.mailed_at.is_(None)))


def unread_count(user) -> int:
    """Count the member's unread notifications (for the header; 0 for visitors)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return db.session.scalar(select(func.count(Notification.id)).where(
        Notification.user_id == user.id, Notification.read_at.is_(None))) or 0


@dataclass(frozen=True)
class NotificationRow:
    """A notification as the list shows it."""

    text: str
    url: str
    created_at: object
    is_new: bool


def read_notifications(user, page: int = 1):
    """Return a page of the member's notifications, newest first, and mark them read (commits)."""
    result = db.paginate(select(Notification).where(Notification.user_id == user.id)
                         .order_by(Notification.created_at.desc(), Notification.id.desc()),
                         page=page, per_page=PAGE_SIZE, error_out=False)
    rows = [NotificationRow(n.text, n.url, n.created_at, n.read_at is None) for n in result.items]
    unread = [n.id for n in result.items if n.read_at is None]
    if unread:
        db.session.execute(update(Notification).where(Notification.id.in_(unread)).values(read_at=utcnow()))
    db.session.commit()
    return result, rows


def send_digests(frequency: str) -> int:
    """Mail each member with this frequency one digest of their unmailed notifications (commits)."""
    if frequency not in ("daily", "weekly"):
        raise ValueError(frequency)
    notes = list(db.session.scalars(
        select(Notification).join(User, User.id == Notification.user_id)
        .where(User.notify_frequency == frequency, User.status == "active", Notification.mailed_at.is_(None))
        .order_by(Notification.user_id, Notification.created_at, Notification.id)))
    by_user: dict[int, list[Notification]] = {}
    for note in notes:
        by_user.setdefault(note.user_id, []).append(note)
    found = db.session.scalars(select(User).where(User.id.in_(list(by_user)))) if by_user else []
    users = {u.id: u for u in found}
    now = utcnow()
    for user_id, items in by_user.items():
        user = users[user_id]
        subject = (_("Servicecentrum: uw dagelijkse overzicht") if frequency == "daily"
                   else _("Servicecentrum: uw wekelijkse overzicht"))
        queue_mail(user.email, subject, "forum_digest", user=user,
                   items=[(n.text, _absolute(n.url)) for n in items], frequency=frequency)
        for note in items:
            note.mailed_at = now
    db.session.commit()
    return len(by_user)


def find_target(target_type: str, target_id: int):
    """Return the question, theme or tag to follow, or None."""
    from ..taxonomy.models import Theme
    from .models import Tag

    model = {"question": Question, "theme": Theme, "tag": Tag}[target_type]
    return db.session.get(model, target_id)


def follows_section(user) -> dict:
    """Return the member's follows and notifications for their data export (one query)."""
    rows = db.session.execute(union_all(
        select(literal("follow").label("row"), Follow.target_type.label("a"),
               cast(Follow.target_id, String).label("b"), Follow.created_at.label("at"),
               literal(None, UTCDateTime).label("read_at")).where(Follow.user_id == user.id),
        select(literal("notification"), Notification.text, Notification.url, Notification.created_at,
               Notification.read_at).where(Notification.user_id == user.id)).order_by("at")).all()
    return {"follows": [{"type": r.a, "id": int(r.b), "since": r.at} for r in rows if r.row == "follow"],
            "notifications": [{"text": r.a, "url": r.b, "created_at": r.at, "read": r.read_at is not None}
                              for r in rows if r.row == "notification"]}


def forget_member(user) -> None:
    """Remove the member's follows and notifications when their account is deleted (no commit)."""
    db.session.execute(Follow.__table__.delete().where(Follow.user_id == user.id))
    db.session.execute(Notification.__table__.delete().where(Notification.user_id == user.id))


register_export_section("follows", follows_section)
register_before_delete(forget_member)
