"""Forms of the helpdesk admin screens: routing rules, a trial of the routing, helpdesk settings."""

import re
from decimal import Decimal, InvalidOperation

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, InputRequired, Length, Optional, ValidationError

from ..organisations.models import PROVINCES
from .forms import FilterForm, choices

G30_CHOICES = {"": _l("Maakt niet uit"), "yes": _l("Alleen G30-gemeenten"),
               "no": _l("Alleen gemeenten buiten de G30")}
G30_VALUES = {"": None, "yes": True, "no": False}


def _optional_id(value):
    """Coerce a select value to an id, or None for the empty choice."""
    if value in (None, "", "None"):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1  # not among the choices: "Not a valid choice"


class RoutingRuleForm(FlaskForm):
    """A routing rule: conditions on the left, destination on the right."""

    name = StringField(_l("Naam van de regel"), validators=[
        DataRequired(_l("Geef de regel een naam.")),
        Length(max=120, message=_l("Een naam is hoogstens 120 tekens."))])
    theme = SelectField(_l("Thema"), coerce=_optional_id, choices=[], validate_choice=True)
    keywords = StringField(_l("Woorden in onderwerp of vraag"), validators=[
        Length(max=500, message=_l("Houd de woorden samen korter dan 500 tekens."))])
    region = SelectField(_l("Provincie van de organisatie"),
                         choices=choices({p: p for p in PROVINCES}, _l("Maakt niet uit")), default="")
    g30 = SelectField(_l("G30"), choices=choices(G30_CHOICES), default="")
    programme = SelectField(_l("Programma"), coerce=_optional_id, choices=[],
                            validators=[InputRequired(_l("Kies het programma dat de vraag krijgt."))])
    adviser = SelectField(_l("Adviseur"), coerce=_optional_id, choices=[])
    is_active = BooleanField(_l("Deze regel is actief"), default=True)

    def offer(self, themes, programmes, advisers) -> None:
        """Fill the choices and remember which advisers belong to which programme."""
        self.theme.choices = [SelectChoice("", _l("Maakt niet uit")),
                              *(SelectChoice(t.id, t.name) for t in themes)]
        self.programme.choices = [SelectChoice("", _l("Kies een programma")),
                                  *(SelectChoice(p.id, p.name) for p in programmes)]
        self.adviser.choices = [SelectChoice("", _l("Geen vaste adviseur: wie de minste open vragen heeft")),
                                *(SelectChoice(a.id, f"{a.name} ({', '.join(p.name for p in a.programmes)})")
                                  for a in advisers)]
        self._programmes_of = {a.id: {p.id for p in a.programmes} for a in advisers}
        self._programme_names = {p.id: p.name for p in programmes}

    def validate_programme(self, field):
        if field.data is None or field.data not in self._programme_names:
            raise ValidationError(_l("Kies het programma dat de vraag krijgt."))

    def validate_adviser(self, field):
        if field.data is None or self.programme.data not in self._programme_names:
            return
        if self.programme.data not in self._programmes_of.get(field.data, ()):
            raise ValidationError(_l("Deze adviseur hoort niet bij het programma %(name)s. Kies een adviseur "
                                     "van dat programma, of laat het veld leeg.",
                                     name=self._programme_names[self.programme.data]))

    def fill_from(self, rule) -> None:
        """Show a stored rule (on GET)."""
        self.name.data = rule.name
        self.theme.data = rule.theme_id
        self.keywords.data = rule.keywords
        self.region.data = rule.region or ""
        self.g30.data = next(k for k, v in G30_VALUES.items() if v is rule.g30)
        self.programme.data = rule.programme_id
        self.adviser.data = rule.adviser_id
        self.is_active.data = rule.is_active


class MoveForm(FlaskForm):
    """Move a rule one place up or down."""

    direction = HiddenField(validators=[AnyOf(("up", "down"))])


class RoutingTrialForm(FilterForm):
    """Try where a question would go, without filing it (GET, nothing is saved)."""

    subject = StringField(_l("Onderwerp"), validators=[Length(max=200)])
    body = TextAreaField(_l("Vraag"), validators=[Optional(), Length(max=5000)])
    theme = SelectField(_l("Thema"), coerce=_optional_id, choices=[])
    organisation = SelectField(_l("Organisatie van de vrager"), coerce=_optional_id, choices=[])

    def offer(self, themes, organisations) -> None:
        self.theme.choices = [SelectChoice("", _l("Geen thema")),
                              *(SelectChoice(t.id, t.name) for t in themes)]
        self.organisation.choices = [SelectChoice("", _l("Geen organisatie")),
                                     *(SelectChoice(o.id, o.name) for o in organisations)]

    def validate_subject(self, field):
        if not (field.data or "").strip() and not (self.body.data or "").strip():
            raise ValidationError(_l("Vul een onderwerp of een vraag in."))


DAYS_MESSAGE = _l("Kies een heel aantal werkdagen van 1 tot en met 60.")


def _whole_days(_form, field):
    """Accept a whole number of working days from 1 to 60; store it as an int."""
    text = (field.data or "").strip() if isinstance(field.data, str) else field.data
    if text in (None, ""):
        raise ValidationError(_l("Vul een aantal werkdagen in."))
    try:
        days = int(text)
    except (TypeError, ValueError):
        raise ValidationError(DAYS_MESSAGE) from None
    if not 1 <= days <= 60:
        raise ValidationError(DAYS_MESSAGE)
    field.data = days


_whole_days.field_flags = {"required": True}


def _days_field(label):
    return StringField(label, validators=[_whole_days])


RATE_PATTERN = re.compile(r"(?:€\s*)?(\d{1,5})(?:[.,](\d{1,2}))?")


class HelpdeskSettingsForm(FlaskForm):
    """Service levels in working days and the hourly rate of additional guidance."""

    sla_basic_first_response_days = _days_field(_l("Basis: eerste reactie binnen (werkdagen)"))
    sla_basic_resolution_days = _days_field(_l("Basis: opgelost binnen (werkdagen)"))
    sla_additional_first_response_days = _days_field(_l("Aanvullend: eerste reactie binnen (werkdagen)"))
    sla_additional_resolution_days = _days_field(_l("Aanvullend: opgelost binnen (werkdagen)"))
    helpdesk_hourly_rate = StringField(_l("Uurtarief aanvullende begeleiding (euro)"), validators=[
        DataRequired(_l("Vul het uurtarief in, bijvoorbeeld 95,00."))])

    def day_fields(self):
        return [self.sla_basic_first_response_days, self.sla_basic_resolution_days,
                self.sla_additional_first_response_days, self.sla_additional_resolution_days]

    def validate_helpdesk_hourly_rate(self, field):
        """Accept 95, 95,00, 95.5 or € 95,00; keep the rate in cents in ``self.rate_cents``."""
        match = RATE_PATTERN.fullmatch((field.data or "").strip())
        if match is None:
            raise ValidationError(_l("Vul het uurtarief in euro's in, bijvoorbeeld 95,00."))
        try:
            cents = int(Decimal(f"{match.group(1)}.{match.group(2) or '0'}") * 100)
        except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
            raise ValidationError(_l("Vul het uurtarief in euro's in, bijvoorbeeld 95,00.")) from None
        if not 1 <= cents <= 100000:
            raise ValidationError(_l("Het uurtarief ligt tussen € 0,01 en € 1.000,00."))
        self.rate_cents = cents

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if ok:
            pairs = ((self.sla_basic_first_response_days, self.sla_basic_resolution_days),
                     (self.sla_additional_first_response_days, self.sla_additional_resolution_days))
            for first, resolution in pairs:
                if first.data > resolution.data:
                    resolution.errors.append(_l("De termijn voor oplossen kan niet korter zijn dan die voor "
                                                "de eerste reactie."))
                    ok = False
        return ok
