"""The requester's helpdesk pages: "Mijn vragen" (and the organisation's) and filing a question."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.web import client_address
from ..forms import form_status
from ..notifications.centre import unread_subject_ids
from ..policies import can_file_ticket, can_view_queue, require
from . import attachments, bp, sla, ticket_actions
from .forms import TicketForm
from .labels import REQUESTER_STATUS_LABELS
from .services import HelpdeskError


@bp.get("")
def index():
    """Officers see their own tickets (and their organisation's when it shares them); staff the queue."""
    if can_view_queue(current_user):
        return redirect(url_for("helpdesk.queue"))
    mine = ticket_actions.my_tickets(current_user, request.args.get("page", 1, type=int))
    shared = ticket_actions.organisation_tickets(current_user, request.args.get("organisatie", 1, type=int))
    shown = [t.id for t in mine.items] + ([t.id for t in shared.items] if shared else [])
    return render_template("helpdesk/index.html", mine=mine, shared=shared,
                           status_labels={key: str(label) for key, label in REQUESTER_STATUS_LABELS.items()},
                           unread=unread_subject_ids(current_user, "ticket", shown),
                           is_overdue=sla.is_overdue, today=sla.today())


@bp.route("/nieuw", methods=["GET", "POST"])
def new():
    """File a question to FORUM, with attachments if needed."""
    require(can_file_ticket(current_user))
    form = TicketForm()
    form.offer_themes(ticket_actions.themes())
    if form.validate_on_submit():
        try:
            uploads = attachments.read_uploads(form.attachments.data, actor=current_user,
                                               ip_address=client_address())
            ticket = ticket_actions.file_ticket(current_user, form.to_data(), uploads)
        except attachments.AttachmentRefused as refused:
            form.attachments.errors = [str(refused)]
        except HelpdeskError as error:
            form.form_errors.append(str(error))
        else:
            flash(_("Uw vraag is ontvangen en doorgestuurd naar het programma %(programme)s. U krijgt "
                    "uiterlijk %(date)s een eerste reactie.", programme=ticket.programme.name,
                    date=format_date(ticket.first_response_due, "long")), "success")
            return redirect(url_for("helpdesk.detail", ticket_id=ticket.id))
    return render_template("helpdesk/new.html", form=form), form_status(form)
