"""Public pages that need no account: the terms of use and the favicon."""

from flask import current_app, render_template, send_from_directory

from . import bp


@bp.route("/voorwaarden")
def terms():
    """Show the terms of use of the service and the extranet."""
    return render_template("main/terms.html")


@bp.route("/favicon.ico")
def favicon():
    """Answer browsers that ask for /favicon.ico with the SVG icon."""
    return send_from_directory(current_app.static_folder, "favicon.svg", mimetype="image/svg+xml",
                               max_age=86400)
