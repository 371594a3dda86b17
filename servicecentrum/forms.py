"""Forms shared by several blueprints."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField

LANGUAGE_CHOICES = [SelectChoice("nl", "Nederlands"), SelectChoice("en", "English")]


class LanguageForm(FlaskForm):
    """The language switch in the footer."""

    lang = SelectField(_l("Taal"), choices=LANGUAGE_CHOICES)


def form_status(form: FlaskForm) -> int:
    """Status for a rendered form: 422 when a submission failed, else 200."""
    failed = form.is_submitted() and (form.errors or getattr(form, "form_errors", None))
    return 422 if failed else 200
