"""Template helpers: rules, labels and formatting."""

from flask import Flask

from .dates import format_date, format_date_short, format_datetime, format_time
from .policies import can


def init_app(app: Flask) -> None:
    """Expose the authorization rules and formatters to every template."""
    from .auth.reconfirm import reconfirmation_pending
    from .notifications.centre import unread_count, unread_subject_ids

    app.jinja_env.globals["can"] = can
    app.jinja_env.globals["reconfirmation_pending"] = reconfirmation_pending
    app.jinja_env.globals["unread_notifications"] = unread_count
    app.jinja_env.globals["unread_subject_ids"] = unread_subject_ids
    app.jinja_env.filters["date"] = format_date
    app.jinja_env.filters["datetime"] = format_datetime
    app.jinja_env.filters["time"] = format_time
    app.jinja_env.filters["date_short"] = format_date_short
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
