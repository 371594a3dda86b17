"""Show dates and times the Dutch way, in the member's time zone (Europe/Amsterdam by default).

One set of formats for templates, e-mails and Python code that builds text for people:
``date`` "3 december 2026", ``datetime`` "3 december 2026, 14:05" (never seconds), ``time``
"14:05" and ``date_short`` "03-12-2026". Flask-Babel converts aware or naive-UTC datetimes to the
time zone its selector picks, so a member who chose another zone sees their own clock.
"""

from datetime import date as Date
from datetime import datetime as DateTime

from flask_babel import format_date as babel_date
from flask_babel import format_datetime as babel_datetime
from flask_babel import format_time as babel_time

DATE_LONG = "d MMMM yyyy"
DATE_SHORT = "dd-MM-yyyy"
TIME = "HH:mm"
DATETIME_LONG = f"{DATE_LONG}, {TIME}"
DATETIME_SHORT = f"{DATE_SHORT} {TIME}"

# Babel's named styles map onto our own, so older calls such as |datetime('medium') never show seconds.
_DATE_STYLES = {None: DATE_LONG, "long": DATE_LONG, "full": f"EEEE {DATE_LONG}",
                "medium": DATE_LONG, "short": DATE_SHORT}
_DATETIME_STYLES = {None: DATETIME_LONG, "long": DATETIME_LONG, "full": f"EEEE {DATETIME_LONG}",
                    "medium": DATETIME_LONG, "short": DATETIME_SHORT}


def format_date(value: Date | DateTime | None, style: str | None = None) -> str:
    """Return a calendar day as Dutch text ("3 december 2026"); a datetime is first moved to local time."""
    if value is None:
        return ""
    return babel_date(value, _DATE_STYLES.get(style, style))


def format_date_short(value: Date | DateTime | None) -> str:
    """Return a calendar day as "03-12-2026"."""
    return format_date(value, "short")


def format_datetime(value: DateTime | None, style: str | None = None) -> str:
    """Return a moment as local Dutch text ("3 december 2026, 14:05")."""
    if value is None:
        return ""
    if not isinstance(value, DateTime):
        return format_date(value, style)
    return babel_datetime(value, _DATETIME_STYLES.get(style, style))


def format_time(value: DateTime | None) -> str:
    """Return the local clock time of a moment ("14:05")."""
    if value is None:
        return ""
    return babel_time(value, TIME)


def date_input_value(value: Date | DateTime | None) -> str:
    """Return the value a typed Dutch date field shows ("03-12-2026")."""
    return format_date_short(value)
