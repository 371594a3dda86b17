"""Forms to ask for a password-reset link and to choose the new password."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField
from wtforms.validators import DataRequired, EqualTo

from ..forms import email_field


class PasswordForgotForm(FlaskForm):
    """The e-mail address of the account whose password was forgotten."""

    email = email_field()


class PasswordResetForm(FlaskForm):
    """A new password, typed twice; the password rules are checked by the service."""

    password = PasswordField(
        _l("Nieuw wachtwoord"),
        validators=[DataRequired(_l("Kies een nieuw wachtwoord."))],
    )
    password_confirm = PasswordField(
        _l("Herhaal het nieuwe wachtwoord"),
        validators=[
            DataRequired(_l("Vul het nieuwe wachtwoord nog een keer in.")),
            EqualTo("password", message=_l("De twee wachtwoorden zijn niet gelijk.")),
        ],
    )
