"""Forms of the member's own account pages (shape of input only)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    PasswordField,
    RadioField,
    SelectChoice,
    SelectMultipleField,
    StringField,
)
from wtforms.validators import AnyOf, DataRequired, EqualTo, InputRequired, Length, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..auth.models import NOTIFY_FREQUENCIES
from ..forms import email_field

NOTIFY_CHOICES = [
    SelectChoice("immediately", _l("Direct")),
    SelectChoice("daily", _l("Dagelijks overzicht")),
    SelectChoice("weekly", _l("Wekelijks overzicht")),
    SelectChoice("never", _l("Geen e-mail")),
]


def _current_password(label=None):
    return PasswordField(
        label or _l("Uw huidige wachtwoord"),
        validators=[
            DataRequired(_l("Vul uw huidige wachtwoord in.")),
            Length(max=128, message=_l("Een wachtwoord is hoogstens 128 tekens.")),
        ],
    )


class ThemeChoiceField(SelectMultipleField):
    """Checkboxes of themes; the values are theme ids as text."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def pre_validate(self, form):
        allowed = {choice.value for choice in self.choices or []}
        if any(value not in allowed for value in self.data or []):
            raise ValidationError(_l("Kies thema's uit de lijst."))


class ProfileForm(FlaskForm):
    """Name, job title, expertise themes and how often to receive e-mail."""

    name = StringField(
        _l("Naam"),
        validators=[
            DataRequired(_l("Vul uw naam in.")),
            Length(max=200, message=_l("Een naam is hoogstens 200 tekens.")),
        ],
    )
    job_title = StringField(
        _l("Functie"),
        validators=[Length(max=200, message=_l("Een functie is hoogstens 200 tekens."))],
    )
    expertise = ThemeChoiceField(_l("Mijn expertise"), choices=[], validate_choice=False)
    notify_frequency = RadioField(
        _l("E-mail over nieuwe berichten"),
        choices=NOTIFY_CHOICES,
        validate_choice=False,
        validators=[
            InputRequired(_l("Kies hoe vaak u e-mail wilt ontvangen.")),
            AnyOf(NOTIFY_FREQUENCIES, message=_l("Kies hoe vaak u e-mail wilt ontvangen.")),
        ],
    )

    def set_themes(self, themes) -> None:
        """Offer these themes as checkboxes."""
        self.expertise.choices = [SelectChoice(str(theme.id), theme.name) for theme in themes]

    def theme_ids(self) -> list[int]:
        """Return the chosen themes as ids."""
        return [int(value) for value in self.expertise.data or []]


class EmailChangeForm(FlaskForm):
    """The new address, confirmed with the current password."""

    email = email_field(_l("Nieuw e-mailadres"), _l("Vul uw nieuwe e-mailadres in."))
    password = _current_password()


class ConfirmForm(FlaskForm):
    """A button that confirms a change; only the CSRF token travels."""


class PasswordChangeForm(FlaskForm):
    """The current password and a new one, typed twice."""

    current_password = _current_password()
    password = PasswordField(
        _l("Nieuw wachtwoord"),
        validators=[
            DataRequired(_l("Kies een nieuw wachtwoord.")),
            Length(max=128, message=_l("Een wachtwoord is hoogstens 128 tekens.")),
        ],
    )
    password_confirm = PasswordField(
        _l("Herhaal het nieuwe wachtwoord"),
        validators=[
            DataRequired(_l("Typ het nieuwe wachtwoord nog een keer.")),
            EqualTo("password", message=_l("De twee nieuwe wachtwoorden zijn niet gelijk.")),
        ],
    )


class DeleteAccountForm(FlaskForm):
    """Re-enter the password and tick that you understand."""

    password = _current_password()
    confirm = BooleanField(
        _l("Ik begrijp dat mijn account en persoonsgegevens definitief worden verwijderd."),
        validators=[DataRequired(_l("Vink aan dat u uw account definitief wilt verwijderen."))],
    )
