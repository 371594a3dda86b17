"""Demo practices, written in our own words from FORUM's recommendations; seeded idempotently by title."""

from datetime import UTC, datetime

from sqlalchemy import func, select

from ...auth.models import User
from ...extensions import db
from ...library.models import Practice, PracticeComment, PracticeRating
from ...library.versions import record_version
from ...organisations.models import Organisation
from ...search.outbox import enqueue
from ...taxonomy.models import Spearhead, Theme
from . import care, education, work

PRACTICES = [*education.PRACTICES, *work.PRACTICES, *care.PRACTICES]
REVIEWERS = ("adviseur@demo.test", "adviseur.cohesie@demo.test", "adviseur.jeugd@demo.test")
RATERS = ("ambtenaar@demo.test", "m.bakker@demo.test", "l.vandijk@demo.test", "e.yilmaz@demo.test",
          "p.deboer@demo.test", "a.ramautar@demo.test")


def _by(model, key: str) -> dict:
    return {getattr(row, key): row for row in db.session.scalars(select(model))}


def _set(row, **fields) -> bool:
    """Give the row these values; return whether anything changed (unchanged rows are not written)."""
    changed = False
    for name, value in fields.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def _published_at(index: int, year: int) -> datetime:
    return datetime(min(year + 1, 2007), 1 + index % 12, 1 + index % 27, 10, 0, tzinfo=UTC)


def _seed_one(index: int, item: dict, lookups: dict) -> Practice:
    themes, spearheads, organisations, users = lookups["themes"], lookups["spearheads"], \
        lookups["organisations"], lookups["users"]
    practice = db.session.scalar(select(Practice).where(Practice.title == item["title"]))
    created = practice is None
    if created:
        practice = Practice(title=item["title"], target_groups=[])
        db.session.add(practice)
    status = item.get("status", "published")
    author = users.get(item["author"])
    contact_name, contact_email = item["contact"]
    changed = _set(practice, summary=item["summary"], body=item["body"], kind=item["kind"], year=item["year"],
                   status=status, target_groups=list(item["target_groups"]), contact_name=contact_name,
                   contact_email=contact_email, author_id=author.id if author else None,
                   spearhead_id=spearheads[item["spearhead"]].id)
    wanted_themes = [themes[slug] for slug in item["themes"]]
    if sorted(t.id for t in practice.themes) != sorted(t.id for t in wanted_themes):
        practice.themes, changed = wanted_themes, True
    wanted_orgs = [organisations[name] for name in item["organisations"]]
    if sorted(o.id for o in practice.organisations) != sorted(o.id for o in wanted_orgs):
        practice.organisations, changed = wanted_orgs, True
    if status in ("published", "archived"):
        reviewer = users[REVIEWERS[index % len(REVIEWERS)]]
        changed |= _set(practice, reviewer_id=reviewer.id)
        if practice.published_at is None:
            practice.published_at, changed = _published_at(index, item["year"]), True
        db.session.flush()
        changed |= record_version(practice, reviewer, "Demo") is not None
    db.session.flush()
    if status == "review" and not practice.comments:
        practice.submitted_at = practice.submitted_at or _published_at(index, item["year"])
        db.session.add(PracticeComment(practice=practice, author_id=practice.author_id, action="submitted",
                                       body="Graag jullie oordeel voordat dit in de bibliotheek komt."))
        changed = True
    if created or changed:
        enqueue("practice", practice.id)
    return practice


def _seed_ratings(practices: list[Practice], users: dict) -> None:
    """Let some demo officers say what they found useful, so "meest nuttig" has something to sort."""
    raters = [users[email] for email in RATERS if email in users]
    for index, practice in enumerate(practices):
        if practice.status != "published":
            continue
        existing = {r.user_id for r in db.session.scalars(
            select(PracticeRating).where(PracticeRating.practice_id == practice.id))}
        for offset, rater in enumerate(raters[: index % len(raters)]):
            if rater.id != practice.author_id and rater.id not in existing:
                db.session.add(PracticeRating(practice_id=practice.id, user_id=rater.id,
                                              helpful=(index + offset) % 4 != 0))
        db.session.flush()
        ratings = func.count(PracticeRating.id)
        counts = db.session.execute(
            select(ratings, ratings.filter(PracticeRating.helpful))
            .where(PracticeRating.practice_id == practice.id)).one()
        _set(practice, rating_count=counts[0], helpful_count=counts[1])


def seed_practices() -> int:
    """Create or update the demo practices (the caller commits); return how many there are."""
    lookups = {"themes": _by(Theme, "slug"), "spearheads": _by(Spearhead, "slug"),
               "organisations": _by(Organisation, "name"), "users": _by(User, "email")}
    practices = [_seed_one(index, item, lookups) for index, item in enumerate(PRACTICES)]
    _seed_ratings(practices, lookups["users"])
    return len(practices)
