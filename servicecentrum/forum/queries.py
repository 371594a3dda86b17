"""Read-only queries of the peer questions: the list, a thread, votes and revisions."""

from dataclasses import dataclass

from sqlalchemy import exists, func, select
from sqlalchemy.orm import joinedload, selectinload

from .. import caching
from ..extensions import db
from ..notifications.inbox import Follow
from ..organisations.models import Organisation
from ..paging import Page, paginate
from ..taxonomy.models import Theme
from .models import Answer, AnswerVote, PostAttachment, PostRevision, Question, Tag

PER_PAGE = 20


def list_questions(user, filters: dict, page: int = 1, per_page: int = PER_PAGE) -> Page:
    """Return one page of the questions the member may see, filtered and sorted (not counted)."""
    statement = select(Question).options(
        joinedload(Question.author), joinedload(Question.organisation),
        selectinload(Question.themes), selectinload(Question.tags))
    if not user.is_staff:
        statement = statement.where(Question.is_hidden.is_(False))
    if filters.get("theme"):
        statement = statement.where(Question.themes.any(Theme.slug == filters["theme"]))
    if filters.get("tag"):
        statement = statement.where(Question.tags.any(Tag.name == filters["tag"]))
    if filters.get("organisation_id"):
        statement = statement.where(Question.organisation_id == filters["organisation_id"])
    if filters.get("unanswered"):
        statement = statement.where(Question.answer_count == 0)
    if filters.get("mine"):
        statement = statement.where(Question.author_id == user.id)
    if filters.get("followed"):
        statement = statement.where(_followed_by(user))
    sort = filters.get("sort", "newest")
    if sort == "activity":
        statement = statement.order_by(Question.last_activity_at.desc(), Question.id.desc())
    elif sort == "useful":
        useful = (select(func.coalesce(func.sum(Answer.useful_count), 0))
                  .where(Answer.question_id == Question.id, Answer.is_hidden.is_(False))
                  .correlate(Question).scalar_subquery())
        statement = statement.order_by(Question.has_accepted_answer.desc(), useful.desc(),
                                       Question.id.desc())
    else:
        statement = statement.order_by(Question.created_at.desc(), Question.id.desc())
    return paginate(statement, page, per_page)


def _followed_by(user):
    """Questions the member follows, or whose theme or tag the member follows."""
    def followed(target_type: str):
        return select(Follow.target_id).where(Follow.user_id == user.id, Follow.target_type == target_type)

    return (Question.id.in_(followed("question"))
            | Question.themes.any(Theme.id.in_(followed("theme")))
            | Question.tags.any(Tag.id.in_(followed("tag"))))


def themes() -> list:
    """Return every theme by name (the kept list: the same for every member, for filters and forms)."""
    return list(caching.themes())


def themes_by_ids(ids) -> list[Theme]:
    """Return the themes with these ids."""
    ids = list(ids or [])
    return list(db.session.scalars(select(Theme).where(Theme.id.in_(ids)))) if ids else []


def organisations_with_questions() -> list[Organisation]:
    """Return the organisations that asked at least one question, by name."""
    asked = select(Question.organisation_id).where(Question.organisation_id.is_not(None))
    return list(db.session.scalars(select(Organisation).where(Organisation.id.in_(asked))
                                   .order_by(Organisation.name)))


def tags_named(names: list[str]) -> dict[str, Tag]:
    """Return the existing tags among these names, by name."""
    if not names:
        return {}
    return {tag.name: tag for tag in db.session.scalars(select(Tag).where(Tag.name.in_(names)))}


def find_question(question_id: int) -> Question | None:
    """Return the question with its author, themes and tags loaded."""
    return db.session.scalar(select(Question).where(Question.id == question_id).options(
        joinedload(Question.author), selectinload(Question.themes), selectinload(Question.tags)))


def find_answer(answer_id: int) -> Answer | None:
    """Return the answer with its question loaded."""
    return db.session.scalar(select(Answer).where(Answer.id == answer_id)
                             .options(joinedload(Answer.question)))


def thread_answers(user, question: Question) -> list[Answer]:
    """Return the answers the member may see: accepted first, then most useful, then oldest."""
    statement = (select(Answer).where(Answer.question_id == question.id)
                 .options(joinedload(Answer.author))
                 .order_by(Answer.is_accepted.desc(), Answer.useful_count.desc(), Answer.created_at,
                           Answer.id))
    if not user.is_staff:
        statement = statement.where(Answer.is_hidden.is_(False))
    return list(db.session.scalars(statement))


@dataclass
class Thread:
    """What a question's page shows below the question: answers, the member's votes, every file."""

    answers: list[Answer]
    voted: set[int]  # the answers the member called "nuttig"
    files: dict[str, dict[int, list[PostAttachment]]]  # by post type, then post id


def thread(user, question: Question) -> Thread:
    """Return the thread as the member may see it, in two queries however many answers it has."""
    voted = (exists().where(AnswerVote.user_id == user.id, AnswerVote.answer_id == Answer.id)
             .correlate(Answer))
    visible = [Answer.question_id == question.id]
    if not user.is_staff:
        visible.append(Answer.is_hidden.is_(False))
    rows = db.session.execute(
        select(Answer, voted).where(*visible).options(joinedload(Answer.author))
        .order_by(Answer.is_accepted.desc(), Answer.useful_count.desc(), Answer.created_at, Answer.id)).all()
    files: dict[str, dict[int, list[PostAttachment]]] = {"question": {}, "answer": {}}
    of_question = (PostAttachment.post_type == "question") & (PostAttachment.post_id == question.id)
    of_answers = ((PostAttachment.post_type == "answer")
                  & PostAttachment.post_id.in_(select(Answer.id).where(*visible)))
    for attachment in db.session.scalars(select(PostAttachment).where(of_question | of_answers)
                                         .order_by(PostAttachment.id)):
        files[attachment.post_type].setdefault(attachment.post_id, []).append(attachment)
    return Thread(answers=[answer for answer, _ in rows], voted={answer.id for answer, mine in rows if mine},
                  files=files)


def find_vote(user, answer: Answer) -> AnswerVote | None:
    """Return the member's vote on the answer, if any."""
    return db.session.scalar(select(AnswerVote).where(AnswerVote.user_id == user.id,
                                                      AnswerVote.answer_id == answer.id))


def attachments_of(post_type: str, post_ids: list[int]) -> dict[int, list[PostAttachment]]:
    """Return the attachments of these posts, by post id, in upload order."""
    found: dict[int, list[PostAttachment]] = {}
    if not post_ids:
        return found
    for attachment in db.session.scalars(select(PostAttachment).where(
            PostAttachment.post_type == post_type, PostAttachment.post_id.in_(post_ids))
            .order_by(PostAttachment.id)):
        found.setdefault(attachment.post_id, []).append(attachment)
    return found


def find_attachment(attachment_id: int) -> PostAttachment | None:
    """Return the attachment with this id."""
    return db.session.get(PostAttachment, attachment_id)


def revisions_of(question: Question, answer_ids: list[int]) -> list[PostRevision]:
    """Return the revisions of the question and of these answers, newest first."""
    question_revs = (PostRevision.post_type == "question") & (PostRevision.post_id == question.id)
    answer_revs = (PostRevision.post_type == "answer") & PostRevision.post_id.in_(answer_ids or [-1])
    return list(db.session.scalars(select(PostRevision).where(question_revs | answer_revs)
                                   .order_by(PostRevision.created_at.desc(), PostRevision.id.desc())))
