"""The workspace sidebar: a handler changes status, priority, assignee or programme in place.

Each property is one small form. Without JavaScript it posts and comes back to the page;
workspace.js posts the same form with ``Accept: application/json`` and gets a short answer
to announce, so the page does not reload.
"""

from flask import flash, jsonify, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..policies import can_view_ticket
from . import bp, services, ticket_actions
from .forms import AssignForm, MoveForm, PriorityForm, StatusForm
from .labels import PRIORITY_LABELS, STATUS_LABELS
from .services import HelpdeskError
from .ticket_views import handled_ticket_or_404, render_detail


def wants_json() -> bool:
    """The request came from workspace.js (fetch) and reads a JSON answer."""
    return request.accept_mimetypes.best == "application/json"


def _done(ticket_id: int, message: str, field: str, label: str, leave: bool = False,
          reload: bool = False):
    if wants_json():
        answer = {"ok": True, "message": message, "field": field, "label": label}
        if leave or reload:  # another programme: other advisers to choose from, so show the page anew
            flash(message, "success")
            answer["redirect"] = url_for("helpdesk.index") if leave else url_for(
                "helpdesk.detail", ticket_id=ticket_id, _anchor="behandeling")
        return jsonify(answer)
    flash(message, "success")
    if leave:
        return redirect(url_for("helpdesk.index"))
    return redirect(url_for("helpdesk.detail", ticket_id=ticket_id, _anchor="behandeling"))


def _failed(ticket, form, field_name: str, **forms):
    errors = getattr(form, field_name).errors or form.form_errors
    if wants_json():
        return jsonify({"ok": False, "message": str(errors[0]) if errors else _("Dat lukte niet.")}), 422
    return render_detail(ticket, 422, **forms)


@bp.post("/<int:ticket_id>/status")
def change_status(ticket_id: int):
    """A handler moves the ticket to another status (the requester is told)."""
    ticket = handled_ticket_or_404(ticket_id)
    form = StatusForm()
    if form.validate_on_submit():
        try:
            services.change_status(ticket, current_user, form.status.data)
        except HelpdeskError as error:
            form.status.errors = [str(error)]
        else:
            label = str(STATUS_LABELS[ticket.status])
            return _done(ticket_id, _("De status is nu: %(status)s.", status=label), "status", label)
    return _failed(ticket, form, "status", status_form=form)


@bp.post("/<int:ticket_id>/prioriteit")
def change_priority(ticket_id: int):
    """A handler sets the priority."""
    ticket = handled_ticket_or_404(ticket_id)
    form = PriorityForm()
    if form.validate_on_submit():
        try:
            services.set_priority(ticket, current_user, form.priority.data)
        except HelpdeskError as error:
            form.priority.errors = [str(error)]
        else:
            label = str(PRIORITY_LABELS[ticket.priority])
            return _done(ticket_id, _("De prioriteit is nu: %(priority)s.", priority=label),
                         "priority", label)
    return _failed(ticket, form, "priority", priority_form=form)


@bp.post("/<int:ticket_id>/toewijzen")
def assign(ticket_id: int):
    """A handler gives the ticket to an adviser of its programme, or to nobody."""
    ticket = handled_ticket_or_404(ticket_id)
    advisers = ticket.programme.advisers
    form = AssignForm()
    form.offer(advisers)
    if form.validate_on_submit():
        assignee = next((a for a in advisers if str(a.id) == form.assignee.data), None)
        try:
            services.assign(ticket, current_user, assignee)
        except HelpdeskError as error:
            form.assignee.errors = [str(error)]
        else:
            label = assignee.name if assignee else _("Niemand")
            return _done(ticket_id, _("Toegewezen aan %(name)s.", name=assignee.name) if assignee
                         else _("De vraag is aan niemand toegewezen."), "assignee", label)
    return _failed(ticket, form, "assignee", assign_form=form)


@bp.post("/<int:ticket_id>/doorzetten")
def move(ticket_id: int):
    """A handler moves the ticket to another programme; its least-loaded adviser takes over."""
    ticket = handled_ticket_or_404(ticket_id)
    programmes = ticket_actions.programmes()
    form = MoveForm()
    form.offer(programmes)
    if form.validate_on_submit():
        programme = next(p for p in programmes if str(p.id) == form.programme.data)
        try:
            services.move_to_programme(ticket, current_user, programme)
        except HelpdeskError as error:
            form.programme.errors = [str(error)]
        else:
            return _done(ticket_id, _("De vraag is doorgezet naar %(name)s.", name=programme.name),
                         "programme", programme.name, leave=not can_view_ticket(current_user, ticket),
                         reload=True)
    return _failed(ticket, form, "programme", move_form=form)
