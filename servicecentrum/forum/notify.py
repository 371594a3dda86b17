"""Follow questions, themes and tags; notify members in the site and by e-mail.

The questions code calls ``posted``, ``question_answered`` and ``answer_accepted`` once a
post is saved; each tells the notification centre (servicecentrum/notifications/centre.py),
which adds the rows and mails per the member's choice, and commits. Hidden posts never produce a notification.
"""

import re

from flask_babel import gettext as _
from sqlalchemy import String, cast, func, literal, or_, select, union_all

from ..account.export import register_export_section
from ..account.services import register_before_delete
from ..auth.models import User
from ..database import UTCDateTime
from ..extensions import db
from ..notifications.centre import NotificationRow, notify, read_notifications, unread_count  # noqa: F401
from ..notifications.digest import send_digests  # noqa: F401
from ..notifications.inbox import Follow, Notification
from .models import Answer, Question

TARGET_TYPES = ("question", "theme", "tag")
# Mentions: @"Full Name" (any member) or @local-part of the e-mail address (when unique).
QUOTED_MENTION = re.compile(r'(?<![\w.])@"([^"\n]{2,200})"')
LOCAL_MENTION = re.compile(r"(?<![\w.@])@([A-Za-z0-9][A-Za-z0-9._-]{0,63})(?![\w@])")


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


def _notify(users, kind: str, text: str, path: str, actor_id: int | None, seen: set | None = None,
            *, question_id: int) -> int:
    """Tell members about a question through the notification centre (per their choice for the kind)."""
    return notify(users, kind, text, path, actor_id=actor_id, subject=("question", question_id), seen=seen)


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
                        path, post.author_id, seen, question_id=post.id)
        followers = (_followers("theme", [t.id for t in post.themes])
                     + _followers("tag", [t.id for t in post.tags]))
        count += _notify(followers, "new_question",
                         _("Nieuwe vraag over een onderwerp dat u volgt: '%(title)s'", title=post.title),
                         path, post.author_id, seen, question_id=post.id)
    else:
        count = _notify(mentioned_members(post.body), "mention",
                        _("%(name)s noemde u in een antwoord op '%(title)s'", name=_author(post),
                          title=post.question.title),
                        question_path(post.question_id, post.id), post.author_id, seen,
                        question_id=post.question_id)
    db.session.commit()
    return count


def question_answered(answer: Answer) -> int:
    """Tell the question's followers that it has a new answer."""
    if not _visible(answer):
        return 0
    question = answer.question
    text = _("%(name)s beantwoordde de vraag '%(title)s'", name=_author(answer), title=question.title)
    count = _notify(_followers("question", [question.id]), "answer", text,
                    question_path(question.id, answer.id), answer.author_id, question_id=question.id)
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
                         path, actor_id, seen, question_id=question.id)
    count += _notify(_followers("question", [question.id]), "accepted",
                     _("De vraag '%(title)s' heeft een geaccepteerd antwoord", title=question.title),
                     path, actor_id, seen, question_id=question.id)
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
