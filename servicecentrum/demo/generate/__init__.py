"""``flask --app wsgi demo generate``: a large, realistic synthetic data set for benchmarks and reports.

Every run adds a new batch on top of what exists (the taxonomy and demo organisations from
``demo seed`` are created first when missing). The batch number comes from the audit log
(``demo.generated`` events), so e-mail addresses never collide. Rows go in with bulk inserts of
2,000; nothing is indexed for search (run ``flask --app wsgi search reindex`` afterwards).
"""

import random
import secrets
import time
from dataclasses import dataclass

from sqlalchemy import func, select, text

from ...audit.models import AuditEvent
from ...audit.services import record
from ...auth.passwords import hash_password
from ...database import utcnow
from ...extensions import db
from .base import Context, no_progress
from .content import generate_practices, generate_questions
from .people import ensure_organisations, ensure_taxonomy, generate_members
from .service import generate_events, generate_search_misses, generate_tickets

__all__ = ["Sizes", "generate"]


@dataclass(frozen=True)
class Sizes:
    members: int = 2000
    practices: int = 20000
    questions: int = 10000
    tickets: int = 50000
    events: int = 500


def generate(sizes: Sizes, seed: int = 1, password: str | None = None, progress=no_progress) -> dict:
    """Add one batch of synthetic data; return row counts per kind and the seconds it took.

    ``progress(label, length)`` is a context manager factory with ``.update(n)`` (click.progressbar).
    Deterministic for a given seed, database state and day.
    """
    started = time.perf_counter()
    batch = 1 + (db.session.scalar(
        select(func.count(AuditEvent.id)).where(AuditEvent.action == "demo.generated")) or 0)
    ctx = Context(rng=random.Random(f"{seed}-{batch}"), now=utcnow().replace(microsecond=0),
                  batch=batch, progress=progress)
    password_hash = hash_password(password or secrets.token_urlsafe(16))  # once, for every account
    ensure_taxonomy(ctx, password_hash)
    ensure_organisations(ctx)
    if sizes.members < 1:
        raise ValueError("Er is minstens één lid nodig.")
    generate_members(ctx, sizes.members, password_hash)
    generate_practices(ctx, sizes.practices)
    generate_questions(ctx, sizes.questions)
    generate_tickets(ctx, sizes.tickets)
    generate_events(ctx, sizes.events)
    generate_search_misses(ctx, max(1, sizes.questions // 3))
    record("demo.generated", batch=batch, seed=seed, **ctx.counts)
    db.session.commit()
    # Fresh statistics, so the query planners pick good plans for the report queries.
    db.session.execute(text("ANALYZE"))
    db.session.commit()
    return {"batch": batch, **ctx.counts, "seconds": round(time.perf_counter() - started, 1)}
