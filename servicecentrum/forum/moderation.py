"""Reports and moderation: members report posts; advisers hide, restore, lock and move them."""

from dataclasses import dataclass

from sqlalchemy import select

from ..audit.services import record
from ..auth.models import User
from ..database import utcnow
from ..extensions import db
from ..search.outbox import enqueue
from ..taxonomy.models import Theme
from . import notify
from .models import Answer, PostReport, Question

POST_TYPES = {"question": Question, "answer": Answer}
PER_PAGE = 25


@dataclass(frozen=True)
class QueueRow:
    """An open report with the post it is about and the member who made it."""

    report: PostReport
    post: Question | Answer | None
    reporter: User | None


def find_post(post_type: str, post_id: int):
    """Return the question or answer, or None when the type or id is unknown."""
    model = POST_TYPES.get(post_type)
    return db.session.get(model, post_id) if model else None


def find_question(question_id: int) -> Question | None:
    """Return the question or None."""
    return db.session.get(Question, question_id)


def find_report(report_id: int) -> PostReport | None:
    """Return the report or None."""
    return db.session.get(PostReport, report_id)


def post_type_of(post) -> str:
    """Return "question" or "answer"."""
    return "question" if isinstance(post, Question) else "answer"


def question_of(post) -> Question:
    """Return the question of a post (itself for a question)."""
    return post if isinstance(post, Question) else post.question


def report_post(actor, post, reason: str, ip_address: str | None = None) -> PostReport:
    """Store a member's report of a post for the advisers' queue."""
    report = PostReport(post_type=post_type_of(post), post_id=post.id, reporter_id=actor.id,
                        reason=reason.strip())
    db.session.add(report)
    db.session.flush()
    record("post_reported", actor=actor, target=post, ip_address=ip_address, report_id=report.id)
    db.session.commit()
    return report


def open_reports(page: int = 1):
    """Return a page of open reports, newest first, with their posts and reporters (fixed queries)."""
    result = db.paginate(select(PostReport).where(PostReport.resolved_at.is_(None))
                         .order_by(PostReport.created_at.desc(), PostReport.id.desc()),
                         page=page, per_page=PER_PAGE, error_out=False)
    reports = list(result.items)
    posts = {}
    for post_type, model in POST_TYPES.items():
        ids = {r.post_id for r in reports if r.post_type == post_type}
        if ids:
            found = db.session.scalars(select(model).where(model.id.in_(ids)))
            posts.update({(post_type, p.id): p for p in found})
    answer_questions = {p.question_id for (t, _), p in posts.items() if t == "answer"}
    if answer_questions:  # load the answers' questions in one go (identity map)
        list(db.session.scalars(select(Question).where(Question.id.in_(answer_questions))))
    reporter_ids = {r.reporter_id for r in reports if r.reporter_id}
    reporters = ({u.id: u for u in db.session.scalars(select(User).where(User.id.in_(reporter_ids)))}
                 if reporter_ids else {})
    rows = [QueueRow(r, posts.get((r.post_type, r.post_id)), reporters.get(r.reporter_id)) for r in reports]
    return result, rows


def reports_about(post) -> list[PostReport]:
    """Return the open reports about a post, newest first."""
    return list(db.session.scalars(select(PostReport).where(
        PostReport.post_type == post_type_of(post), PostReport.post_id == post.id,
        PostReport.resolved_at.is_(None)).order_by(PostReport.created_at.desc())))


def _resolve(actor, post, resolution: str) -> int:
    now = utcnow()
    reports = reports_about(post)
    for report in reports:
        report.resolved_at = now
        report.resolved_by_id = actor.id
        report.resolution = resolution
    return len(reports)


def _reindex(post) -> None:
    if isinstance(post, Question):
        enqueue("question", post.id)
        for answer in post.answers:
            enqueue("answer", answer.id)
    else:
        enqueue("answer", post.id)


def _recount(question: Question) -> None:
    visible = [a for a in question.answers if not a.is_hidden]
    question.answer_count = len(visible)
    question.has_accepted_answer = any(a.is_accepted for a in visible)


def hide_post(actor, post, reason: str, ip_address: str | None = None) -> None:
    """Hide a post everywhere (pages, search, e-mail), resolving its reports."""
    post.is_hidden = True
    post.hidden_reason = reason.strip()[:300]
    if isinstance(post, Answer):
        _recount(post.question)
    notify.forget_post(post)
    _reindex(post)
    resolved = _resolve(actor, post, "hidden")
    record(f"{post_type_of(post)}_hidden", actor=actor, target=post, ip_address=ip_address,
           reason=post.hidden_reason, reports_resolved=resolved)
    db.session.commit()


def restore_post(actor, post, reason: str, ip_address: str | None = None) -> None:
    """Show a hidden post again, resolving its reports."""
    post.is_hidden = False
    post.hidden_reason = None
    if isinstance(post, Answer):
        _recount(post.question)
    _reindex(post)
    resolved = _resolve(actor, post, "restored")
    record(f"{post_type_of(post)}_restored", actor=actor, target=post, ip_address=ip_address,
           reason=reason.strip()[:300], reports_resolved=resolved)
    db.session.commit()


def set_locked(actor, question: Question, locked: bool, ip_address: str | None = None) -> None:
    """Lock a question against new answers, or open it again."""
    question.is_locked = locked
    resolved = _resolve(actor, question, "locked" if locked else "unlocked")
    record("question_locked" if locked else "question_unlocked", actor=actor, target=question,
           ip_address=ip_address, reports_resolved=resolved)
    db.session.commit()


def themes() -> list[Theme]:
    """Return every theme, by name."""
    return list(db.session.scalars(select(Theme).order_by(Theme.name)))


def move_question(actor, question: Question, theme_ids: list[int], ip_address: str | None = None) -> None:
    """Give a question other themes."""
    before = [t.name for t in question.themes]
    chosen = db.session.scalars(select(Theme).where(Theme.id.in_(theme_ids))) if theme_ids else []
    question.themes = list(chosen)
    enqueue("question", question.id)
    resolved = _resolve(actor, question, "moved")
    record("question_moved", actor=actor, target=question, ip_address=ip_address,
           themes_before=before, themes_after=[t.name for t in question.themes], reports_resolved=resolved)
    db.session.commit()


def dismiss_report(actor, report: PostReport, ip_address: str | None = None) -> None:
    """Close a report without changing the post."""
    report.resolved_at = utcnow()
    report.resolved_by_id = actor.id
    report.resolution = "dismissed"
    record("post_report_dismissed", actor=actor, target=report, ip_address=ip_address,
           post_type=report.post_type, post_id=report.post_id)
    db.session.commit()
