"""Find members in the directory, list their posts, and hide oneself from it."""

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from ..audit.services import record
from ..auth.models import User
from ..auth.models.user import user_expertise
from ..extensions import db
from ..forum.models import Answer, Question
from ..organisations.models import Organisation
from ..paging import Page, paginate
from ..taxonomy.models import Theme

PER_PAGE = 25
POSTS_SHOWN = 50


def list_members(viewer, filters: dict, page: int = 1) -> Page:
    """Return a page of active members by name; hidden profiles only for admins (and oneself).

    Not counted: the page says how many only when it is the last one.
    """
    query = (select(User).where(User.status == "active")
             .options(joinedload(User.organisation), selectinload(User.expertise))
             .order_by(User.name, User.id))
    if not viewer.is_admin:
        query = query.where((User.hide_from_directory.is_(False)) | (User.id == viewer.id))
    if filters.get("q"):
        query = query.where(func.lower(User.name).contains(filters["q"].lower(), autoescape=True))
    if filters.get("organisation_id"):
        query = query.where(User.organisation_id == filters["organisation_id"])
    if filters.get("region"):
        query = query.where(User.organisation.has(Organisation.region == filters["region"]))
    if filters.get("theme_id"):
        query = query.where(User.id.in_(select(user_expertise.c.user_id)
                                        .where(user_expertise.c.theme_id == filters["theme_id"])))
    return paginate(query, page, PER_PAGE)


def organisations() -> list[Organisation]:
    """Return the organisations that have active members, by name."""
    return list(db.session.scalars(select(Organisation).where(
        Organisation.members.any(User.status == "active")).order_by(Organisation.name)))


def themes() -> list[Theme]:
    """Return every theme, by name."""
    return list(db.session.scalars(select(Theme).order_by(Theme.name)))


def find_member(user_id: int) -> User | None:
    """Return the member with organisation and expertise, or None."""
    return db.session.scalar(select(User).where(User.id == user_id)
                             .options(joinedload(User.organisation), selectinload(User.expertise)))


def member_posts(member) -> tuple[list[Question], list[Answer]]:
    """Return the member's visible questions and answers (in visible questions), newest first."""
    questions = list(db.session.scalars(
        select(Question).where(Question.author_id == member.id, Question.is_hidden.is_(False))
        .order_by(Question.created_at.desc()).limit(POSTS_SHOWN)))
    answers = list(db.session.scalars(
        select(Answer).join(Answer.question)
        .where(Answer.author_id == member.id, Answer.is_hidden.is_(False), Question.is_hidden.is_(False))
        .options(joinedload(Answer.question)).order_by(Answer.created_at.desc()).limit(POSTS_SHOWN)))
    return questions, answers


def set_visibility(user, hide: bool, ip_address: str | None = None) -> None:
    """Hide the member from the directory, or show them again."""
    if user.hide_from_directory != hide:
        user.hide_from_directory = hide
        record("directory_visibility_changed", actor=user, target=user, ip_address=ip_address, hidden=hide)
    db.session.commit()
