"""The notification centre's pages: the list, opening and marking read, and the preferences."""

from datetime import timedelta

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import format_date, to_user_timezone
from flask_babel import gettext as _
from flask_login import current_user

from ..database import utcnow
from ..forms import form_status
from ..urls import safe_next_url
from . import centre, preferences
from .forms import preferences_form
from .kinds import digest_frequency, kinds_for

bp = Blueprint("notifications", __name__)


def _day_heading(day, today) -> str:
    if day == today:
        return _("Vandaag")
    if day == today - timedelta(days=1):
        return _("Gisteren")
    return format_date(day, "EEEE d MMMM yyyy")


def group_per_day(rows) -> list[tuple[str, list]]:
    """Group the rows (newest first) under a heading per day in the member's time zone."""
    today = to_user_timezone(utcnow()).date()
    groups: list[tuple[str, list]] = []
    last_day = None
    for row in rows:
        day = to_user_timezone(row.created_at).date()
        if day != last_day:
            groups.append((_day_heading(day, today), []))
            last_day = day
        groups[-1][1].append(row)
    return groups


@bp.route("/meldingen")
def notification_list():
    """Show every notification of the member, newest first, per day (reads only)."""
    page, rows = centre.notification_page(current_user, request.args.get("page", 1, type=int))
    return render_template("notifications/notification_list.html", page=page, groups=group_per_day(rows),
                           unread=centre.unread_count(current_user))


@bp.route("/meldingen/<int:notification_id>/openen", methods=["POST"])
def notification_open(notification_id: int):
    """Mark one of the member's notifications read and go to what it is about."""
    path = centre.open_notification(current_user, notification_id)
    if path is None:
        abort(404)
    return redirect(safe_next_url(path) or url_for("notifications.notification_list"), 303)


@bp.route("/meldingen/alles-gelezen", methods=["POST"])
def mark_all_read():
    """Mark every notification of the member read."""
    count = centre.mark_all_read(current_user)
    flash(_("Alle meldingen zijn als gelezen gemarkeerd.") if count else _("U had geen ongelezen meldingen."),
          "success")
    return redirect(url_for("notifications.notification_list"), 303)


@bp.route("/meldingen/onderwerp", methods=["POST"])
def mark_subject_read():
    """Mark the member's notifications about one ticket, question or event read (JS fetch or a button)."""
    subject_type = request.form.get("subject_type", "")
    subject_id = request.form.get("subject_id", type=int)
    wants_json = request.accept_mimetypes.best == "application/json"
    if subject_type not in centre.SUBJECT_TYPES or subject_id is None:
        message = _("Onbekend onderwerp; de meldingen zijn niet gemarkeerd.")
        if wants_json:
            return jsonify(error=message), 400
        flash(message, "error")
        return redirect(_back(), 303)
    marked = centre.mark_subject_read(current_user, subject_type, subject_id)
    if wants_json:
        return jsonify(marked=marked, unread=centre.unread_count(current_user))
    if marked:
        flash(_("De meldingen hierover zijn als gelezen gemarkeerd."), "success")
    return redirect(_back(), 303)


def _back() -> str:
    return safe_next_url(request.form.get("next")) or url_for("notifications.notification_list")


@bp.route("/account/meldingen", methods=["GET", "POST"], endpoint="preferences")
def preferences_page():
    """Let the member choose per kind how they hear of it, the digest frequency and their time zone."""
    kinds = kinds_for(current_user)
    form = preferences_form(kinds, data={
        **preferences.current_choices(current_user),
        "notify_frequency": digest_frequency(current_user),
        "time_zone": preferences.member_time_zone(current_user),
    })
    if form.validate_on_submit():
        preferences.save_preferences(current_user, {kind: form[kind].data for kind in kinds},
                                     form.notify_frequency.data, form.time_zone.data)
        flash(_("Uw keuzes voor meldingen zijn opgeslagen."), "success")
        return redirect(url_for("notifications.preferences"), 303)
    return render_template("notifications/preferences.html", form=form,
                           no_mail=current_user.notify_frequency == "never"), form_status(form)
