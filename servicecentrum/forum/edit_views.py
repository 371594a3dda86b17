"""Editing a question and reading the revision history of a thread."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.web import client_address
from ..forms import form_status
from ..policies import can_edit_post, require
from . import bp, queries, revisions
from .forms import AttachmentForm, QuestionForm
from .views import question_data, visible_question_or_404


@bp.route("/<int:question_id>/bewerken", methods=["GET", "POST"])
def question_edit(question_id: int):
    """Edit a question; the previous text stays in the history."""
    question = visible_question_or_404(question_id)
    require(can_edit_post(current_user, question))
    form = QuestionForm(obj=question)
    form.offer_themes(queries.themes())
    if not form.is_submitted():
        form.themes.data = [str(theme.id) for theme in question.themes]
        form.tags.data = ", ".join(tag.name for tag in question.tags)
    if form.validate_on_submit():
        changed = revisions.edit_question(current_user, question, question_data(form),
                                          ip_address=client_address())
        flash(_("De vraag is bijgewerkt.") if changed else _("Er was niets gewijzigd."),
              "success" if changed else "info")
        return redirect(url_for("forum.question_detail", question_id=question.id))
    return render_template("forum/question_edit.html", form=form, question=question,
                           upload_form=AttachmentForm(formdata=None),
                           files=queries.attachments_of("question", [question.id])), form_status(form)


@bp.route("/<int:question_id>/geschiedenis")
def question_history(question_id: int):
    """Show the earlier texts of the question and of the answers this member may see."""
    question = visible_question_or_404(question_id)
    answers = queries.thread_answers(current_user, question)
    items = queries.revisions_of(question, [answer.id for answer in answers])
    return render_template("forum/question_history.html", question=question, revisions=items,
                           answers={answer.id: answer for answer in answers})
