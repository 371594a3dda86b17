"""The notification preferences form: a radio group per kind, digest frequency, time zone."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, SelectField
from wtforms.validators import AnyOf

from .kinds import CHANNEL_LABELS, CHANNELS, DIGEST_FREQUENCIES, KINDS
from .preferences import TIME_ZONES

FREQUENCY_CHOICES = [SelectChoice("daily", _l("Dagelijks")), SelectChoice("weekly", _l("Wekelijks"))]
ZONE_CHOICES = [SelectChoice(zone, label) for zone, label in TIME_ZONES.items()]
CHANNEL_CHOICES = [SelectChoice(channel, label) for channel, label in CHANNEL_LABELS.items()]


class _PreferencesBase(FlaskForm):
    notify_frequency = RadioField(
        _l("Hoe vaak wilt u het overzicht per e-mail?"), choices=FREQUENCY_CHOICES, validate_choice=False,
        validators=[AnyOf(DIGEST_FREQUENCIES, message=_l("Kies dagelijks of wekelijks."))])
    time_zone = SelectField(
        _l("Tijdzone"), choices=ZONE_CHOICES, validate_choice=False,
        validators=[AnyOf(list(TIME_ZONES), message=_l("Kies een tijdzone uit de lijst."))])


def preferences_form(kinds: list[str], **kwargs) -> FlaskForm:
    """Build the form with one radio group per kind the member can choose for (field name = kind)."""

    class PreferencesForm(_PreferencesBase):
        pass

    for kind in kinds:
        setattr(PreferencesForm, kind, RadioField(
            KINDS[kind].label, choices=CHANNEL_CHOICES, validate_choice=False,
            validators=[AnyOf(CHANNELS, message=_l("Kies hoe u deze meldingen wilt krijgen."))]))
    form = PreferencesForm(**kwargs)
    form.kind_fields = [form[kind] for kind in kinds]
    return form
