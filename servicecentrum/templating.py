"""Template helpers: rules, labels and formatting."""

from flask import Flask
from flask_babel import format_date, format_datetime

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
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
