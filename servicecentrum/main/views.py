"""Landing page, accessibility statement, overview, health and language choice."""

from flask import current_app, jsonify, redirect, render_template, request, session, url_for
from flask_login import current_user

from ..events.labels import KIND_LABELS as EVENT_KIND_LABELS
from ..forms import LanguageForm
from ..urls import safe_next_url
from . import bp, dashboard, health


@bp.route("/")
def landing():
    return render_template("main/landing.html")


@bp.route("/toegankelijkheid")
def accessibility():
    return render_template("main/accessibility.html")


@bp.route("/overzicht")
def home():
    """The member's own work: what waits for them, by role."""
    return render_template(
        "main/home.html", user=current_user, blocks=dashboard.start_page(current_user),
        event_kind_labels=EVENT_KIND_LABELS, mail_page_url=dashboard.mail_page_url())


@bp.route("/healthz")
def healthz():
    checks = health.run_checks(current_app.config["SEARCH_INDEX_DIR"])
    healthy = all(state == "ok" for state in checks.values())
    body = {"status": "ok" if healthy else "error", "checks": checks}
    return jsonify(body), 200 if healthy else 503


@bp.route("/taal", methods=["POST"])
def language_set():
    form = LanguageForm()
    if form.validate_on_submit():
        session["lang"] = form.lang.data
    return redirect(safe_next_url(request.form.get("next")) or url_for("main.landing"))
