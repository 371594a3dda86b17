"""Public pages that need no account: the terms of use and the favicon."""

from flask import redirect, render_template, url_for

from . import bp


@bp.route("/voorwaarden")
def terms():
    """Show the terms of use of the service and the extranet."""
    return render_template("main/terms.html")


@bp.route("/favicon.ico")
def favicon():
    """Send browsers that ask for /favicon.ico to the SVG icon."""
    return redirect(url_for("static", filename="favicon.svg"), code=301)
