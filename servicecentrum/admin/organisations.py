"""Organisation administration: list with member counts, create, edit, e-mail domains, helpdesk settings."""

from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

from sqlalchemy import case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from ..audit.services import changed_fields, record
from ..auth.models import User
from ..extensions import db
from ..organisations.models import Organisation, OrganisationDomain
from ..paging import Page, paginate

PER_PAGE = 50


class OrganisationConflict(Exception):
    """A name, CBS code or e-mail domain already belongs to another organisation."""

    def __init__(self, field_name: str, other: str, value: str = ""):
        super().__init__(field_name, other, value)
        self.field_name = field_name
        self.other = other
        self.value = value


@dataclass
class OrganisationData:
    """The fields of an organisation as the form delivers them, already normalised."""

    name: str
    kind: str
    cbs_code: str | None = None
    region: str | None = None
    size_class: str | None = None
    is_g30: bool = False
    email_domains: list[str] = field(default_factory=list)
    helpdesk_allowance_minutes: int = 480  # the yearly basic (free) helpdesk allowance
    shares_tickets: bool = False  # colleagues see each other's helpdesk tickets


def list_organisations(page: int = 1) -> Page:
    """Return one page of organisations by name, with their domains loaded (counted up to 1,000)."""
    query = (select(Organisation).options(selectinload(Organisation.domains))
             .order_by(func.lower(Organisation.name), Organisation.id))
    return paginate(query, page, PER_PAGE, count=True)


def member_counts(organisation_ids: list[int]) -> dict[int, dict[str, int]]:
    """Count active and all members of these organisations in one aggregate query."""
    if not organisation_ids:
        return {}
    rows = db.session.execute(
        select(User.organisation_id, func.count(User.id),
               func.coalesce(func.sum(case((User.status == "active", 1), else_=0)), 0))
        .where(User.organisation_id.in_(organisation_ids))
        .group_by(User.organisation_id)
    )
    return {org_id: {"all": int(total), "active": int(active)} for org_id, total, active in rows}


def list_all_organisations() -> list[Organisation]:
    """Return every organisation by name (for filter choices)."""
    return list(db.session.scalars(select(Organisation).order_by(func.lower(Organisation.name))))


def find_organisation(organisation_id: int) -> Organisation | None:
    """Return the organisation with its domains, or None."""
    return db.session.scalar(select(Organisation).where(Organisation.id == organisation_id)
                             .options(selectinload(Organisation.domains)))


def _find_conflict(data: OrganisationData, own_id: int | None) -> OrganisationConflict | None:
    others = select(Organisation)
    if own_id is not None:
        others = others.where(Organisation.id != own_id)
    twin = db.session.scalar(others.where(func.lower(Organisation.name) == data.name.lower()))
    if twin is not None:
        return OrganisationConflict("name", twin.name, data.name)
    if data.cbs_code:
        twin = db.session.scalar(others.where(Organisation.cbs_code == data.cbs_code))
        if twin is not None:
            return OrganisationConflict("cbs_code", twin.name, data.cbs_code)
    if data.email_domains:
        query = (select(OrganisationDomain).options(selectinload(OrganisationDomain.organisation))
                 .where(OrganisationDomain.domain.in_(data.email_domains)).order_by(OrganisationDomain.domain))
        for taken in db.session.scalars(query):
            if taken.organisation_id != own_id:
                return OrganisationConflict("email_domains", taken.organisation.name, taken.domain)
    return None


def _snapshot(organisation: Organisation) -> dict:
    """Describe the organisation for the audit log (no key contains 'code')."""
    return {"name": organisation.name, "kind": organisation.kind, "cbs": organisation.cbs_code,
            "region": organisation.region, "size": organisation.size_class, "g30": organisation.is_g30,
            "domains": ", ".join(sorted(d.domain for d in organisation.domains)),
            "allowance_minutes": organisation.helpdesk_allowance_minutes,
            "shares_tickets": organisation.shares_tickets}


def _apply(organisation: Organisation, data: OrganisationData) -> None:
    values = asdict(data)
    domains = values.pop("email_domains")
    for name, value in values.items():
        setattr(organisation, name, value)
    keep = {d.domain: d for d in organisation.domains}
    organisation.domains = [keep.get(d) or OrganisationDomain(domain=d) for d in domains]


@contextmanager
def _unique_or_conflict(data: OrganisationData, own_id: int | None):
    """Commit the block's work, turning a unique-constraint race into the conflict it stands for."""
    try:
        yield
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        conflict = _find_conflict(data, own_id)
        if conflict is None:
            raise
        raise conflict


def create_organisation(actor: User, data: OrganisationData, ip_address: str | None = None) -> Organisation:
    """Add an organisation.

    :raises OrganisationConflict: when the name, CBS code or a domain is taken.
    """
    conflict = _find_conflict(data, None)
    if conflict:
        raise conflict
    organisation = Organisation()
    with _unique_or_conflict(data, None):
        _apply(organisation, data)
        db.session.add(organisation)
        db.session.flush()
        record("organisation_created", actor=actor, target=organisation, ip_address=ip_address,
               **_snapshot(organisation))
    return organisation


def update_organisation(actor: User, organisation: Organisation, data: OrganisationData,
                        ip_address: str | None = None) -> bool:
    """Change an organisation; return False when nothing changed.

    :raises OrganisationConflict: when the name, CBS code or a domain is taken.
    """
    conflict = _find_conflict(data, organisation.id)
    if conflict:
        raise conflict
    before = _snapshot(organisation)
    _apply(organisation, data)
    after = _snapshot(organisation)
    changes = changed_fields(before, after)
    if not changes:
        db.session.rollback()
        return False
    with _unique_or_conflict(data, organisation.id):
        db.session.flush()
        record("organisation_updated", actor=actor, target=organisation, ip_address=ip_address, **changes)
    return True
