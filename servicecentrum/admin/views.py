"""Admin screens: the dashboard, and the modules with accounts, organisations, audit and settings."""

from flask import current_app, render_template, url_for

from . import bp, users
from .access import admin_only


@bp.route("")
@admin_only
def index():
    """Show the dashboard: links to every admin screen and the numbers that need attention."""
    registrations_url = None
    if "admin.registration_list" in current_app.view_functions:
        registrations_url = url_for("admin.registration_list")
    return render_template("admin/index.html", counts=users.account_counts(),
                           registrations_url=registrations_url)


from . import audit_views, mail_views, organisations_views, settings_views, users_views  # noqa: E402,F401
