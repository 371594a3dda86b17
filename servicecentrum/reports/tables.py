"""The dashboard's tables: each is built by one registered function from the chosen filters.

A builder returns a ``ReportTable``: columns, rows of plain values, and optionally how to chart
it. The dashboard shows every table with its chart (an SVG drawn here, no outside service) and
a CSV download of the same rows, so a chart never stands alone. Builders use aggregate SQL with
a fixed number of queries, whatever the amount of data.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .coverage import with_coverage

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
UTC = ZoneInfo("UTC")

# Column kinds: how a value is shown and written to CSV.
KINDS = ("text", "int", "decimal", "percent", "days", "date", "month")


@dataclass
class Filters:
    """The period (Amsterdam dates, both inclusive) and the optional programme and theme.

    ``coverage`` (reports/coverage.py) says which days come from the roll-ups; without it a
    table loads it itself.
    """

    start: date
    end: date
    programme_id: int | None = None
    theme_id: int | None = None
    coverage: object | None = field(default=None, compare=False, repr=False)

    @property
    def start_utc(self) -> datetime:
        """The first moment of the period, in UTC."""
        return datetime.combine(self.start, time(), tzinfo=AMSTERDAM).astimezone(UTC)

    @property
    def end_utc(self) -> datetime:
        """The first moment after the period, in UTC (use ``< end_utc``)."""
        return datetime.combine(self.end + timedelta(days=1), time(), tzinfo=AMSTERDAM).astimezone(UTC)


@dataclass
class Column:
    label: str
    kind: str = "text"  # one of KINDS; percent values are fractions 0..1, days are floats


@dataclass
class Chart:
    """How to draw the table: bars per row, labelled by ``label_column``, one bar per value column."""

    label_column: int = 0
    value_columns: list[int] = field(default_factory=lambda: [1])
    stacked: bool = False
    label_columns: list[int] = field(default_factory=list)  # several: their texts joined by " – "
    # What the chart shows, with its unit, for the caption and the image's name; the period is added.
    caption: str = ""


@dataclass
class ReportTable:
    key: str  # url-safe: the CSV is /rapportage/tabellen/<key>.csv
    title: str
    columns: list[Column]
    rows: list[list]
    chart: Chart | None = None
    note: str = ""  # how the figure is computed, in one sentence


Builder = Callable[[Filters], ReportTable]
BUILDERS: dict[str, Builder] = {}
ORDER: list[str] = []


def register(key: str, position: int = 100) -> Callable[[Builder], Builder]:
    """Register a table builder under ``key``; tables show in ``position`` order."""
    def decorate(build: Builder) -> Builder:
        BUILDERS[key] = build
        _positions[key] = position
        ORDER[:] = sorted(BUILDERS, key=lambda k: (_positions[k], k))
        return build
    return decorate


_positions: dict[str, int] = {}


def build_all(filters: Filters) -> list[ReportTable]:
    """Every table, in order; the roll-up coverage is loaded once for all of them."""
    filters = with_coverage(filters)
    return [BUILDERS[key](filters) for key in ORDER]


def build_one(key: str, filters: Filters) -> ReportTable | None:
    """One table, counted the same way as on the page."""
    build = BUILDERS.get(key)
    return None if build is None else build(filters)
