"""The library's part of a member's data export: their practices, remarks and ratings."""

from sqlalchemy import select

from ..account.export import register_export_section
from ..extensions import db
from .models import Practice, PracticeComment, PracticeRating


def _authored(user) -> list[dict]:
    practices = db.session.scalars(select(Practice).where(Practice.author_id == user.id)
                                   .order_by(Practice.id))
    return [{
        "id": p.id, "title": p.title, "summary": p.summary, "body": p.body, "kind": p.kind,
        "status": p.status, "year": p.year, "target_groups": list(p.target_groups or []),
        "contact_name": p.contact_name, "contact_email": p.contact_email,
        "created_at": p.created_at, "updated_at": p.updated_at, "published_at": p.published_at,
    } for p in practices]


def _remarks(user) -> list[dict]:
    comments = db.session.scalars(select(PracticeComment).where(PracticeComment.author_id == user.id)
                                  .order_by(PracticeComment.id))
    return [{"practice_id": c.practice_id, "action": c.action, "body": c.body, "created_at": c.created_at}
            for c in comments]


def _ratings(user) -> list[dict]:
    rows = db.session.execute(
        select(PracticeRating, Practice.title).join(Practice, Practice.id == PracticeRating.practice_id)
        .where(PracticeRating.user_id == user.id).order_by(PracticeRating.id))
    return [{"practice_id": rating.practice_id, "practice_title": title, "helpful": rating.helpful,
             "rated_at": rating.created_at} for rating, title in rows]


def practices_section(user) -> dict:
    """Return the practices the member wrote, their review remarks and their ratings."""
    return {"authored": _authored(user), "review_remarks": _remarks(user), "ratings": _ratings(user)}


register_export_section("practices", practices_section)
