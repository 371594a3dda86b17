"""The satisfaction survey of a resolved ticket, and what the ticket page shows of it."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..forms import form_status
from ..policies import can_answer_survey, can_handle_ticket
from ..surveys import services as surveys
from ..surveys.forms import RATING_LABELS, SurveyForm
from . import bp, queries, services, sla
from .detail_context import provider


def _render(ticket, form, response=None, status: int = 200, already: bool = False):
    return render_template("helpdesk/survey.html", ticket=ticket, form=form, response=response,
                           already=already or response is not None, rating_labels=RATING_LABELS), status


@bp.route("/<int:ticket_id>/tevredenheid", methods=["GET", "POST"])
def survey(ticket_id: int):
    """Let the requester rate a resolved ticket once (1-5 and a comment)."""
    ticket = services.get_ticket(ticket_id)
    if ticket is None or not can_answer_survey(current_user, ticket):
        abort(404)
    form = SurveyForm()
    answered = surveys.ticket_response(ticket.id)
    if answered is not None:
        return _render(ticket, None, answered, 409 if form.is_submitted() else 200)
    if form.validate_on_submit():
        try:
            surveys.answer_ticket_survey(ticket, current_user, form.rating_value(), form.comment.data or "")
        except surveys.AlreadyAnswered:
            ticket = services.get_ticket(ticket_id)
            return _render(ticket, None, surveys.ticket_response(ticket_id), 409, already=True)
        except surveys.SurveyError as error:
            form.form_errors.append(str(error))
            return _render(ticket, form, status=422)
        flash(_("Bedankt voor uw beoordeling."), "success")
        return redirect(url_for("helpdesk.detail", ticket_id=ticket_id))
    return _render(ticket, form, status=form_status(form))


@provider
def survey_context(ticket, user) -> dict:
    """The rating for the requester and the handlers; a link to the survey while it is open."""
    is_requester = ticket.requester_id is not None and ticket.requester_id == getattr(user, "id", None)
    if not (is_requester or can_handle_ticket(user, ticket)):
        return {}
    response = queries.survey_response(queries.page_facts(ticket, user, sla.today().year))
    return {"survey_response": response,
            "survey_open": response is None and can_answer_survey(user, ticket),
            "survey_rating_labels": RATING_LABELS}


from ..signals import views as _signal_views  # noqa: E402,F401  (signal routes on helpdesk and forum)
