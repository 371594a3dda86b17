"""Forms of the attendee list: add a member by e-mail address, and the per-row buttons."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from ..forms import email_field


class AddAttendeeForm(FlaskForm):
    """An organiser adds a member to the event by their e-mail address."""

    email = email_field(_l("E-mailadres van het lid"),
                        required_message=_l("Vul het e-mailadres van het lid in."))


class AttendanceActionForm(FlaskForm):
    """A button on one row (check in, remove): only the CSRF token."""
