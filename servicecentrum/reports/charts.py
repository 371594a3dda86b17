"""Bar charts as inline SVG, drawn from a report table: readable at a glance, no outside service.

Every chart stands next to its table (the same numbers, for screen readers and for copying),
so the SVG is one image with a text alternative. Bars are horizontal, one row per table row;
several value columns become grouped bars (or one stacked bar) with a legend; series differ
in colour and in the legend's order, never in colour alone: the table carries every number.
"""

from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape

from ..dates import format_date
from .formatting import cell_text
from .tables import Filters, ReportTable

# Colours with at least 3:1 contrast against white (WCAG 1.4.11), distinct in print.
PALETTE = ("#1f4e79", "#b3541e", "#2e7d32", "#6a1b9a", "#00695c", "#8d6e00", "#ad1457", "#37474f")
LABEL_WIDTH, BAR_AREA, VALUE_WIDTH = 260, 380, 70
BAR_HEIGHT, GAP = 16, 10


@dataclass
class _Series:
    label: str
    kind: str
    colour: str
    index: int


def _number(value) -> float:
    try:
        return float(Decimal(str(value)))
    except Exception:  # noqa: BLE001 (an empty or text cell draws no bar)
        return 0.0


def _truncate(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def period_text(start, end) -> str:
    """The period in words: "1 januari – 31 december 2026" (the year once when both share it)."""
    first = format_date(start, "d MMMM") if start.year == end.year else format_date(start)
    return f"{first} – {format_date(end)}"


def chart_caption(table: ReportTable, filters: Filters) -> str:
    """What the table's chart shows, with unit and period; also the chart image's accessible name."""
    spec = table.chart
    what = (spec.caption if spec is not None and spec.caption else "") or table.title
    return f"{what}, {period_text(filters.start, filters.end)}"


def bar_chart(table: ReportTable, chart_id: str, caption: str | None = None) -> Markup:
    """The table's chart as an SVG element, or empty markup when it has no chart or no rows.

    ``caption`` (see chart_caption) names the image; the page shows the same text in a figcaption.
    """
    spec = table.chart
    if spec is None or not table.rows:
        return Markup("")
    series = [_Series(table.columns[i].label, table.columns[i].kind, PALETTE[n % len(PALETTE)], i)
              for n, i in enumerate(spec.value_columns)]
    rows = table.rows
    totals = [sum(_number(row[s.index]) for s in series) for row in rows]
    peak = max([*(totals if spec.stacked else (_number(r[s.index]) for r in rows for s in series)), 0.0])
    if any(s.kind == "percent" for s in series):
        peak = max(peak, 1.0)
    peak = peak or 1.0
    per_row = BAR_HEIGHT if spec.stacked else BAR_HEIGHT * len(series)
    legend_height = 0 if len(series) == 1 else 22 * ((len(series) + 2) // 3)
    height = legend_height + len(rows) * (per_row + GAP) + GAP
    width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'class="chart" role="img" aria-labelledby="{chart_id}-title">',
             f'<title id="{chart_id}-title">{escape(caption or table.title)}</title>']
    for n, s in enumerate(series if len(series) > 1 else []):
        x, y = (n % 3) * 230, (n // 3) * 22
        legend = escape(_truncate(s.label, 30))
        parts.append(f'<rect x="{x}" y="{y + 4}" width="14" height="14" fill="{s.colour}"/>'
                     f'<text x="{x + 20}" y="{y + 16}" class="chart__legend">{legend}</text>')
    y = legend_height + GAP
    for row, total in zip(rows, totals, strict=True):
        label = " – ".join(cell_text(row[i], table.columns[i].kind)
                           for i in spec.label_columns or [spec.label_column])
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + per_row / 2 + 5}" text-anchor="end" '
                     f'class="chart__label">{escape(_truncate(label))}</text>')
        x, bar_y = float(LABEL_WIDTH), float(y)
        for s in series:
            value = _number(row[s.index])
            length = BAR_AREA * value / peak
            parts.append(f'<rect x="{x:.1f}" y="{bar_y:.1f}" width="{length:.1f}" height="{BAR_HEIGHT}" '
                         f'fill="{s.colour}"/>')
            if spec.stacked:
                x += length
            else:
                parts.append(f'<text x="{x + length + 4:.1f}" y="{bar_y + BAR_HEIGHT - 4:.1f}" '
                             f'class="chart__value">{escape(cell_text(row[s.index], s.kind))}</text>')
                bar_y += BAR_HEIGHT
        if spec.stacked:
            parts.append(f'<text x="{x + 4:.1f}" y="{y + BAR_HEIGHT - 4}" class="chart__value">'
                         f'{escape(cell_text(total, series[0].kind))}</text>')
        y += per_row + GAP
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 (every text in it went through escape())
