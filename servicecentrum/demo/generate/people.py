"""Taxonomy (from the demo seed when missing), extra organisations, advisers and members."""

from datetime import timedelta

from sqlalchemy import select

from ...auth.models import User
from ...extensions import db
from ...organisations.models import Organisation
from ...taxonomy.models import Programme, Spearhead, Theme, programme_advisers
from .. import seed as demo_seed
from .base import Context, insert_rows, slug
from .words import EXTRA_ORGANISATIONS, FIRST_NAMES, JOB_TITLES, LAST_NAMES


def ensure_taxonomy(ctx: Context, password_hash: str) -> None:
    """Themes, programmes and the demo organisations from the seed; advisers if there are none."""
    if db.session.scalar(select(Programme.id).limit(1)) is None:
        demo_seed._seed_taxonomy()
        demo_seed._seed_organisations()
        db.session.flush()
    ctx.themes = list(db.session.scalars(select(Theme.id).order_by(Theme.id)))
    ctx.programmes = list(db.session.scalars(select(Programme.id).order_by(Programme.id)))
    ctx.spearheads = list(db.session.scalars(select(Spearhead.id).order_by(Spearhead.id)))
    ctx.advisers = list(db.session.scalars(
        select(User.id).where(User.role == "adviser", User.status == "active").order_by(User.id)))
    if not ctx.advisers:
        rows = [_user_row(ctx, f"adviseur{n}.{ctx.batch}@forum.demo.test", "adviser", None, password_hash,
                          status="active") for n in range(len(ctx.programmes))]
        ctx.advisers = insert_rows(User, rows, returning=True)
        insert_rows(programme_advisers, [{"programme_id": p, "user_id": a}
                                         for p, a in zip(ctx.programmes, ctx.advisers, strict=True)])


def ensure_organisations(ctx: Context) -> None:
    """Add the extra organisations of other kinds and regions (once; later batches reuse them)."""
    known = set(db.session.scalars(select(Organisation.name)))
    rows = [{"name": name, "kind": kind, "region": region, "is_g30": False,
             "size_class": "50k-100k" if kind == "gemeente" else None}
            for name, kind, region in EXTRA_ORGANISATIONS if name not in known]
    insert_rows(Organisation, rows)
    ctx.organisations = {
        row.id: (row.kind, row.region)
        for row in db.session.execute(select(Organisation.id, Organisation.kind, Organisation.region)
                                     .order_by(Organisation.id))}
    ctx.org_weights = [
        4 if kind == "gemeente" else 1 for kind, _ in ctx.organisations.values()]


def _user_row(ctx: Context, email: str, role: str, organisation_id: int | None, password_hash: str,
              status: str | None = None) -> dict:
    rng = ctx.rng
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    created = ctx.moment_in_last(3 * 365)
    status = status or rng.choices(["active", "pending", "disabled"], weights=[92, 3, 5])[0]
    active = status == "active"
    last_login = (ctx.moment_in_last(min(365, (ctx.now - created).days + 1), working_hours=False)
                  if active and rng.random() < 0.8 else None)
    if last_login is not None and last_login < created:
        last_login = min(ctx.now, created + timedelta(hours=1))
    return {
        "email": email, "name": name, "role": role, "status": status,
        "organisation_id": organisation_id, "job_title": rng.choice(JOB_TITLES),
        "password_hash": password_hash, "created_at": created, "last_login_at": last_login,
        "email_verified_at": created, "terms_accepted_at": created,
        "approved_at": created + timedelta(hours=4) if status != "pending" else None,
        "role_confirmed_at": created if status != "pending" else None,
        "disabled_reason": "Niet meer werkzaam bij de organisatie." if status == "disabled" else None,
    }


def generate_members(ctx: Context, count: int, password_hash: str) -> None:
    """Officers spread over the organisations; big municipalities have more of them."""
    org_ids = list(ctx.organisations)
    chosen = ctx.rng.choices(org_ids, weights=ctx.org_weights, k=count)
    rows = []
    for n, org_id in enumerate(chosen):
        row = _user_row(ctx, "", "officer", org_id, password_hash)
        row["email"] = f"{slug(row['name'])}.{ctx.batch}-{n}@org{org_id}.demo.test"
        rows.append(row)
    with ctx.progress("Leden", len(rows)) as bar:
        ids = insert_rows(User, rows, bar, returning=True)
    ctx.members = [(uid, row["organisation_id"]) for uid, row in zip(ids, rows, strict=True)
                   if row["status"] == "active"]
    if not ctx.members:  # a tiny run where nobody happened to be active: use them all
        ctx.members = [(uid, row["organisation_id"]) for uid, row in zip(ids, rows, strict=True)]
    ctx.counts["members"] = len(rows)
