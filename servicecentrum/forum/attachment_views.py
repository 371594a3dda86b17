"""Attachments of questions and answers: upload on the edit pages, download by who may see the post."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.web import client_address
from ..downloads import download_response
from ..library.attachments import read_limited
from ..policies import can_download_post_attachment, can_edit_post, require
from . import attachments, bp, queries
from .answer_views import visible_answer_or_404
from .forms import AnswerForm, AttachmentForm, QuestionForm
from .views import visible_question_or_404


def _store(post_type: str, post, form: AttachmentForm) -> bool:
    upload = form.file.data
    if not form.validate_on_submit() or upload is None or not upload.filename:
        form.file.errors = [*form.file.errors, _("Kies een bestand om toe te voegen.")]
        return False
    try:
        attachment = attachments.add_post_attachment(current_user, post_type, post, upload.filename,
                                                     read_limited(upload.stream), client_address())
    except attachments.AttachmentRefused as refused:
        form.file.errors = [*form.file.errors, str(refused)]
        return False
    flash(_("%(name)s is toegevoegd.", name=attachment.filename), "success")
    return True


@bp.route("/<int:question_id>/bijlagen", methods=["POST"])
def question_attachment_add(question_id: int):
    """Attach a file to a question (its author or an adviser)."""
    question = visible_question_or_404(question_id)
    require(can_edit_post(current_user, question))
    form = AttachmentForm()
    if _store("question", question, form):
        return redirect(url_for("forum.question_edit", question_id=question.id, _anchor="bijlagen"))
    edit_form = QuestionForm(formdata=None, obj=question)
    edit_form.offer_themes(queries.themes())
    edit_form.themes.data = [str(theme.id) for theme in question.themes]
    edit_form.tags.data = ", ".join(tag.name for tag in question.tags)
    return render_template("forum/question_edit.html", form=edit_form, question=question,
                           upload_form=form, files=queries.attachments_of("question", [question.id])), 422


@bp.route("/antwoorden/<int:answer_id>/bijlagen", methods=["POST"])
def answer_attachment_add(answer_id: int):
    """Attach a file to an answer (its author or an adviser)."""
    answer = visible_answer_or_404(answer_id)
    require(can_edit_post(current_user, answer))
    form = AttachmentForm()
    if _store("answer", answer, form):
        return redirect(url_for("forum.answer_edit", answer_id=answer.id, _anchor="bijlagen"))
    return render_template("forum/answer_edit.html", form=AnswerForm(formdata=None, obj=answer),
                           answer=answer, upload_form=form,
                           files=queries.attachments_of("answer", [answer.id])), 422


@bp.route("/bijlagen/<int:attachment_id>")
def attachment_download(attachment_id: int):
    """Send the file as a download to members who may see its post."""
    attachment = queries.find_attachment(attachment_id)
    post = None
    if attachment is not None:
        post = (queries.find_question(attachment.post_id) if attachment.post_type == "question"
                else queries.find_answer(attachment.post_id))
    if post is None or not can_download_post_attachment(current_user, post):
        abort(404)
    return download_response(attachment)
