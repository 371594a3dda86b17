"""The declarations report: hours spent, free and billable per organisation and quarter, and its CSV.

Billable time is priced at the rate of the ticket's most recently accepted quote (the rate the
organisation agreed to), or at today's hourly rate when no accepted quote is found. Amounts are
rounded half up to whole cents per organisation and quarter.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import gettext as _
from sqlalchemy import case, extract, func, literal, literal_column, select

from ..extensions import db
from ..helpdesk.billing import hourly_rate_cents
from ..helpdesk.models import Quote, TimeEntry
from ..organisations.models import Organisation
from ..spreadsheets import excel_csv


@dataclass
class DeclarationRow:
    """The hours of one organisation in one quarter (or a total)."""

    organisation: str
    quarter: int | None
    free_minutes: int = 0
    billable_minutes: int = 0
    amount_cents: int = 0

    @property
    def total_minutes(self) -> int:
        return self.free_minutes + self.billable_minutes


@dataclass
class Declarations:
    """The report of one year: rows by organisation and quarter, and the totals."""

    year: int
    rows: list[DeclarationRow] = field(default_factory=list)
    total: DeclarationRow = field(default_factory=lambda: DeclarationRow(_("Totaal"), None))


def _cents(cent_minutes: int) -> int:
    return int((Decimal(cent_minutes) / 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def declarations(year: int) -> Declarations:
    """Sum the year's time entries per organisation and quarter in one grouped query."""
    month = extract("month", TimeEntry.work_date)
    # Literal numbers, not bound parameters: PostgreSQL must see the same expression in GROUP BY.
    n = literal_column
    quarter = case((month <= n("3"), n("1")), (month <= n("6"), n("2")), (month <= n("9"), n("3")),
                   else_=n("4"))
    agreed_rate = (select(Quote.rate_cents)
                   .where(Quote.ticket_id == TimeEntry.ticket_id, Quote.status == "accepted")
                   .order_by(Quote.decided_at.desc(), Quote.id.desc()).limit(1)
                   .correlate(TimeEntry).scalar_subquery())
    rate = func.coalesce(agreed_rate, literal(hourly_rate_cents()))
    billable_minutes = case((TimeEntry.billable.is_(True), TimeEntry.minutes), else_=0)
    free_minutes = case((TimeEntry.billable.is_(True), 0), else_=TimeEntry.minutes)
    query = (
        select(Organisation.id, Organisation.name, quarter.label("quarter"),
               func.coalesce(func.sum(free_minutes), 0), func.coalesce(func.sum(billable_minutes), 0),
               func.coalesce(func.sum(case((TimeEntry.billable.is_(True), TimeEntry.minutes * rate),
                                           else_=0)), 0))
        .select_from(TimeEntry).outerjoin(Organisation, Organisation.id == TimeEntry.organisation_id)
        .where(TimeEntry.work_date.between(date(year, 1, 1), date(year, 12, 31)))
        .group_by(Organisation.id, Organisation.name, quarter)
    )
    report = Declarations(year)
    for _org_id, name, number, free, billable, cent_minutes in db.session.execute(query):
        row = DeclarationRow(name or _("Onbekende organisatie"), int(number), int(free), int(billable),
                             _cents(int(cent_minutes)))
        report.rows.append(row)
        report.total.free_minutes += row.free_minutes
        report.total.billable_minutes += row.billable_minutes
        report.total.amount_cents += row.amount_cents
    report.rows.sort(key=lambda r: (r.organisation.lower(), r.quarter))
    return report


def years_with_entries() -> list[int]:
    """The years in which time was logged, newest first."""
    year = extract("year", TimeEntry.work_date)
    return sorted({int(y) for y in db.session.scalars(select(year).distinct()) if y is not None},
                  reverse=True)


def _euros(cents: int) -> str:
    return f"{Decimal(cents) / 100:.2f}".replace(".", ",")


def _hours(minutes: int) -> str:
    hours = (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{hours:.2f}".replace(".", ",")


def declarations_csv(report: Declarations) -> bytes:
    """The report as a CSV for Excel: semicolons, Dutch decimals, UTF-8 with a byte order mark."""
    header = [_("Organisatie"), _("Jaar"), _("Kwartaal"), _("Uren totaal"), _("Uren gratis"),
              _("Uren betaald"), _("Bedrag (euro)")]
    return excel_csv(header, (
        [row.organisation, report.year, f"K{row.quarter}" if row.quarter else "", _hours(row.total_minutes),
         _hours(row.free_minutes), _hours(row.billable_minutes), _euros(row.amount_cents)]
        for row in [*report.rows, report.total]))
