"""Daily roll-ups of the dashboard's helpdesk and satisfaction figures (see reports/rollup.py).

The roll-up (``flask --app wsgi reports rollup``, nightly) replaces a day's rows as a whole,
together with that day's line in ``report_rolled_days``, in one transaction. The dashboard reads
the days listed there from these tables and counts every other day of the period live from the
raw tables. Days are Amsterdam calendar dates; programme and theme are the ticket's (or event's)
at the time of the roll-up, which re-rolls the days of tickets changed since its previous run.
"""

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime
from ..extensions import db

# Each roll-up's index holds every column the dashboard reads: a period's rows are then read
# from the index alone (SQLite and PostgreSQL index-only scans), without the table. The daily
# tables keep, beside a row per theme, the day's totals over all themes (``all_themes``): a page
# without a theme filter reads those, a handful of rows a day instead of one per theme.


class ReportTicketDay(db.Model):
    """Per day, programme and theme: tickets filed, and first responses due (and how many on time)."""

    __tablename__ = "report_ticket_days"
    __table_args__ = (Index("ix_report_ticket_days_scope", "all_themes", "theme_id", "day", "programme_id",
                            "created", "response_due", "response_on_time"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id", ondelete="SET NULL"))
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id", ondelete="SET NULL"))
    all_themes: Mapped[bool] = mapped_column(Boolean, default=False)  # the totals (theme_id empty)
    created: Mapped[int] = mapped_column(Integer, default=0)  # filed on this day
    response_due: Mapped[int] = mapped_column(Integer, default=0)  # first response due on this day
    response_on_time: Mapped[int] = mapped_column(Integer, default=0)  # ... and given by then


class ReportResolution(db.Model):
    """One ticket resolved on this day, with its calendar days from filing to resolution.

    Medians cannot be added up from daily sums, so the resolution times are kept one by one:
    a narrow row without the time-zone arithmetic the raw table needs.
    """

    __tablename__ = "report_resolutions"
    __table_args__ = (Index("ix_report_resolutions_day", "day", "programme_id", "theme_id", "days"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id", ondelete="SET NULL"))
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id", ondelete="SET NULL"))
    days: Mapped[float] = mapped_column(Float)


class ReportSurveyDay(db.Model):
    """Per day, service (helpdesk or an event kind), programme and theme: satisfaction responses."""

    __tablename__ = "report_survey_days"
    __table_args__ = (Index("ix_report_survey_days_scope", "all_themes", "theme_id", "day", "service",
                            "programme_id", "responses", "rating_sum", "satisfied"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    service: Mapped[str] = mapped_column(String(30))
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id", ondelete="SET NULL"))
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id", ondelete="SET NULL"))
    all_themes: Mapped[bool] = mapped_column(Boolean, default=False)  # the totals (theme_id empty)
    responses: Mapped[int] = mapped_column(Integer, default=0)
    rating_sum: Mapped[int] = mapped_column(Integer, default=0)
    satisfied: Mapped[int] = mapped_column(Integer, default=0)  # rated 4 or 5


class ReportRolledDay(db.Model):
    """A day whose roll-up rows are complete; the dashboard counts every other day live."""

    __tablename__ = "report_rolled_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    rolled_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReportRollupRun(db.Model):
    """One run of the roll-up: what it covered, and what the next run checks for changes since."""

    __tablename__ = "report_rollup_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    first_day: Mapped[date | None] = mapped_column(Date)
    last_day: Mapped[date | None] = mapped_column(Date)
    days: Mapped[int] = mapped_column(Integer, default=0)
    # The highest ids seen: rows inserted later with an earlier date (imports) are found by id.
    max_ticket_id: Mapped[int] = mapped_column(Integer, default=0)
    max_survey_id: Mapped[int] = mapped_column(Integer, default=0)


ROLLUP_MODELS = (ReportTicketDay, ReportResolution, ReportSurveyDay, ReportRolledDay)
