"""Canned replies per programme: the overview, adding, changing and removing one."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..forms import form_status
from ..policies import can_edit_canned_replies, can_view_staff_tools, require
from . import bp, canned
from .canned_forms import CannedReplyForm, DeleteForm
from .services import HelpdeskError


def editable_reply_or_404(reply_id: int):
    """The reply, or 404 when it does not exist or belongs to a programme the member does not keep."""
    reply = canned.find_reply(reply_id)
    if reply is None or not can_edit_canned_replies(current_user, reply.programme):
        abort(404)
    return reply


def chosen_programme(form: CannedReplyForm, programmes):
    """The programme picked in the form, among those offered (the form validated it)."""
    wanted = int(form.programme_id.data)
    programme = next((p for p in programmes if p.id == wanted), None)
    require(programme is not None and can_edit_canned_replies(current_user, programme))
    return programme


@bp.get("/standaardantwoorden")
def canned_list():
    """Every canned reply of the programmes the member keeps, per programme."""
    require(can_view_staff_tools(current_user))
    groups = canned.replies_by_programme(canned.editable_programmes(current_user))
    names = canned.editor_names([reply for group in groups for reply in group.replies])
    return render_template("helpdesk/canned_list.html", groups=groups, names=names,
                           delete_form=DeleteForm())


@bp.route("/standaardantwoorden/nieuw", methods=["GET", "POST"])
def canned_create():
    """Write a new canned reply for one of the member's programmes."""
    require(can_view_staff_tools(current_user))
    programmes = canned.editable_programmes(current_user)
    form = CannedReplyForm()
    form.offer(programmes)
    if programmes and form.validate_on_submit():
        try:
            canned.create_reply(current_user, chosen_programme(form, programmes), form.data_typed())
        except HelpdeskError as error:
            form.form_errors.append(str(error))
        else:
            flash(_("Het standaardantwoord is opgeslagen."), "success")
            return redirect(url_for("helpdesk.canned_list"))
    return render_template("helpdesk/canned_form.html", form=form, reply=None,
                           programmes=programmes), form_status(form)


@bp.route("/standaardantwoorden/<int:reply_id>/bewerken", methods=["GET", "POST"])
def canned_edit(reply_id: int):
    """Change a canned reply of one of the member's programmes."""
    require(can_view_staff_tools(current_user))
    reply = editable_reply_or_404(reply_id)
    programmes = canned.editable_programmes(current_user)
    form = CannedReplyForm(obj=reply)
    form.offer(programmes)
    if form.validate_on_submit():
        try:
            canned.update_reply(current_user, reply, chosen_programme(form, programmes), form.data_typed())
        except HelpdeskError as error:
            form.form_errors.append(str(error))
        else:
            flash(_("Het standaardantwoord is bijgewerkt."), "success")
            return redirect(url_for("helpdesk.canned_list"))
    return render_template("helpdesk/canned_form.html", form=form, reply=reply,
                           programmes=programmes), form_status(form)


@bp.post("/standaardantwoorden/<int:reply_id>/verwijderen")
def canned_delete(reply_id: int):
    """Remove a canned reply."""
    require(can_view_staff_tools(current_user))
    reply = editable_reply_or_404(reply_id)
    if DeleteForm().validate_on_submit():
        title = reply.title
        canned.delete_reply(reply)
        flash(_("Het standaardantwoord “%(title)s” is verwijderd.", title=title), "success")
    return redirect(url_for("helpdesk.canned_list"))
