"""Member figures for the dashboard: active members per organisation kind and region.

Members are active officers; one counts as active in the period when their last login falls
in it. Only the last login is stored, so a member who logged in during the period and again
after it is not counted: for a past period the figure is a lower bound.
"""

from flask_babel import gettext as _
from sqlalchemy import case, func, select

from ...auth.models import User
from ...extensions import db
from ...organisations.models import ORGANISATION_KINDS, Organisation
from ..tables import Chart, Column, Filters, ReportTable, register


def _kind_order(kind: str | None) -> tuple[int, str]:
    order = list(ORGANISATION_KINDS)
    return (order.index(kind), "") if kind in ORGANISATION_KINDS else (len(order), kind or "")


@register("active_members", 60)
def active_members(filters: Filters) -> ReportTable:
    """Active officers who logged in during the period, per organisation kind and region."""
    logged_in = (User.last_login_at >= filters.start_utc) & (User.last_login_at < filters.end_utc)
    statement = (
        select(Organisation.kind, Organisation.region,
               func.coalesce(func.sum(case((logged_in, 1), else_=0)), 0), func.count(User.id))
        .select_from(User)
        .outerjoin(Organisation, Organisation.id == User.organisation_id)
        .where(User.role == "officer", User.status == "active")
        .group_by(Organisation.kind, Organisation.region))
    grouped = sorted(db.session.execute(statement).all(),
                     key=lambda r: (_kind_order(r[0]), r[1] is None, r[1] or ""))
    no_organisation, unknown_region = _("Geen organisatie"), _("Onbekend")
    rows = [[ORGANISATION_KINDS.get(kind, kind) if kind else no_organisation,
             region or unknown_region, int(active), int(total)]
            for kind, region, active, total in grouped]
    return ReportTable(
        key="active_members",
        title=_("Actieve leden per soort organisatie en regio"),
        columns=[Column(_("Soort organisatie")), Column(_("Regio")),
                 Column(_("Actieve leden"), "int"), Column(_("Leden totaal"), "int")],
        rows=rows,
        chart=Chart(label_columns=[0, 1], value_columns=[2],
                    caption=_("Aantal actieve leden per soort organisatie en regio")),
        note=_("Actieve ambtenaren met een account; actief is wie voor het laatst inlogde in de periode "
               "(alleen de laatste inlog wordt bewaard). Programma en thema gelden hier niet."),
    )
