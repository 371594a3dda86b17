"""Attachments: upload on the edit page, download by members who may see the practice, delete."""

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.web import client_address
from ..downloads import download_response
from ..policies import can_download_attachment, can_edit_practice, require
from . import attachments, bp, queries
from .attachments import AttachmentRefused
from .forms import AttachmentForm, ConfirmForm
from .views import flash_outcome, render_edit, visible_practice_or_404


def _edit_page(practice):
    return redirect(url_for("library.practice_edit", practice_id=practice.id, _anchor="bijlagen"))


@bp.route("/<int:practice_id>/bijlagen", methods=["POST"])
def attachment_upload(practice_id: int):
    """Attach a file to the practice after checking its type and content."""
    practice = visible_practice_or_404(practice_id)
    require(can_edit_practice(current_user, practice))
    form = AttachmentForm()
    upload = form.file.data
    if not form.validate_on_submit() or upload is None or not upload.filename:
        form.file.errors = [*form.file.errors, _("Kies een bestand om toe te voegen.")]
        return render_edit(practice, upload_form=form, status=422)
    try:
        data = attachments.read_limited(upload.stream)
        attachment, outcome = attachments.add_attachment(current_user, practice, upload.filename, data,
                                                         client_address())
    except AttachmentRefused as refused:
        form.file.errors = [*form.file.errors, str(refused)]
        return render_edit(practice, upload_form=form, status=422)
    flash(_("%(name)s is toegevoegd.", name=attachment.filename), "success")
    if outcome != "saved":
        flash_outcome(outcome)
    return _edit_page(practice)


def _attachment_or_404(practice_id: int, attachment_id: int):
    attachment = queries.find_attachment(practice_id, attachment_id)
    if attachment is None or not can_download_attachment(current_user, attachment):
        abort(404)
    return attachment


@bp.route("/<int:practice_id>/bijlagen/<int:attachment_id>")
def attachment_download(practice_id: int, attachment_id: int):
    """Send the file as a download, never shown inline."""
    attachment = _attachment_or_404(practice_id, attachment_id)
    return download_response(attachment)


@bp.route("/<int:practice_id>/bijlagen/<int:attachment_id>/verwijderen", methods=["POST"])
def attachment_delete(practice_id: int, attachment_id: int):
    """Remove an attachment from the practice."""
    attachment = _attachment_or_404(practice_id, attachment_id)
    practice = attachment.practice
    require(can_edit_practice(current_user, practice))
    if not ConfirmForm().validate_on_submit():
        abort(400)
    name = attachment.filename
    outcome = attachments.delete_attachment(current_user, attachment)
    flash(_("%(name)s is verwijderd.", name=name), "success")
    if outcome != "saved":
        flash_outcome(outcome)
    return _edit_page(practice)
