"""Forms for requesting access, confirming the address and reviewing a request."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    PasswordField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from ..forms import email_field
from ..organisations.models import ORGANISATION_KINDS
from .password_policy import password_problems

NOT_LISTED = "anders"


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _organisation_choices(organisations, first_label) -> list[SelectChoice]:
    return [SelectChoice("", first_label)] + [SelectChoice(str(o.id), o.name) for o in organisations]


def _choice_values(field) -> set[str]:
    return {choice.value for choice in field.choices if choice.value}


class RegisterForm(FlaskForm):
    """Request an account: who you are, where you work, a password, and the terms."""

    name = StringField(_l("Naam"), filters=[_strip], validators=[
        DataRequired(_l("Vul uw naam in.")),
        Length(max=200, message=_l("Een naam is hoogstens 200 tekens."))])
    email = email_field()
    organisation = SelectField(_l("Organisatie"), validate_choice=False, validators=[
        DataRequired(_l("Kies uw organisatie, of kies dat uw organisatie er niet bij staat."))])
    organisation_other = StringField(_l("Naam van uw organisatie"), filters=[_strip], validators=[
        Length(max=200, message=_l("De naam van een organisatie is hoogstens 200 tekens."))])
    job_title = StringField(_l("Functie"), filters=[_strip], validators=[
        DataRequired(_l("Vul uw functie in.")),
        Length(max=200, message=_l("Een functie is hoogstens 200 tekens."))])
    password = PasswordField(_l("Wachtwoord"), validators=[InputRequired(_l("Kies een wachtwoord."))])
    password_confirm = PasswordField(_l("Herhaal het wachtwoord"), validators=[
        InputRequired(_l("Vul het wachtwoord nog een keer in."))])
    accept_terms = BooleanField(_l("Ik ga akkoord met de gebruiksvoorwaarden"), validators=[
        DataRequired(_l("Ga akkoord met de gebruiksvoorwaarden om een account aan te vragen."))])

    def __init__(self, organisations=(), **kwargs):
        super().__init__(**kwargs)
        self.organisation.choices = _organisation_choices(organisations, _l("Kies uw organisatie")) + [
            SelectChoice(NOT_LISTED, _l("Mijn organisatie staat er niet bij"))]

    @property
    def organisation_id(self) -> int | None:
        """The chosen organisation's id, or None for "not listed"."""
        value = self.organisation.data
        return None if value in (None, "", NOT_LISTED) else int(value)

    def validate_organisation(self, field):
        if field.data not in _choice_values(field):
            raise ValidationError(_l("Kies een organisatie uit de lijst."))

    def validate_organisation_other(self, field):
        if self.organisation.data == NOT_LISTED and not field.data:
            raise ValidationError(_l("Vul de naam van uw organisatie in."))

    def validate_password(self, field):
        problems = password_problems(field.data or "", self.name.data or "", self.email.data or "")
        if problems:
            raise ValidationError(problems[0])

    def validate_password_confirm(self, field):
        if field.data != self.password.data:
            raise ValidationError(_l("De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw."))


class ConfirmForm(FlaskForm):
    """One button: confirm the address (a POST, so link scanners do not use the link up)."""


class ApproveForm(FlaskForm):
    """Approve a request, linking the applicant to an existing or a new organisation."""

    organisation = SelectField(_l("Koppel aan organisatie"), validate_choice=False)
    create_organisation = BooleanField(_l("Maak de gevraagde organisatie aan en koppel de aanvrager"))
    kind = SelectField(_l("Soort organisatie"), choices=ORGANISATION_KINDS,
                       default="gemeente", validate_choice=False)

    def __init__(self, organisations=(), **kwargs):
        super().__init__(**kwargs)
        self.organisation.choices = _organisation_choices(organisations, _l("Kies een organisatie"))

    @property
    def organisation_id(self) -> int | None:
        """The chosen organisation's id, or None when none was chosen."""
        return int(self.organisation.data) if self.organisation.data else None

    def validate_organisation(self, field):
        if field.data and field.data not in _choice_values(field):
            raise ValidationError(_l("Kies een organisatie uit de lijst."))

    def validate_create_organisation(self, field):
        if field.data and self.organisation.data:
            raise ValidationError(_l("Kies een bestaande organisatie of maak een nieuwe aan, niet allebei."))


class RejectForm(FlaskForm):
    """Reject a request with a reason that the applicant will read."""

    reason = TextAreaField(_l("Reden van afwijzing"), filters=[_strip], validators=[
        DataRequired(_l("Vul de reden in. De aanvrager krijgt die per e-mail.")),
        Length(max=2000, message=_l("Een reden is hoogstens 2000 tekens."))])
