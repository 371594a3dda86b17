"""Follow questions, themes and tags, and call in an adviser."""

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from ..auth.web import client_address
from ..policies import can_follow_question, can_view_question, is_member, require
from ..urls import safe_next_url
from . import bp, notify, unanswered


def _toggle(target_type: str, target_id: int, fallback: str):
    target = notify.find_target(target_type, target_id)
    if target is None:
        abort(404)
    if target_type == "question":
        if not can_follow_question(current_user, target):
            abort(404)
    else:
        require(is_member(current_user))
    following = notify.toggle_follow(current_user, target_type, target_id)
    if following:
        flash(_("U volgt dit nu. U krijgt een melding als er iets nieuws is."), "success")
    else:
        flash(_("U volgt dit niet meer."), "info")
    return redirect(safe_next_url(request.form.get("next")) or fallback)


@bp.route("/<int:question_id>/volgen", methods=["POST"])
def question_follow(question_id: int):
    """Follow or stop following a question."""
    return _toggle("question", question_id, notify.question_path(question_id))


@bp.route("/thema/<int:theme_id>/volgen", methods=["POST"])
def theme_follow(theme_id: int):
    """Follow or stop following a theme."""
    return _toggle("theme", theme_id, "/vragen")


@bp.route("/tag/<int:tag_id>/volgen", methods=["POST"])
def tag_follow(tag_id: int):
    """Follow or stop following a tag."""
    return _toggle("tag", tag_id, "/vragen")


@bp.route("/meldingen")
def notification_list():
    """Send the old address of the notification list on to the notification centre."""
    page = request.args.get("page", type=int)
    return redirect(url_for("notifications.notification_list", page=page))


@bp.route("/<int:question_id>/adviseur", methods=["POST"])
def ask_adviser(question_id: int):
    """Put an unanswered question to a FORUM adviser as a helpdesk ticket ("Vraag het een FORUM-adviseur")."""
    question = notify.find_target("question", question_id)
    if question is None or not can_view_question(current_user, question):
        abort(404)
    try:
        ticket = unanswered.ask_adviser(current_user, question, ip_address=client_address())
    except unanswered.TooEarly as refused:
        flash(str(refused), "error")
        return redirect(notify.question_path(question_id))
    flash(Markup('{} <a href="{}">{}</a>').format(
        _("Uw vraag is voorgelegd aan een adviseur van FORUM als helpdeskvraag. Het antwoord komt in uw "
          "helpdeskvraag en, als de adviseur dat kiest, ook in deze draad."),
        url_for("helpdesk.detail", ticket_id=ticket.id), _("Bekijk uw helpdeskvraag")), "success")
    return redirect(notify.question_path(question_id))
