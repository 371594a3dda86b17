"""One ticket: the page, replies and notes, the handlers' controls and attachment downloads.

Whoever may not see the ticket gets 404, so ticket ids cannot be probed; the controls are
for its handlers only (404 for everyone else too).
"""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.web import client_address
from ..downloads import download_response
from ..forms import form_status
from ..policies import can_download_ticket_attachment, can_handle_ticket, can_view_ticket
from . import attachments, bp, detail_context, queries, services, ticket_actions
from .forms import AssignForm, MoveForm, PriorityForm, ReplyForm, StatusForm
from .labels import MESSAGE_KIND_LABELS, PRIORITY_LABELS, SERVICE_LEVEL_LABELS, STATUS_LABELS
from .services import HelpdeskError


def visible_ticket_or_404(ticket_id: int):
    """The ticket with its details, or 404 when it does not exist or the member may not see it."""
    ticket = services.get_ticket(ticket_id)
    if ticket is None or not can_view_ticket(current_user, ticket):
        abort(404)
    return ticket


def handled_ticket_or_404(ticket_id: int):
    """The ticket, for its handlers only (404 for everyone else)."""
    ticket = visible_ticket_or_404(ticket_id)
    if not can_handle_ticket(current_user, ticket):
        abort(404)
    return ticket


def reply_form_for(ticket, is_handler: bool, formdata=True) -> tuple[ReplyForm, dict]:
    """The reply form with the handler's extras offered; and the canned replies by id."""
    canned = queries.canned_replies_for(ticket.programme_id) if is_handler else []
    form = ReplyForm() if formdata else ReplyForm(formdata=None)
    form.offer(is_handler, canned, ticket.status)
    return form, {str(reply.id): reply for reply in canned}


def render_detail(ticket, status: int = 200, **forms):
    """Render the ticket as this member may see it; ``forms`` replaces forms that failed."""
    view = ticket_actions.view_of(ticket, current_user)
    if "reply_form" not in forms:
        forms["reply_form"] = reply_form_for(ticket, view.is_handler, formdata=False)[0]
    if view.is_handler:
        defaults = {
            "status_form": lambda: StatusForm(formdata=None, data={"status": ticket.status}),
            "priority_form": lambda: PriorityForm(formdata=None, data={"priority": ticket.priority}),
            "assign_form": lambda: AssignForm(formdata=None,
                                              data={"assignee": str(ticket.assignee_id or "")}),
            "move_form": lambda: MoveForm(formdata=None, data={"programme": str(ticket.programme_id)}),
        }
        for name, build in defaults.items():
            forms.setdefault(name, build())
        forms["assign_form"].offer(ticket.programme.advisers)
        forms["move_form"].offer(ticket_actions.programmes())
    context = {**detail_context.collect(ticket, current_user), **forms}
    return render_template(
        "helpdesk/detail.html", ticket=ticket, view=view, status_labels=STATUS_LABELS,
        priority_labels=PRIORITY_LABELS, service_level_labels=SERVICE_LEVEL_LABELS,
        kind_labels=MESSAGE_KIND_LABELS, change_label=ticket_actions.change_label,
        change_value=ticket_actions.change_value, **context), status


@bp.get("/<int:ticket_id>")
def detail(ticket_id: int):
    """Show the ticket, its messages and history, and the forms this member may use."""
    return render_detail(visible_ticket_or_404(ticket_id))


@bp.post("/<int:ticket_id>/reageren")
def reply(ticket_id: int):
    """Add a reply (or, for handlers, an internal note); "Invoegen" puts a canned reply in the text."""
    ticket = visible_ticket_or_404(ticket_id)
    is_handler = can_handle_ticket(current_user, ticket)
    form, canned = reply_form_for(ticket, is_handler)
    if form.validate_on_submit():
        if form.inserting:
            chosen = canned.get(form.canned_reply.data or "")
            if chosen is None:
                form.canned_reply.errors = [_("Kies eerst een standaardantwoord om in te voegen.")]
                return render_detail(ticket, 422, reply_form=form)
            typed = (form.body.data or "").rstrip()
            form.body.data = f"{typed}\n\n{chosen.body}" if typed else chosen.body
            return render_detail(ticket, 200, reply_form=form)
        try:
            uploads = attachments.read_uploads(form.attachments.data, actor=current_user, target=ticket,
                                               ip_address=client_address())
            message = ticket_actions.post_message(
                ticket, current_user, form.body.data, kind=form.message_kind,
                canned_reply_id=form.canned_reply_id, uploads=uploads, new_status=form.status_after)
        except attachments.AttachmentRefused as refused:
            form.attachments.errors = [str(refused)]
        except HelpdeskError as error:
            form.form_errors.append(str(error))
        else:
            flash(_("Uw interne notitie is opgeslagen.") if message.is_internal
                  else _("Uw bericht is verstuurd."), "success")
            return redirect(url_for("helpdesk.detail", ticket_id=ticket_id, _anchor="berichten"))
        ticket = visible_ticket_or_404(ticket_id)  # reloaded after the rollback
    return render_detail(ticket, form_status(form), reply_form=form)


def _done(ticket_id: int, message: str):
    flash(message, "success")
    return redirect(url_for("helpdesk.detail", ticket_id=ticket_id, _anchor="behandeling"))


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
            return _done(ticket_id, _("De status is nu: %(status)s.", status=STATUS_LABELS[ticket.status]))
    return render_detail(ticket, 422, status_form=form)


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
            return _done(ticket_id, _("De prioriteit is nu: %(priority)s.",
                                      priority=PRIORITY_LABELS[ticket.priority]))
    return render_detail(ticket, 422, priority_form=form)


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
            return _done(ticket_id, _("Toegewezen aan %(name)s.", name=assignee.name) if assignee
                         else _("De vraag is aan niemand toegewezen."))
    return render_detail(ticket, 422, assign_form=form)


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
            flash(_("De vraag is doorgezet naar %(name)s.", name=programme.name), "success")
            if can_view_ticket(current_user, ticket):
                return redirect(url_for("helpdesk.detail", ticket_id=ticket_id, _anchor="behandeling"))
            return redirect(url_for("helpdesk.index"))
    return render_detail(ticket, 422, move_form=form)


@bp.get("/<int:ticket_id>/bijlagen/<int:attachment_id>")
def attachment(ticket_id: int, attachment_id: int):
    """Send a ticket's file as a download; internal files only to its handlers."""
    found = ticket_actions.find_attachment(ticket_id, attachment_id)
    if found is None or not can_download_ticket_attachment(current_user, found):
        abort(404)
    return download_response(found)
