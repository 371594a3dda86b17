"""Values of report tables as Dutch text (pages) and as CSV cells."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from ..dates import format_date


def _decimal(value, places: int = 1) -> str:
    quantum = Decimal(1).scaleb(-places)
    return str(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)).replace(".", ",")


def cell_text(value, kind: str) -> str:
    """How a cell reads on the page: '1.234', '12,5', '87%', '3,5 dagen', '03-12-2026'."""
    if value is None or value == "":
        return "–"
    if kind == "int":
        return f"{int(value):,}".replace(",", ".")
    if kind == "decimal":
        return _decimal(value)
    if kind == "percent":
        return _decimal(Decimal(str(value)) * 100, 0) + "%"
    if kind == "days":
        return _decimal(value)
    if kind == "date":
        return value.strftime("%d-%m-%Y")
    if kind == "month":  # "2026-01" -> "januari 2026"
        year, month = (int(part) for part in str(value).split("-"))
        return format_date(date(year, month, 1), "MMMM yyyy")
    return str(value)


def csv_cell(value, kind: str):
    """How a cell is written to CSV: numbers with a Dutch decimal comma, percentages as 0–100."""
    if value is None:
        return ""
    if kind == "int":
        return int(value)
    if kind in ("decimal", "days"):
        return _decimal(value, 2)
    if kind == "percent":
        return _decimal(Decimal(str(value)) * 100, 1)
    if kind == "date":
        return value.strftime("%d-%m-%Y")  # how Dutch spreadsheets read a date
    return str(value)
