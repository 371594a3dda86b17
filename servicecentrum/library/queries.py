"""Load what the library's pages show, with their relations, in a fixed number of queries."""

from sqlalchemy import select
from sqlalchemy.orm import defer, joinedload, selectinload

from ..extensions import db
from ..organisations.models import Organisation
from ..taxonomy.models import Spearhead, Theme
from .models import Practice, PracticeAttachment, PracticeComment, PracticeRating, PracticeVersion


def find_practice(practice_id: int) -> Practice | None:
    """Return the practice with everything its page shows, or None."""
    statement = (
        select(Practice).where(Practice.id == practice_id)
        .options(joinedload(Practice.spearhead), joinedload(Practice.author), joinedload(Practice.reviewer),
                 selectinload(Practice.themes), selectinload(Practice.organisations),
                 selectinload(Practice.attachments).options(defer(PracticeAttachment.text)))
    )
    return db.session.scalar(statement)


def find_attachment(practice_id: int, attachment_id: int) -> PracticeAttachment | None:
    """Return the attachment when it belongs to this practice, with the practice loaded."""
    statement = (select(PracticeAttachment)
                 .where(PracticeAttachment.id == attachment_id, PracticeAttachment.practice_id == practice_id)
                 .options(defer(PracticeAttachment.text), joinedload(PracticeAttachment.practice)))
    return db.session.scalar(statement)


def review_comments(practice: Practice) -> list[PracticeComment]:
    """Return the practice's review steps and remarks, oldest first, with their authors."""
    statement = (select(PracticeComment).where(PracticeComment.practice_id == practice.id)
                 .options(joinedload(PracticeComment.author)).order_by(PracticeComment.id))
    return list(db.session.scalars(statement))


def rating_of(user, practice: Practice) -> PracticeRating | None:
    """Return the member's answer to "was dit nuttig?" for this practice, if any."""
    return db.session.scalar(select(PracticeRating).where(
        PracticeRating.practice_id == practice.id, PracticeRating.user_id == user.id))


def versions_of(practice: Practice) -> list[PracticeVersion]:
    """Return the published versions, oldest first, with who made them."""
    statement = (select(PracticeVersion).where(PracticeVersion.practice_id == practice.id)
                 .options(joinedload(PracticeVersion.changed_by)).order_by(PracticeVersion.number))
    return list(db.session.scalars(statement))


def form_choices() -> tuple[list[Theme], list[Spearhead], list[Organisation]]:
    """Return the themes, spearheads and organisations a practice can be linked to."""
    themes = list(db.session.scalars(select(Theme).order_by(Theme.name)))
    spearheads = list(db.session.scalars(select(Spearhead).order_by(Spearhead.name)))
    organisations = list(db.session.scalars(select(Organisation).order_by(Organisation.name)))
    return themes, spearheads, organisations
