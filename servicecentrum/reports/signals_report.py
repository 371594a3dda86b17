"""The signals report for the ministry: signals of a period by theme and region, never traceable.

Privacy rule (N = the setting ``signals_min_organisations``, default 3): a theme × region group
is shown only when its signals come from at least N distinct organisations. The groups of a
theme that are hidden are merged into one row "Overige regio's (samengevoegd)" when, together,
they come from at least N distinct organisations (counted exactly in SQL, not summed). When they
do not, the page says that signals were withheld, without any number: there is never a theme
total that includes hidden groups, so no hidden cell can be computed by subtraction.

A signal without organisation (the organisation was removed, or the source had none) identifies
no organisation: it counts as a signal of its group, but it adds nothing to the number of
distinct organisations (SQL ``COUNT(DISTINCT organisation_id)`` ignores NULL). A group with only
such signals therefore has 0 organisations and is hidden.

Queries: the threshold, the groups (GROUP BY theme, region), the merged hidden groups per theme
(only when a theme could reach N that way) and the descriptions of the shown rows (one query):
at most four, whatever the number of signals. Organisations, requesters, tickets and threads
are never loaded.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from flask_babel import gettext as _
from sqlalchemy import and_, distinct, func, literal_column, or_, select

from ..admin.settings import get_setting
from ..audit.services import record_read
from ..extensions import db
from ..signals.models import Signal
from ..spreadsheets import excel_csv
from ..taxonomy.models import Theme
from .tables import Filters

NO_THEME = 0  # the theme key of signals whose theme was removed


@dataclass
class SignalGroup:
    """One shown row: a region (or the merged hidden regions) of a theme."""

    region: str
    signals: int
    organisations: int
    descriptions: list[str] = field(default_factory=list)
    merged: bool = False
    key: str = ""  # the region as grouped in SQL ("" for unknown), to match the descriptions


@dataclass
class ThemeSection:
    """A theme with its shown rows; ``withheld`` when some of its signals are not shown at all."""

    theme_key: int
    theme: str
    groups: list[SignalGroup] = field(default_factory=list)
    withheld: bool = False


@dataclass
class SignalsReport:
    start: date
    end: date
    threshold: int
    theme_id: int | None = None
    sections: list[ThemeSection] = field(default_factory=list)

    @property
    def rows(self) -> int:
        """The number of shown rows (groups, merged groups included)."""
        return sum(len(section.groups) for section in self.sections)


def last_full_quarter(today: date) -> tuple[date, date]:
    """The first and last day of the calendar quarter before the one ``today`` is in."""
    quarter_start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    end = quarter_start - timedelta(days=1)
    return date(end.year, 3 * ((end.month - 1) // 3) + 1, 1), end


def themes() -> list[Theme]:
    """Every theme by name, for the filter."""
    return list(db.session.scalars(select(Theme).order_by(Theme.name)))


def threshold() -> int:
    return int(get_setting("signals_min_organisations"))


def unknown_region() -> str:
    return _("Onbekende regio")


def merged_label() -> str:
    return _("Overige regio's (samengevoegd)")


# Literal columns, not bound parameters: PostgreSQL must see the same expression in GROUP BY.
_THEME_KEY = func.coalesce(Signal.theme_id, literal_column(str(NO_THEME)))
_REGION_KEY = func.coalesce(func.nullif(func.trim(Signal.region), literal_column("''")),
                            literal_column("''"))
_ORGANISATIONS = func.count(distinct(Signal.organisation_id))


def _in_period(filters: Filters) -> list:
    conditions = [Signal.created_at >= filters.start_utc, Signal.created_at < filters.end_utc]
    if filters.theme_id is not None:
        conditions.append(Signal.theme_id == filters.theme_id)
    return conditions


def _group_counts(filters: Filters):
    """Per theme and region: the number of signals and of distinct organisations (a subquery)."""
    return (select(_THEME_KEY.label("theme_key"), _REGION_KEY.label("region_key"),
                   _ORGANISATIONS.label("organisations"))
            .where(*_in_period(filters)).group_by(_THEME_KEY, _REGION_KEY).subquery())


def _joined_to_groups(filters: Filters, columns):
    """Signals of the period joined to the counts of their group; ``columns(groups)`` picks the columns."""
    groups = _group_counts(filters)
    query = (select(*columns(groups)).select_from(Signal)
             .join(groups, and_(groups.c.theme_key == _THEME_KEY, groups.c.region_key == _REGION_KEY))
             .where(*_in_period(filters)))
    return query, groups


def build(filters: Filters) -> SignalsReport:
    """The report of the period (and theme) with every group below the threshold left out."""
    n = threshold()
    report = SignalsReport(filters.start, filters.end, n, filters.theme_id)
    rows = db.session.execute(
        select(_THEME_KEY, Theme.name, _REGION_KEY, func.count(), _ORGANISATIONS)
        .select_from(Signal).outerjoin(Theme, Theme.id == Signal.theme_id)
        .where(*_in_period(filters)).group_by(_THEME_KEY, Theme.name, _REGION_KEY)).all()
    sections: dict[int, ThemeSection] = {}
    hidden_organisations: dict[int, int] = {}  # per theme: the sum, an upper bound of the distinct count
    for theme_key, theme_name, region_key, signals, organisations in rows:
        section = sections.setdefault(theme_key, ThemeSection(theme_key, theme_name or _("Zonder thema")))
        if organisations >= n:
            section.groups.append(SignalGroup(region_key or unknown_region(), signals, organisations,
                                              key=region_key))
        else:
            section.withheld = True
            hidden_organisations[theme_key] = hidden_organisations.get(theme_key, 0) + organisations
    _merge_hidden(filters, sections, [key for key, total in hidden_organisations.items() if total >= n], n)
    _load_descriptions(filters, sections, n)
    report.sections = sorted(sections.values(), key=lambda s: (s.theme_key == NO_THEME, s.theme.lower()))
    for section in report.sections:
        section.groups.sort(key=lambda g: (g.merged, g.region == unknown_region(), g.region.lower()))
    return report


def _merge_hidden(filters: Filters, sections: dict, candidates: list[int], n: int) -> None:
    """Add a merged row to each theme whose hidden groups together reach ``n`` organisations."""
    if not candidates:
        return
    query, groups = _joined_to_groups(filters, lambda _g: [_THEME_KEY, func.count(), _ORGANISATIONS])
    query = query.where(groups.c.organisations < n, _THEME_KEY.in_(candidates)).group_by(_THEME_KEY)
    for theme_key, signals, organisations in db.session.execute(query):
        if organisations >= n:
            section = sections[theme_key]
            section.groups.append(SignalGroup(merged_label(), signals, organisations, merged=True))
            section.withheld = False


def _load_descriptions(filters: Filters, sections: dict, n: int) -> None:
    """The descriptions of the shown rows, in one query (oldest first, without dates)."""
    merged = [key for key, section in sections.items() if any(g.merged for g in section.groups)]
    if not any(section.groups for section in sections.values()):
        return
    query, groups = _joined_to_groups(
        filters, lambda g: [_THEME_KEY, _REGION_KEY, g.c.organisations, Signal.description])
    shown = groups.c.organisations >= n
    query = query.where(or_(shown, _THEME_KEY.in_(merged)) if merged else shown).order_by(Signal.id)
    by_region = {(key, g.key): g for key, s in sections.items() for g in s.groups if not g.merged}
    merged_rows = {key: g for key, s in sections.items() for g in s.groups if g.merged}
    for theme_key, region_key, organisations, description in db.session.execute(query):
        group = (by_region.get((theme_key, region_key)) if organisations >= n
                 else merged_rows.get(theme_key))
        if group is not None:
            group.descriptions.append(description)


def withheld_message(n: int) -> str:
    return _("Signalen uit regio's met minder dan %(n)s organisaties zijn niet getoond om herleidbaarheid "
             "te voorkomen.", n=n)


def record_generation(report: SignalsReport, actor, ip_address: str | None, output: str) -> None:
    """Log the generation of the report (page or CSV) in the audit log (written in the next batch)."""
    record_read("signals_report_generated", actor=actor, ip_address=ip_address,
                start=report.start.isoformat(), end=report.end.isoformat(), rows=report.rows,
                theme_id=report.theme_id, output=output)


def csv_rows(report: SignalsReport) -> list[list]:
    """The shown rows: one per group with its counts, then one per description (counts empty)."""
    rows: list[list] = []
    for section in report.sections:
        for group in section.groups:
            rows.append([section.theme, group.region, group.signals, group.organisations, ""])
            rows.extend([section.theme, group.region, "", "", text] for text in group.descriptions)
        if section.withheld:
            rows.append([section.theme, "", "", "", withheld_message(report.threshold)])
    return rows


def report_csv(report: SignalsReport) -> bytes:
    header = [_("Thema"), _("Regio"), _("Signalen"), _("Organisaties"), _("Beschrijving")]
    return excel_csv(header, csv_rows(report))


def csv_filename(report: SignalsReport) -> str:
    return f"signalen-{report.start.isoformat()}-{report.end.isoformat()}.csv"
