"""The evaluation of an event: the attendee's form (once) and the organisers' anonymous results."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..database import utcnow
from ..forms import form_status
from ..policies import can_evaluate_event, can_manage_event
from ..surveys.forms import RATING_LABELS
from . import attendance, booking, bp, evaluation, queries
from .detail_context import provider
from .evaluation_forms import evaluation_form


def _render(event, form, response=None, status: int = 200, already: bool = False):
    return render_template("events/evaluation.html", event=event, form=form, response=response,
                           already=already or response is not None, rating_labels=RATING_LABELS), status


@bp.route("/<int:event_id>/evaluatie", methods=["GET", "POST"])
def evaluate(event_id: int):
    """Let an attendee evaluate the event once, after it ended (1-5, a comment, its own questions)."""
    event = attendance.get_event(event_id)
    if event is None:
        abort(404)
    registration = booking.registration_of(event.id, current_user.id)
    if not can_evaluate_event(current_user, registration, utcnow()):
        abort(404)
    form = evaluation_form(attendance.questions_of(event, "evaluation"))
    answered = evaluation.response_of(event.id, current_user.id)
    if answered is not None:
        return _render(event, None, answered, 409 if form.is_submitted() else 200)
    if form.validate_on_submit():
        try:
            evaluation.submit_evaluation(event, current_user, form.rating_value(), form.comment.data or "",
                                         form.answers())
        except evaluation.AlreadyEvaluated:
            return _render(event, None, evaluation.response_of(event_id, current_user.id), 409, already=True)
        except evaluation.EvaluationError as error:
            form.form_errors.append(str(error))
            return _render(event, form, status=422)
        flash(_("Bedankt voor uw evaluatie."), "success")
        return redirect(url_for("events.detail", event_id=event_id))
    return _render(event, form, status=form_status(form))


@bp.get("/<int:event_id>/evaluatie/resultaten")
def evaluation_results(event_id: int):
    """The organisers' view of the evaluation: figures, comments and answers, without names."""
    event = attendance.get_event(event_id)
    if event is None or not can_manage_event(current_user, event):
        abort(404)
    return render_template("events/evaluation_results.html", event=event,
                           results=evaluation.results(event), rating_labels=RATING_LABELS)


@provider
def evaluation_context(event, user) -> dict:
    """After the event: a link to the form for attendees; the count and average for organisers."""
    now = utcnow()
    if event.status != "published" or event.ends_at > now or not getattr(user, "is_authenticated", False):
        return {}
    context: dict = {}
    if can_manage_event(user, event):
        context["evaluation_summary"] = evaluation.summary(event)
    mine = queries.member_part(event.id, user)
    if can_evaluate_event(user, mine.registration, now):
        context["evaluation_open"] = True
        context["evaluation_done"] = mine.evaluated
    return context
