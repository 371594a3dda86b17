"""Report a post; the advisers' moderation queue and their actions on posts."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from ..auth.web import client_address
from ..forms import form_status
from ..library.forms import CheckboxesField
from ..policies import can_moderate, can_report_post, can_view_post, require
from . import bp, moderation, notify


class ReasonForm(FlaskForm):
    """A reason: for a report, or for hiding or restoring a post."""

    reason = TextAreaField(_l("Reden"), validators=[
        DataRequired(_l("Vul de reden in.")),
        Length(max=300, message=_l("De reden is hoogstens 300 tekens lang."))])


class ButtonForm(FlaskForm):
    """A button that changes something: only the CSRF token."""


class MoveForm(FlaskForm):
    """The themes a question belongs to."""

    themes = CheckboxesField(_l("Thema's"), choices=[])


def _offer_themes(form: MoveForm) -> None:
    form.themes.choices = [SelectChoice(str(t.id), t.name) for t in moderation.themes()]


def _post_or_404(post_type: str, post_id: int):
    post = moderation.find_post(post_type, post_id)
    if post is None or not can_view_post(current_user, post):
        abort(404)
    return post


def _post_page(post) -> str:
    question = moderation.question_of(post)
    return notify.question_path(question.id, None if post is question else post.id)


@bp.route("/melden/<post_type>/<int:post_id>", methods=["GET", "POST"])
def post_report(post_type: str, post_id: int):
    """Report a question or answer to the FORUM advisers, with a reason."""
    post = _post_or_404(post_type, post_id)
    require(can_report_post(current_user, post))
    form = ReasonForm()
    if form.validate_on_submit():
        moderation.report_post(current_user, post, form.reason.data, ip_address=client_address())
        flash(_("Dank u. Een adviseur van FORUM bekijkt uw melding."), "success")
        return redirect(_post_page(post))
    return render_template("forum/moderation_report.html", form=form, post=post, post_type=post_type,
                           back=_post_page(post)), form_status(form)


@bp.route("/moderatie")
def moderation_queue():
    """List the open reports, newest first."""
    require(can_moderate(current_user))
    page, rows = moderation.open_reports(request.args.get("page", 1, type=int))
    return render_template("forum/moderation_queue.html", page=page, rows=rows, form=ButtonForm())


def render_post(post, status: int = 200, reason_form=None, move_form=None):
    """Render the moderation page of a post with its open reports and the actions."""
    question = moderation.question_of(post)
    move_form = move_form or MoveForm(formdata=None, themes=[str(t.id) for t in question.themes])
    _offer_themes(move_form)
    return render_template("forum/moderation_post.html", post=post, question=question,
                           post_type=moderation.post_type_of(post), reports=moderation.reports_about(post),
                           reason_form=reason_form or ReasonForm(formdata=None), move_form=move_form,
                           button_form=ButtonForm(), back=_post_page(post)), status


@bp.route("/moderatie/<post_type>/<int:post_id>")
def moderation_post(post_type: str, post_id: int):
    """Show one post with its reports and the moderation actions."""
    require(can_moderate(current_user))
    return render_post(_post_or_404(post_type, post_id))


def _with_reason(post_type: str, post_id: int, action, done: str):
    require(can_moderate(current_user))
    post = _post_or_404(post_type, post_id)
    form = ReasonForm()
    if not form.validate_on_submit():
        return render_post(post, 422, reason_form=form)
    action(current_user, post, form.reason.data, ip_address=client_address())
    flash(done, "success")
    return redirect(url_for("forum.moderation_post", post_type=post_type, post_id=post_id))


@bp.route("/moderatie/<post_type>/<int:post_id>/verbergen", methods=["POST"])
def post_hide(post_type: str, post_id: int):
    """Hide a post for members, in search and in e-mail."""
    return _with_reason(post_type, post_id, moderation.hide_post,
                        _("Het bericht is verborgen voor leden."))


@bp.route("/moderatie/<post_type>/<int:post_id>/herstellen", methods=["POST"])
def post_restore(post_type: str, post_id: int):
    """Show a hidden post again."""
    return _with_reason(post_type, post_id, moderation.restore_post,
                        _("Het bericht is weer zichtbaar voor leden."))


def _set_locked(question_id: int, locked: bool):
    require(can_moderate(current_user))
    question = _post_or_404("question", question_id)
    if not ButtonForm().validate_on_submit():
        abort(400)
    moderation.set_locked(current_user, question, locked, ip_address=client_address())
    flash(_("De vraag is gesloten voor nieuwe antwoorden.") if locked
          else _("De vraag staat weer open voor antwoorden."), "success")
    return redirect(url_for("forum.moderation_post", post_type="question", post_id=question_id))


@bp.route("/moderatie/vraag/<int:question_id>/sluiten", methods=["POST"])
def question_lock(question_id: int):
    """Lock a question against new answers."""
    return _set_locked(question_id, True)


@bp.route("/moderatie/vraag/<int:question_id>/openen", methods=["POST"])
def question_unlock(question_id: int):
    """Open a locked question again."""
    return _set_locked(question_id, False)


@bp.route("/moderatie/vraag/<int:question_id>/verplaatsen", methods=["POST"])
def question_move(question_id: int):
    """Move a question to other themes."""
    require(can_moderate(current_user))
    question = _post_or_404("question", question_id)
    form = MoveForm()
    _offer_themes(form)
    if not form.validate_on_submit():
        return render_post(question, 422, move_form=form)
    theme_ids = [int(v) for v in form.themes.data or []]
    moderation.move_question(current_user, question, theme_ids, ip_address=client_address())
    flash(_("De thema's van de vraag zijn gewijzigd."), "success")
    return redirect(url_for("forum.moderation_post", post_type="question", post_id=question_id))


@bp.route("/moderatie/melding/<int:report_id>/afwijzen", methods=["POST"])
def report_dismiss(report_id: int):
    """Close a report without changing the post."""
    require(can_moderate(current_user))
    report = moderation.find_report(report_id)
    if report is None:
        abort(404)
    if not ButtonForm().validate_on_submit():
        abort(400)
    moderation.dismiss_report(current_user, report, ip_address=client_address())
    flash(_("De melding is gesloten zonder iets aan het bericht te veranderen."), "success")
    return redirect(url_for("forum.moderation_queue"))
