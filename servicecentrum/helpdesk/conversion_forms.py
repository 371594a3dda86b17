"""Forms of the conversions: the requester's consent, and buttons that only carry the CSRF token."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField
from wtforms.validators import ValidationError


class ConversionActionForm(FlaskForm):
    """A button that changes something (post to thread, make a practice, publish): only the CSRF token."""


class ConsentForm(FlaskForm):
    """The requester's consent to publish the answer to their question."""

    publish_consent = BooleanField(_l("Het antwoord mag geanonimiseerd gepubliceerd worden"))
    publish_named = BooleanField(_l("…met mijn naam en organisatie"))

    def validate_publish_named(self, field) -> None:
        if field.data and not self.publish_consent.data:
            raise ValidationError(_l("Uw naam en organisatie kunnen er alleen bij als het antwoord "
                                     "gepubliceerd mag worden. Zet ook het eerste vakje aan."))

    @classmethod
    def for_ticket(cls, ticket) -> "ConsentForm":
        """The form filled in with the ticket's current consent (not from the request)."""
        return cls(formdata=None, publish_consent=ticket.publish_consent, publish_named=ticket.publish_named)
