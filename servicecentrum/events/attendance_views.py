"""The organisers' attendee list: answers, CSV export, check-in on the day, adding and removing."""

from flask import abort, flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.routing import BuildError

from ..auth.web import client_address
from ..database import utcnow
from ..policies import can_manage_event
from . import attendance, bp
from .attendance_forms import AddAttendeeForm, AttendanceActionForm
from .booking import BookingError
from .detail_context import provider
from .labels import REGISTRATION_LABELS


def _managed_event_or_404(event_id: int):
    """The event, for its organisers and admins; everyone else gets 404, as for a missing id."""
    event = attendance.get_event(event_id)
    if event is None or not can_manage_event(current_user, event):
        abort(404)
    return event


def _registration_or_404(event, registration_id: int):
    registration = attendance.find_registration(event, registration_id)
    if registration is None:
        abort(404)
    return registration


def _render(event, add_form=None, status: int = 200, error: str | None = None):
    return render_template(
        "events/attendees.html", event=event, listing=attendance.attendee_list(event),
        add_form=add_form or AddAttendeeForm(formdata=None), action_form=AttendanceActionForm(),
        error=error, check_in_open=attendance.check_in_opens(event, utcnow()),
        status_labels=REGISTRATION_LABELS, local_moment=attendance.local_moment,
        answer_text=attendance.answer_text), status


def _back_to_list(event, registration=None):
    anchor = f"deelnemer-{registration.id}" if registration is not None else None
    return redirect(url_for("events.attendees", event_id=event.id, _anchor=anchor))


@bp.get("/<int:event_id>/deelnemers")
def attendees(event_id: int):
    """Everyone registered, offered a seat or waiting, with their answers and check-in."""
    return _render(_managed_event_or_404(event_id))


@bp.get("/<int:event_id>/deelnemers.csv")
def attendees_csv(event_id: int):
    """The attendee list as a CSV file for Excel."""
    event = _managed_event_or_404(event_id)
    response = make_response(attendance.attendees_csv(attendance.attendee_list(event)))
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{attendance.csv_filename(event)}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.post("/<int:event_id>/deelnemers/<int:registration_id>/aanwezig")
def check_in(event_id: int, registration_id: int):
    """Mark a confirmed attendee present on the day, or take that back."""
    event = _managed_event_or_404(event_id)
    registration = _registration_or_404(event, registration_id)
    if not AttendanceActionForm().validate_on_submit():
        return _back_to_list(event, registration)
    try:
        present = attendance.toggle_check_in(registration, current_user, ip_address=client_address())
    except attendance.AttendanceError as error:
        return _render(event, status=409, error=str(error))
    name = registration.user.name
    flash(_("%(name)s is als aanwezig gemarkeerd.", name=name) if present
          else _("De aanwezigheid van %(name)s is ingetrokken.", name=name), "success")
    return _back_to_list(event, registration)


@bp.post("/<int:event_id>/deelnemers/toevoegen")
def add_attendee(event_id: int):
    """Register a member on their behalf; when the event is full they join the waitlist."""
    event = _managed_event_or_404(event_id)
    form = AddAttendeeForm()
    if not form.validate_on_submit():
        return _render(event, form, status=422)
    try:
        registration = attendance.add_attendee(event, form.email.data, current_user,
                                               ip_address=client_address())
    except attendance.AttendanceError as error:
        form.email.errors = [str(error)]
        return _render(event, form, status=422)
    except BookingError as error:
        form.form_errors.append(str(error))
        return _render(event, form, status=409)
    name = registration.user.name
    if registration.status == "confirmed":
        flash(_("%(name)s is aangemeld voor deze bijeenkomst.", name=name), "success")
    else:
        flash(_("De bijeenkomst is vol: %(name)s staat nu op de wachtlijst.", name=name), "warning")
    return _back_to_list(event, registration)


@bp.post("/<int:event_id>/deelnemers/<int:registration_id>/verwijderen")
def remove_attendee(event_id: int, registration_id: int):
    """Take a member off the list; a seat they held is offered to the first on the waitlist."""
    event = _managed_event_or_404(event_id)
    registration = _registration_or_404(event, registration_id)
    if not AttendanceActionForm().validate_on_submit():
        return _back_to_list(event)
    try:
        attendance.remove_attendee(registration, current_user, ip_address=client_address())
    except (attendance.AttendanceError, BookingError) as error:
        return _render(event, status=409, error=str(error))
    flash(_("%(name)s staat niet meer op de lijst.", name=registration.user.name), "success")
    return _back_to_list(event)


@provider
def organiser_context(event, user) -> dict:
    """For organisers and admins: links to manage the event and its counts (one query)."""
    if not can_manage_event(user, event):
        return {}
    return {"organiser_counts": attendance.attendance_counts(event),
            "organiser_links": {"edit": _link("events.edit", f"/bijeenkomsten/{event.id}/bewerken", event),
                                "questions": _link("events.questions", f"/bijeenkomsten/{event.id}/vragen",
                                                   event)}}


def _link(endpoint: str, fallback: str, event) -> str:
    """A link to a page another part of the feature serves (the plain path until it exists)."""
    try:
        return url_for(endpoint, event_id=event.id)
    except BuildError:
        return fallback
