"""Forms shared by several blueprints."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, EmailField, SelectChoice, SelectField
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


class LocalDateField(DateField):
    """A date picker (jjjj-mm-dd) that also takes a date typed the Dutch way (dd-mm-jjjj).

    With ``typed=True`` the field is a plain text box: it shows its value as dd-mm-jjjj (a date
    picker needs jjjj-mm-dd) and carries a dd-mm-jjjj placeholder.
    """

    def __init__(self, label=None, validators=None, typed: bool = False, **kwargs):
        self.typed = typed
        if typed:
            kwargs["render_kw"] = {"placeholder": _l("dd-mm-jjjj"), **(kwargs.get("render_kw") or {})}
        super().__init__(label, validators, format=["%Y-%m-%d", "%d-%m-%Y"],
                         invalid_value_message=_l("Vul een geldige datum in, zoals 28-11-2026."), **kwargs)

    def _value(self):
        if self.typed and self.data is not None and not self.raw_data:
            return self.data.strftime("%d-%m-%Y")
        return super()._value()

    def process_formdata(self, valuelist):
        if valuelist and not "".join(valuelist).strip():
            self.data = None
            return
        super().process_formdata(valuelist)
