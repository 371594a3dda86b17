"""Signals: staff mark a ticket (helpdesk) or a thread (forum); the list of signals for staff.

The routes live on the helpdesk and forum blueprints; survey_views imports this module.
"""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..forms import form_status
from ..forum import bp as forum_bp
from ..forum import queries as forum_queries
from ..helpdesk import bp as helpdesk_bp
from ..helpdesk import services as helpdesk_services
from ..helpdesk.detail_context import provider
from ..policies import (
    can_mark_signal,
    can_mark_ticket_signal,
    can_view_question,
    can_view_signals,
    require,
)
from . import services
from .forms import DESCRIPTION_HINT, SOURCE_LABELS, SignalForm


def _form() -> SignalForm:
    form = SignalForm()
    form.offer_themes(services.themes())
    return form


def _render(form, source_type: str, source, back_url: str, action_url: str):
    return render_template("signals/new.html", form=form, source_type=source_type, source=source,
                           source_label=SOURCE_LABELS[source_type], back_url=back_url,
                           action_url=action_url, hint=DESCRIPTION_HINT), form_status(form)


def _save(form, mark, source, back_url: str):
    """Store the signal; return a redirect, or None when the service refused it."""
    try:
        mark(source, current_user, form.data_for_service())
    except services.SignalError as error:
        form.form_errors.append(str(error))
        return None
    flash(_("Het signaal is vastgelegd voor de rapportage aan het ministerie."), "success")
    return redirect(back_url)


@helpdesk_bp.route("/<int:ticket_id>/signaal", methods=["GET", "POST"])
def ticket_signal(ticket_id: int):
    """Mark a ticket as a signal (its handlers only; 404 for everyone else)."""
    ticket = helpdesk_services.get_ticket(ticket_id)
    # Like the ticket's other handler controls: 404 for whoever does not handle it.
    if ticket is None or not can_mark_ticket_signal(current_user, ticket):
        abort(404)
    form = _form()
    back_url = url_for("helpdesk.detail", ticket_id=ticket.id, _anchor="signalen")
    if form.validate_on_submit():
        done = _save(form, services.mark_ticket, ticket, back_url)
        if done is not None:
            return done
    return _render(form, "ticket", ticket, back_url, url_for("helpdesk.ticket_signal", ticket_id=ticket.id))


@forum_bp.route("/<int:question_id>/signaal", methods=["GET", "POST"])
def question_signal(question_id: int):
    """Mark a thread as a signal (FORUM staff)."""
    question = forum_queries.find_question(question_id)
    if question is None or not can_view_question(current_user, question):
        abort(404)
    require(can_mark_signal(current_user))
    form = _form()
    back_url = url_for("forum.question_detail", question_id=question.id)
    if form.validate_on_submit():
        done = _save(form, services.mark_question, question, back_url)
        if done is not None:
            return done
    return _render(form, "question", question, back_url,
                   url_for("forum.question_signal", question_id=question.id))


@helpdesk_bp.route("/signalen")
def signal_list():
    """Every signal, newest first: theme, date, source and the anonymised description."""
    require(can_view_signals(current_user))
    page = services.list_signals(page=request.args.get("page", 1, type=int))
    tickets = services.tickets_by_id(signal.ticket_id for signal in page.items)
    return render_template("signals/list.html", page=page, tickets=tickets, source_labels=SOURCE_LABELS)


@provider
def signal_context(ticket, user) -> dict:
    """For the ticket's handlers: its signals and the form to add one."""
    if not can_mark_ticket_signal(user, ticket):
        return {}
    form = SignalForm(formdata=None)
    form.offer_themes(services.themes())
    return {"signal_form": form, "ticket_signals": services.signals_for_ticket(ticket.id),
            "signal_hint": DESCRIPTION_HINT}
