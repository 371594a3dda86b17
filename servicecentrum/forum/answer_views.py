"""Answer actions: post an answer, call it "nuttig", accept it, edit it."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.web import client_address
from ..forms import form_status
from ..policies import can_accept_answer, can_answer, can_edit_post, can_view_answer, can_vote, require
from . import bp, queries, revisions, services
from .forms import ActionForm, AnswerForm, AttachmentForm
from .views import render_detail, visible_question_or_404


def visible_answer_or_404(answer_id: int):
    """Return the answer, or answer 404 when it does not exist or the member may not see it."""
    answer = queries.find_answer(answer_id)
    if answer is None or not can_view_answer(current_user, answer):
        abort(404)
    return answer


def thread_url(answer) -> str:
    """Return the thread of the answer, scrolled to it."""
    return url_for("forum.question_detail", question_id=answer.question_id, _anchor=f"antwoord-{answer.id}")


@bp.route("/<int:question_id>/antwoorden", methods=["POST"])
def answer_create(question_id: int):
    """Post an answer to a question that is not locked."""
    question = visible_question_or_404(question_id)
    require(can_answer(current_user, question))
    form = AnswerForm()
    if not form.validate_on_submit():
        return render_detail(question, answer_form=form, status=form_status(form))
    answer = services.post_answer(current_user, question, form.body.data, ip_address=client_address())
    flash(_("Uw antwoord is geplaatst."), "success")
    return redirect(thread_url(answer))


@bp.route("/antwoorden/<int:answer_id>/nuttig", methods=["POST"])
def answer_vote(answer_id: int):
    """Call someone else's answer "nuttig", or take that back."""
    answer = visible_answer_or_404(answer_id)
    require(can_vote(current_user, answer))
    if ActionForm().validate_on_submit():
        voted = services.toggle_vote(current_user, answer)
        flash(_("U vindt dit antwoord nuttig.") if voted else _("Uw stem is ingetrokken."), "success")
    return redirect(thread_url(answer))


@bp.route("/antwoorden/<int:answer_id>/accepteren", methods=["POST"])
def answer_accept(answer_id: int):
    """Mark the answer as the accepted one, or unmark it (the asker or an adviser)."""
    answer = visible_answer_or_404(answer_id)
    require(can_accept_answer(current_user, answer))
    if ActionForm().validate_on_submit():
        accepted = services.toggle_accepted(current_user, answer, ip_address=client_address())
        flash(_("Dit antwoord is gemarkeerd als beste antwoord.") if accepted
              else _("Het antwoord is niet langer gemarkeerd als beste antwoord."), "success")
    return redirect(thread_url(answer))


@bp.route("/antwoorden/<int:answer_id>/bewerken", methods=["GET", "POST"])
def answer_edit(answer_id: int):
    """Edit an answer; the previous text stays in the history."""
    answer = visible_answer_or_404(answer_id)
    require(can_edit_post(current_user, answer))
    form = AnswerForm(obj=answer)
    if form.validate_on_submit():
        changed = revisions.edit_answer(current_user, answer, form.body.data, ip_address=client_address())
        flash(_("Het antwoord is bijgewerkt.") if changed else _("Er was niets gewijzigd."),
              "success" if changed else "info")
        return redirect(thread_url(answer))
    return render_template("forum/answer_edit.html", form=form, answer=answer,
                           upload_form=AttachmentForm(formdata=None),
                           files=queries.attachments_of("answer", [answer.id])), form_status(form)
