"""Forms shared by several blueprints."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectChoice, SelectField
from wtforms.validators import DataRequired, Length

from .validators import EmailAddress

LANGUAGE_CHOICES = [SelectChoice("nl", "Nederlands"), SelectChoice("en", "English")]


class LanguageForm(FlaskForm):
    """The language switch in the footer."""

    lang = SelectField(_l("Taal"), choices=LANGUAGE_CHOICES)


def form_status(form: FlaskForm) -> int:
    """Status for a rendered form: 422 when a submission failed, else 200."""
    failed = form.is_submitted() and (form.errors or getattr(form, "form_errors", None))
    return 422 if failed else 200


def email_field(label=None, required_message=None) -> EmailField:
    """An e-mail field with the project's validators: required, well-formed, at most 254 characters."""
    return EmailField(
        label or _l("E-mailadres"),
        validators=[
            DataRequired(required_message or _l("Vul uw e-mailadres in.")),
            EmailAddress(),
            Length(max=254, message=_l("Een e-mailadres is hoogstens 254 tekens.")),
        ],
    )
