"""Use cases of the library: propose and edit practices, and rate them."""

from dataclasses import dataclass, field

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from ..database import utcnow
from ..extensions import db
from ..organisations.models import Organisation
from ..policies import can_review_practices
from ..search.outbox import enqueue
from ..taxonomy.models import Spearhead, Theme
from .models import PRACTICE_KINDS, Practice, PracticeComment, PracticeRating
from .versions import record_version, snapshot


@dataclass
class PracticeData:
    """What a member filled in for a practice, as plain values."""

    title: str
    summary: str
    body: str
    kind: str = "praktijk"
    theme_ids: list[int] = field(default_factory=list)
    spearhead_id: int | None = None
    organisation_ids: list[int] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    year: int | None = None
    contact_name: str = ""
    contact_email: str = ""
    change_note: str = ""


class LibraryError(Exception):
    """A library use case was refused; the view explains why."""


class WrongStatus(LibraryError):
    """The step does not fit the practice's current status (a double click, or someone was first)."""

    def __init__(self, status: str):
        super().__init__(status)
        self.status = status


def lock(practice: Practice) -> None:
    """Re-read the practice and hold its row until the commit, so two steps never interleave."""
    # "OF practices": the eager-loaded relations are outer joins, which PostgreSQL will not lock.
    db.session.refresh(practice, with_for_update={"of": Practice})


def _by_ids(model, ids) -> list:
    ids = list(dict.fromkeys(ids or []))
    if not ids:
        return []
    found = {row.id: row for row in db.session.scalars(select(model).where(model.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


def apply_data(practice: Practice, data: PracticeData) -> None:
    """Copy the member's input onto the practice."""
    practice.title = data.title
    practice.summary = data.summary
    practice.body = data.body
    practice.kind = data.kind if data.kind in PRACTICE_KINDS else "praktijk"
    practice.themes = _by_ids(Theme, data.theme_ids)
    practice.spearhead = db.session.get(Spearhead, data.spearhead_id) if data.spearhead_id else None
    practice.organisations = _by_ids(Organisation, data.organisation_ids)
    practice.target_groups = list(data.target_groups)
    practice.year = data.year
    practice.contact_name = data.contact_name
    practice.contact_email = data.contact_email


def add_step(practice: Practice, actor, action: str, body: str = "") -> PracticeComment:
    """Write a review step or remark on the practice (the caller commits)."""
    comment = PracticeComment(practice=practice, author_id=getattr(actor, "id", None), action=action,
                              body=(body or "").strip())
    db.session.add(comment)
    return comment


def create_practice(actor, data: PracticeData) -> Practice:
    """Save a new practice as the member's draft."""
    practice = Practice(status="draft", author_id=actor.id, target_groups=[])
    db.session.add(practice)
    apply_data(practice, data)
    db.session.flush()
    enqueue("practice", practice.id)
    db.session.commit()
    return practice


def settle_change(actor, practice: Practice, note: str = "") -> str:
    """Decide what a change to the practice means for its status; return what happened.

    Staff changing a published practice publish the change at once, as a new version. An
    author's change to a published practice goes back to review first: what the library
    shows has always been read by an adviser.
    """
    if practice.status != "published":
        return "saved"
    if can_review_practices(actor):
        return "new_version" if record_version(practice, actor, note) else "saved"
    practice.status = "review"
    practice.submitted_at = utcnow()
    add_step(practice, actor, "resubmitted", note)
    return "back_to_review"


def update_practice(actor, practice: Practice, data: PracticeData) -> str:
    """Save the member's changes; return "unchanged", "saved", "new_version" or "back_to_review"."""
    lock(practice)
    before = snapshot(practice)
    apply_data(practice, data)
    if snapshot(practice) == before:
        db.session.rollback()
        return "unchanged"
    outcome = settle_change(actor, practice, data.change_note)
    practice.updated_at = utcnow()
    enqueue("practice", practice.id)
    db.session.commit()
    return outcome


def _count(practice_id: int, ratings: int, helpful: int) -> None:
    db.session.execute(update(Practice).where(Practice.id == practice_id).values(
        rating_count=Practice.rating_count + ratings, helpful_count=Practice.helpful_count + helpful))


def _rating(actor, practice) -> PracticeRating | None:
    return db.session.scalar(select(PracticeRating).where(
        PracticeRating.practice_id == practice.id, PracticeRating.user_id == actor.id))


def rate_practice(actor, practice: Practice, helpful: bool) -> None:
    """Record the member's one answer to "was dit nuttig?", or change it; keep the counters right."""
    if practice.status != "published":
        raise WrongStatus(practice.status)
    rating = _rating(actor, practice)
    if rating is None:
        try:
            with db.session.begin_nested():
                db.session.add(PracticeRating(practice_id=practice.id, user_id=actor.id, helpful=helpful))
        except IntegrityError:
            rating = _rating(actor, practice)  # a second click of the same member was first
        else:
            _count(practice.id, 1, 1 if helpful else 0)
    if rating is not None and rating.helpful != helpful:
        rating.helpful = helpful
        rating.created_at = utcnow()
        _count(practice.id, 0, 1 if helpful else -1)
    db.session.commit()
