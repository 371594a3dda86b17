"""Login, second-factor and MFA set-up forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, Length

from ..forms import email_field


class LoginForm(FlaskForm):
    """E-mail address and password."""

    email = email_field()
    password = PasswordField(
        _l("Wachtwoord"),
        validators=[
            DataRequired(_l("Vul uw wachtwoord in.")),
            Length(max=128, message=_l("Een wachtwoord is hoogstens 128 tekens.")),
        ],
    )
    next = HiddenField()


class CodeForm(FlaskForm):
    """A six-digit code from the authenticator app, or a recovery code."""

    code = StringField(
        _l("Code"),
        validators=[
            DataRequired(_l("Vul de code in.")),
            Length(max=20, message=_l("Deze code is te lang.")),
        ],
    )


class MfaConfirmForm(FlaskForm):
    """Confirm the set-up with the first code the app shows."""

    code = StringField(
        _l("Code uit de app"),
        validators=[
            DataRequired(_l("Vul de zescijferige code uit de app in.")),
            Length(max=10, message=_l("Deze code is te lang.")),
        ],
    )


class PasswordConfirmForm(FlaskForm):
    """Re-enter the password before a sensitive change."""

    password = PasswordField(
        _l("Uw huidige wachtwoord"),
        validators=[DataRequired(_l("Vul uw huidige wachtwoord in.")), Length(max=128)],
    )


class RecoveryDownloadForm(FlaskForm):
    """Only the CSRF token: the codes to download come as repeated ``codes`` fields."""
