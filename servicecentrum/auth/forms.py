"""Login form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, PasswordField
from wtforms.validators import DataRequired, Length

from ..validators import EmailAddress


class LoginForm(FlaskForm):
    """E-mail address and password."""

    email = EmailField(
        _l("E-mailadres"),
        validators=[
            DataRequired(_l("Vul uw e-mailadres in.")),
            EmailAddress(),
            Length(max=254, message=_l("Een e-mailadres is hoogstens 254 tekens.")),
        ],
    )
    password = PasswordField(
        _l("Wachtwoord"),
        validators=[
            DataRequired(_l("Vul uw wachtwoord in.")),
            Length(max=128, message=_l("Een wachtwoord is hoogstens 128 tekens.")),
        ],
    )
    next = HiddenField()
