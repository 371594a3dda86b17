"""The notification preferences form: a radio group per kind, digest frequency, time zone."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField
from wtforms.validators import AnyOf

from .kinds import CHANNEL_LABELS, CHANNELS, DIGEST_FREQUENCIES, KINDS
from .preferences import TIME_ZONES

FREQUENCY_CHOICES = [("daily", _l("Dagelijks")), ("weekly", _l("Wekelijks"))]


class _PreferencesBase(FlaskForm):
    notify_frequency = RadioField(
        _l("Hoe vaak wilt u het overzicht per e-mail?"), choices=FREQUENCY_CHOICES, validate_choice=False,
        validators=[AnyOf(DIGEST_FREQUENCIES, message=_l("Kies dagelijks of wekelijks."))])
    time_zone = SelectField(
        _l("Tijdzone"), choices=list(TIME_ZONES.items()), validate_choice=False,
        validators=[AnyOf(list(TIME_ZONES), message=_l("Kies een tijdzone uit de lijst."))])


def preferences_form(kinds: list[str], **kwargs) -> FlaskForm:
    """Build the form with one radio group per kind the member can choose for (field name = kind)."""

    class PreferencesForm(_PreferencesBase):
        pass

    for kind in kinds:
        setattr(PreferencesForm, kind, RadioField(
            KINDS[kind].label, choices=list(CHANNEL_LABELS.items()), validate_choice=False,
            validators=[AnyOf(CHANNELS, message=_l("Kies hoe u deze meldingen wilt krijgen."))]))
    form = PreferencesForm(**kwargs)
    form.kind_fields = [form[kind] for kind in kinds]
    return form
