"""The advisers' queue: which tickets a member of staff sees, filtered and sorted; bulk assign.

Everything the page shows is fetched in a fixed number of queries, however many tickets
there are: the options of the filter form, one count (up to 1,000) and one page of tickets with
their organisation, programme and assignee joined in.
"""

from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import joinedload, selectinload

from ..auth.models import User
from ..extensions import db
from ..organisations.models import Organisation
from ..paging import Page, paginate
from ..policies import can_handle_ticket
from ..taxonomy.models import Programme, Theme, programme_advisers
from . import services, sla
from .models import OPEN_STATUSES, PRIORITIES, STATUSES, Ticket
from .turns import first_response_due_today_clause, waiting_for_clause

PER_PAGE = 50
# The status filter: "" is every open ticket, "all" every ticket, else one stored status.
ALL_STATUSES = "all"


@dataclass
class QueueFilters:
    """What the adviser asked to see; ``None`` or False means "do not filter on this"."""

    programme_id: int | None = None
    status: str = ""
    unassigned: bool = False
    overdue: bool = False
    theme_id: int | None = None
    organisation_id: int | None = None
    mine: bool = False
    waiting_for_me: bool = False
    due_today: bool = False


@dataclass
class AssignResult:
    assigned: int = 0
    skipped: int = 0
    tickets: list[Ticket] = field(default_factory=list)


def visible_programmes(user) -> list[Programme]:
    """Admins see every programme's queue; advisers the programmes they belong to."""
    if user.is_admin:
        return list(db.session.scalars(select(Programme).order_by(Programme.name)))
    if user.is_adviser:
        return list(user.programmes)
    return []


def themes() -> list[Theme]:
    return list(db.session.scalars(select(Theme).order_by(Theme.name)))


def organisations_in(programme_ids: list[int]) -> list[Organisation]:
    """Organisations that have tickets in these programmes, by name."""
    if not programme_ids:
        return []
    asking = select(Ticket.organisation_id).where(Ticket.programme_id.in_(programme_ids))
    return list(db.session.scalars(
        select(Organisation).where(Organisation.id.in_(asking)).order_by(Organisation.name)))


def advisers_of(programme_ids: list[int]) -> list[User]:
    """Active advisers of these programmes, by name (the people tickets can be given to)."""
    if not programme_ids:
        return []
    members = select(programme_advisers.c.user_id).where(programme_advisers.c.programme_id.in_(programme_ids))
    return list(db.session.scalars(
        select(User).where(User.id.in_(members), User.role == "adviser", User.status == "active")
        .order_by(User.name)))


def overdue_clause(today: date):
    """SQL for :func:`sla.is_overdue`: a target passed while the ticket is still open."""
    first_response_late = and_(Ticket.first_responded_at.is_(None), Ticket.first_response_due < today)
    return and_(Ticket.status.in_(OPEN_STATUSES),
                or_(first_response_late, Ticket.resolution_due < today))


def queue_statement(user, filters: QueueFilters, programme_ids: list[int], today: date):
    """The tickets this member of staff sees with these filters (unsorted)."""
    statement = select(Ticket)
    if not user.is_admin:
        statement = statement.where(Ticket.programme_id.in_(programme_ids))
    if filters.programme_id is not None:
        statement = statement.where(Ticket.programme_id == filters.programme_id)
    if filters.status == "":
        statement = statement.where(Ticket.status.in_(OPEN_STATUSES))
    elif filters.status in STATUSES:
        statement = statement.where(Ticket.status == filters.status)
    if filters.unassigned:
        statement = statement.where(Ticket.assignee_id.is_(None))
    if filters.mine:
        statement = statement.where(Ticket.assignee_id == user.id)
    if filters.overdue:
        statement = statement.where(overdue_clause(today))
    if filters.waiting_for_me:
        statement = statement.where(waiting_for_clause(user))
    if filters.due_today:
        statement = statement.where(first_response_due_today_clause(today))
    if filters.theme_id is not None:
        statement = statement.where(Ticket.theme_id == filters.theme_id)
    if filters.organisation_id is not None:
        statement = statement.where(Ticket.organisation_id == filters.organisation_id)
    return statement


def queue_order(today: date) -> tuple:
    """Overdue first, then the earliest resolution date, then the oldest."""
    return (case((overdue_clause(today), 0), else_=1), Ticket.resolution_due.is_(None),
            Ticket.resolution_due, Ticket.created_at, Ticket.id)


def _rank(column, keys) -> case:
    return case({key: index for index, key in enumerate(keys)}, value=column, else_=len(keys))


# The columns the queue may be sorted by (anything else is ignored): key -> sort expressions.
SORTS = {
    "number": lambda: (Ticket.id,),
    "subject": lambda: (func.lower(Ticket.subject),),
    "organisation": lambda: (Organisation.name,),
    "status": lambda: (_rank(Ticket.status, STATUSES),),
    "priority": lambda: (_rank(Ticket.priority, PRIORITIES),),
    "due": lambda: (Ticket.resolution_due,),
    "activity": lambda: (Ticket.updated_at,),
}
NULLABLE = {"organisation": Ticket.organisation_id, "due": Ticket.resolution_due}


@dataclass
class QueueSort:
    """How the adviser sorted the queue: a whitelisted column and a direction, or the default."""

    key: str = ""
    descending: bool = False

    @classmethod
    def parse(cls, key: str | None, direction: str | None) -> "QueueSort":
        """Read the query string; a column not in the whitelist means the default order."""
        key = key if key in SORTS else ""
        return cls(key, bool(key) and direction == "desc")

    def order(self, today: date) -> tuple:
        if not self.key:
            return queue_order(today)
        columns = [*SORTS[self.key](), Ticket.id]
        ordered = tuple(c.desc() if self.descending else c.asc() for c in columns)
        if self.key in NULLABLE:  # empty values last, whichever the direction
            return (NULLABLE[self.key].is_(None), *ordered)
        return ordered


def queue_page(user, filters: QueueFilters, programme_ids: list[int], page: int = 1,
               today: date | None = None, per_page: int = PER_PAGE, sort: QueueSort | None = None) -> Page:
    """One page of the queue in two queries, however many tickets match.

    The matching tickets are counted up to ``paging.COUNT_LIMIT``; the page's ticket ids are
    sorted and cut in a subquery on the tickets alone, and only those rows are joined to their
    organisation, programme and assignee.
    """
    today = today or sla.today()
    sort = sort or QueueSort()
    order = sort.order(today)
    statement, rows = queue_statement(user, filters, programme_ids, today), select(Ticket)
    if sort.key == "organisation":
        # Sorting by the organisation's name: an explicit join, apart from the eager load's.
        on = Organisation.id == Ticket.organisation_id
        statement, rows = statement.outerjoin(Organisation, on), rows.outerjoin(Organisation, on)

    def fetch(page_ids) -> list[Ticket]:
        return list(db.session.scalars(
            rows.where(Ticket.id.in_(page_ids)).order_by(*order)
            .options(joinedload(Ticket.organisation), joinedload(Ticket.programme),
                     joinedload(Ticket.assignee))))

    return paginate(statement.with_only_columns(Ticket.id).order_by(*order), page, per_page,
                    count=True, fetch=fetch)


def find_user(user_id: int) -> User | None:
    return db.session.get(User, user_id)


def bulk_assign(actor, ticket_ids: list[int], assignee) -> AssignResult:
    """Give every selected ticket the actor may handle to the adviser, in one commit.

    Tickets the actor may not handle (or that do not exist) are skipped. When the adviser
    does not belong to the programme of one of the tickets, nothing is assigned.
    """
    ids = sorted(set(ticket_ids))
    tickets = list(db.session.scalars(
        select(Ticket).where(Ticket.id.in_(ids)).order_by(Ticket.id)
        .options(joinedload(Ticket.programme), joinedload(Ticket.assignee),
                 selectinload(Ticket.changes)))) if ids else []
    handled = [ticket for ticket in tickets if can_handle_ticket(actor, ticket)]
    result = AssignResult(assigned=len(handled), skipped=len(ids) - len(handled), tickets=handled)
    advised = {programme.id for programme in assignee.programmes} if assignee.is_active else set()
    outside = sorted({t.programme.name for t in handled if t.programme_id not in advised})
    if outside:
        raise services.HelpdeskError(_(
            "%(name)s is geen adviseur van het programma %(programmes)s. Er is niets toegewezen.",
            name=assignee.name, programmes=", ".join(outside)))
    for ticket in handled:
        services.assign(ticket, actor, assignee, commit=False)
    db.session.commit()
    return result
