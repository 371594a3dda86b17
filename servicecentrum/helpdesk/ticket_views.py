"""One ticket: the adviser's workspace or the requester's page, the composer and downloads.

Whoever may not see the ticket gets 404, so ticket ids cannot be probed. Handlers change the
ticket's properties in the sidebar (sidebar_views.py) and send from one composer here.
"""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import caching
from ..auth.web import client_address
from ..downloads import download_response
from ..forms import form_status
from ..policies import can_download_ticket_attachment, can_handle_ticket, can_view_ticket
from . import attachments, bp, detail_context, queries, services, sla, ticket_actions, workspace
from .forms import AssignForm, MoveForm, PriorityForm, ReplyForm, StatusForm
from .labels import (
    MESSAGE_KIND_LABELS,
    PRIORITY_LABELS,
    SERVICE_LEVEL_LABELS,
    STATUS_LABELS,
    status_label,
    status_labels_for,
)
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
    """The composer with the handler's extras offered; and the canned replies by id."""
    canned = queries.canned_replies_for(ticket.programme_id) if is_handler else []
    form = ReplyForm() if formdata else ReplyForm(formdata=None)
    form.offer(is_handler, canned, ticket.status)
    return form, {str(reply.id): reply for reply in canned}


def sidebar_forms(ticket, forms: dict) -> dict:
    """The handler's property forms (status, priority, assignee, programme), failed ones kept."""
    defaults = {
        "status_form": lambda: StatusForm(formdata=None, data={"status": ticket.status}),
        "priority_form": lambda: PriorityForm(formdata=None, data={"priority": ticket.priority}),
        "assign_form": lambda: AssignForm(formdata=None, data={"assignee": str(ticket.assignee_id or "")}),
        "move_form": lambda: MoveForm(formdata=None, data={"programme": str(ticket.programme_id)}),
    }
    for name, build in defaults.items():
        forms.setdefault(name, build())
    # The kept list of programmes: the same for every handler, and it names their advisers.
    programmes = caching.programmes()
    forms["assign_form"].offer(next((p.advisers for p in programmes if p.id == ticket.programme_id), ()))
    forms["move_form"].offer(programmes)
    return forms


def render_detail(ticket, status: int = 200, **forms):
    """Render the ticket as this member may see it; ``forms`` replaces forms that failed."""
    view = ticket_actions.view_of(ticket, current_user)
    canned = {}
    if "reply_form" not in forms:
        forms["reply_form"], canned = reply_form_for(ticket, view.is_handler, formdata=False)
    elif view.is_handler:
        canned = {str(reply.id): reply for reply in queries.canned_replies_for(ticket.programme_id)}
    if view.is_handler:
        sidebar_forms(ticket, forms)
    context = {**detail_context.collect(ticket, current_user), **forms}
    unread = queries.page_facts(ticket, current_user, sla.today().year).unread
    return render_template(
        "helpdesk/detail.html", ticket=ticket, view=view,
        status_labels=status_labels_for(current_user, view.is_handler),
        handler_status_labels=STATUS_LABELS, status_text=status_label(ticket, current_user, view.is_handler),
        priority_labels=PRIORITY_LABELS, service_level_labels=SERVICE_LEVEL_LABELS,
        kind_labels=MESSAGE_KIND_LABELS, change_label=ticket_actions.change_label,
        change_value=ticket_actions.change_value, canned_replies=list(canned.values()), unread=unread,
        **context), status


@bp.get("/<int:ticket_id>")
def detail(ticket_id: int):
    """Show the ticket: the workspace for its handlers, the conversation for the requester."""
    return render_detail(visible_ticket_or_404(ticket_id))


def _insert_canned(ticket, form: ReplyForm, canned: dict):
    """No-JS "Invoegen": put the canned text after what was typed and show the page again."""
    chosen = canned.get(form.canned_reply.data or "")
    if chosen is None:
        form.canned_reply.errors = [_("Kies eerst een standaardantwoord om in te voegen.")]
        return render_detail(ticket, 422, reply_form=form)
    typed = (form.body.data or "").rstrip()
    form.body.data = f"{typed}\n\n{chosen.body}" if typed else chosen.body
    return render_detail(ticket, 200, reply_form=form)


def _sent_message(sent: workspace.Sent) -> str:
    internal = sent.message.is_internal
    parts = [_("Uw interne notitie is opgeslagen.") if internal else _("Uw bericht is verstuurd.")]
    if sent.minutes:
        parts.append(_("%(minutes)s minuten geschreven (%(kind)s).", minutes=sent.minutes,
                       kind=_("betaald") if sent.billable else _("gratis")))
    return " ".join(parts)


@bp.post("/<int:ticket_id>/reageren")
def reply(ticket_id: int):
    """Send from the composer: a reply (handlers: or a note, with time and a new status)."""
    ticket = visible_ticket_or_404(ticket_id)
    is_handler = can_handle_ticket(current_user, ticket)
    form, canned = reply_form_for(ticket, is_handler)
    if form.validate_on_submit():
        if form.inserting:
            return _insert_canned(ticket, form, canned)
        try:
            uploads = attachments.read_uploads(form.attachments.data, actor=current_user, target=ticket,
                                               ip_address=client_address())
            if is_handler:
                sent = workspace.send_from_workspace(
                    current_user, ticket, form.message_kind, form.body.data, uploads,
                    status_after=form.status_after, minutes=form.minutes_spent,
                    canned_reply_id=form.canned_reply_id)
                notice = _sent_message(sent)
            else:
                ticket_actions.post_message(ticket, current_user, form.body.data, uploads=uploads)
                notice = _("Uw bericht is verstuurd.")
        except attachments.AttachmentRefused as refused:
            form.attachments.errors = [str(refused)]
        except HelpdeskError as error:
            form.form_errors.append(str(error))
        else:
            flash(notice, "success")
            return redirect(url_for("helpdesk.detail", ticket_id=ticket_id, _anchor="berichten"))
        ticket = visible_ticket_or_404(ticket_id)  # reloaded after the rollback
    return render_detail(ticket, form_status(form), reply_form=form)


@bp.get("/<int:ticket_id>/bijlagen/<int:attachment_id>")
def attachment(ticket_id: int, attachment_id: int):
    """Send a ticket's file as a download; internal files only to its handlers."""
    found = ticket_actions.find_attachment(ticket_id, attachment_id)
    if found is None or not can_download_ticket_attachment(current_user, found):
        abort(404)
    return download_response(found)
