"""Organisers' pages: create, edit, publish and cancel an event, and edit its own questions.

Officers get 403; an event id the member may not see (a draft) answers 404.
"""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ..forms import form_status
from ..policies import can_create_event, can_manage_event, require
from . import bp, queries, services
from .forms import ActionForm, CancelEventForm
from .manage_forms import EventForm, QuestionForm, initial_data
from .services import EventError
from .views import labels, visible_event_or_404

STEPS = {"omhoog": -1, "omlaag": 1}


def managed_event_or_404(event_id: int):
    """The event, for its organisers (403 for other members, 404 when they may not see it)."""
    event = visible_event_or_404(event_id)
    require(can_manage_event(current_user, event))
    return event


def event_form(event=None) -> EventForm:
    """The event form, filled in from the event on a first visit, with the choices offered."""
    if request.method == "POST":
        form = EventForm()
    elif event is not None:
        form = EventForm(data=initial_data(event))
    else:
        form = EventForm(data={"organisers": [str(current_user.id)]})
    form.offer(queries.themes(), queries.programmes(), queries.possible_organisers())
    return form


@bp.route("/nieuw", methods=["GET", "POST"])
def create():
    """A new event, saved as a draft; publish it when it is complete."""
    require(can_create_event(current_user))
    form = event_form()
    if form.validate_on_submit():
        event = services.create_event(current_user, form.to_data())
        flash(_("De bijeenkomst is opgeslagen als concept. Voeg eventueel vragen toe en publiceer haar "
                "daarna."), "success")
        return redirect(url_for("events.detail", event_id=event.id))
    return render_template("events/event_form.html", form=form, event=None), form_status(form)


@bp.route("/<int:event_id>/bewerken", methods=["GET", "POST"])
def edit(event_id: int):
    """Change the event; more seats go to the waitlist first."""
    event = managed_event_or_404(event_id)
    form = event_form(event)
    if form.validate_on_submit():
        try:
            offers = services.update_event(event, current_user, form.to_data())
        except EventError as error:
            form.capacity.errors = [str(error)]
        else:
            flash(_("De wijzigingen zijn opgeslagen."), "success")
            if offers:
                flash(ngettext("%(num)s plaats is aangeboden aan de wachtlijst.",
                               "%(num)s plaatsen zijn aangeboden aan de wachtlijst.", offers), "info")
            return redirect(url_for("events.detail", event_id=event_id))
        event = visible_event_or_404(event_id)
    return render_template("events/event_form.html", form=form, event=event), form_status(form)


@bp.post("/<int:event_id>/publiceren")
def publish(event_id: int):
    """Make a draft visible to members."""
    event = managed_event_or_404(event_id)
    ActionForm().validate_on_submit()
    try:
        services.publish_event(event, current_user)
    except EventError as error:
        flash(str(error), "error")
    else:
        flash(_("De bijeenkomst is gepubliceerd; leden kunnen zich nu aanmelden."), "success")
    return redirect(url_for("events.detail", event_id=event_id))


@bp.route("/<int:event_id>/annuleren", methods=["GET", "POST"])
def cancel_event(event_id: int):
    """Call the event off after confirmation; everyone registered or waiting is told by e-mail."""
    event = managed_event_or_404(event_id)
    if event.status == "cancelled":
        flash(_("Deze bijeenkomst is al geannuleerd."), "info")
        return redirect(url_for("events.detail", event_id=event_id))
    form = CancelEventForm()
    if form.validate_on_submit():
        try:
            told = services.cancel_event(event, current_user, form.reason.data.strip())
        except EventError as error:
            form.form_errors.append(str(error))
        else:
            flash(ngettext("De bijeenkomst is geannuleerd; %(num)s deelnemer kreeg bericht.",
                           "De bijeenkomst is geannuleerd; %(num)s deelnemers kregen bericht.", told),
                  "success")
            return redirect(url_for("events.detail", event_id=event_id))
    return render_template("events/cancel.html", form=form, event=event), form_status(form)


def render_questions(event, form: QuestionForm | None = None, status: int = 200):
    return render_template(
        "events/questions.html", event=event, form=form or QuestionForm(formdata=None),
        action_form=ActionForm(formdata=None), labels=labels(),
        groups=[("registration", _("Vragen bij het aanmelden"),
                 services.questions_of(event, "registration")),
                ("evaluation", _("Vragen in de evaluatie"),
                 services.questions_of(event, "evaluation"))]), status


@bp.route("/<int:event_id>/vragen", methods=["GET", "POST"])
def questions(event_id: int):
    """The event's own questions: add one, or see, move and remove them."""
    event = managed_event_or_404(event_id)
    form = QuestionForm()
    if form.validate_on_submit():
        try:
            services.add_question(event, current_user, form.purpose.data, form.label.data,
                                  bool(form.required.data), form.choices.data or "")
        except EventError as error:
            form.form_errors.append(str(error))
        else:
            flash(_("De vraag is toegevoegd."), "success")
            return redirect(url_for("events.questions", event_id=event_id))
    return render_questions(event, form, form_status(form))


@bp.post("/<int:event_id>/vragen/<int:question_id>")
def question_action(event_id: int, question_id: int):
    """Move a question up or down (button ``action`` omhoog/omlaag), or remove it (verwijderen)."""
    event = managed_event_or_404(event_id)
    question = queries.question_of(event.id, question_id)
    if question is None:
        abort(404)
    ActionForm().validate_on_submit()
    action = request.form.get("action", "")
    if action not in (*STEPS, "verwijderen"):
        flash(_("Kies wat u met de vraag wilt doen."), "error")
    elif action == "verwijderen":
        services.remove_question(event, current_user, question)
        flash(_("De vraag is verwijderd."), "success")
    else:
        services.move_question(event, current_user, question, STEPS[action])
        flash(_("De volgorde is aangepast."), "success")
    return redirect(url_for("events.questions", event_id=event_id))
