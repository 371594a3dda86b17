"""Form validators shared by every blueprint."""

from email_validator import EmailNotValidError, validate_email
from flask_babel import lazy_gettext as _l
from wtforms.validators import ValidationError


class EmailAddress:
    """Accept a syntactically valid address; the demo's .test domain included."""

    def __init__(self, message=None):
        self.message = message or _l("Vul een geldig e-mailadres in, zoals naam@gemeente.nl.")

    def __call__(self, form, field):
        value = (field.data or "").strip()
        try:
            # test_environment admits *.test (demo accounts); no DNS look-ups here.
            validate_email(value, check_deliverability=False, test_environment=True)
        except EmailNotValidError:
            raise ValidationError(self.message)
        field.data = value
