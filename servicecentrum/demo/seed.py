"""Create or update the demo data; running it twice leaves the same rows."""

from sqlalchemy import select

from ..auth.models import User
from ..auth.passwords import hash_password, verify_password
from ..extensions import db
from ..organisations.models import Organisation, OrganisationDomain
from ..taxonomy.models import Programme, Spearhead, Theme
from .data import ACCOUNTS, DEMO_ACCOUNTS, ORGANISATIONS, PROGRAMMES, SPEARHEADS, THEMES
from .events import seed_events
from .helpdesk import seed_helpdesk
from .history import seed_history
from .practices import seed_practices
from .threads import seed_threads

__all__ = ["DEMO_ACCOUNTS", "seed"]


def _upsert(model, key: str, value, **fields):
    """Return the row whose key has this value, created or updated to match fields."""
    row = db.session.scalar(select(model).where(getattr(model, key) == value))
    if row is None:
        row = model(**{key: value})
        db.session.add(row)
    for name, new in fields.items():
        if getattr(row, name) != new:
            setattr(row, name, new)
    return row


def _seed_taxonomy() -> tuple[dict, dict]:
    themes = {
        slug: _upsert(Theme, "slug", slug, name=name, description=description)
        for slug, name, description in THEMES
    }
    for slug, name, description in SPEARHEADS:
        _upsert(Spearhead, "slug", slug, name=name, description=description)
    programmes = {
        slug: _upsert(Programme, "slug", slug, name=name, description=description)
        for slug, name, description in PROGRAMMES
    }
    return themes, programmes


def _seed_organisations() -> dict:
    organisations = {}
    for name, kind, cbs, region, size, g30, domains in ORGANISATIONS:
        org = _upsert(Organisation, "name", name, kind=kind, cbs_code=cbs, region=region,
                      size_class=size, is_g30=g30)
        known = set(org.allowed_domains)
        for domain in domains:
            if domain not in known:
                org.domains.append(OrganisationDomain(domain=domain))
        organisations[name] = org
    return organisations


class _DemoPasswords:
    """Hash the demo password once and check each stored hash once (argon2 is slow on purpose)."""

    def __init__(self, password: str):
        self.password = password
        self._hash = None
        self._checked: dict[str, bool] = {}

    def matches(self, stored: str | None) -> bool:
        if not stored:
            return False
        if stored not in self._checked:
            self._checked[stored] = verify_password(stored, self.password)
        return self._checked[stored]

    def new_hash(self) -> str:
        if self._hash is None:
            self._hash = hash_password(self.password)
        return self._hash


def _seed_accounts(password: str, themes: dict, programmes: dict, organisations: dict) -> None:
    passwords = _DemoPasswords(password)
    for email, name, role, org_name, job, theme_slugs, programme_slugs in ACCOUNTS:
        user = _upsert(User, "email", email, name=name, role=role, status="active",
                       organisation=organisations.get(org_name), job_title=job)
        if not passwords.matches(user.password_hash):
            user.password_hash = passwords.new_hash()
        wanted_themes = [themes[s] for s in theme_slugs]
        if list(user.expertise) != wanted_themes:
            user.expertise = wanted_themes
        wanted_programmes = sorted((programmes[s] for s in programme_slugs), key=lambda p: p.name)
        if sorted(user.programmes, key=lambda p: p.name) != wanted_programmes:
            user.programmes = wanted_programmes


def seed(password: str) -> dict[str, int]:
    """Create or update every demo row; return how many of each kind exist."""
    themes, programmes = _seed_taxonomy()
    organisations = _seed_organisations()
    db.session.flush()
    _seed_accounts(password, themes, programmes, organisations)
    seed_practices()
    seed_threads()
    seed_helpdesk()
    seed_history()
    seed_events()
    db.session.commit()
    return {
        "organisations": len(organisations),
        "programmes": len(programmes),
        "themes": len(themes),
        "accounts": len(ACCOUNTS),
    }
