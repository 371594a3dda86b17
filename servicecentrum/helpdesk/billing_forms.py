"""Forms of free and paid service: time entries, quotes, and the buttons that decide them."""

import re
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from ..forms import LocalDateField
from .billing import MAX_ENTRY_MINUTES, MAX_QUOTE_MINUTES, hours_to_minutes

HOURS_PATTERN = re.compile(r"\d{1,4}(?:[.,]\d{1,2})?")


def parse_hours(text: str | None) -> Decimal | None:
    """Read hours typed as 1,5 or 1.5 (at most two decimals); None when it is no such number."""
    value = (text or "").strip()
    if not HOURS_PATTERN.fullmatch(value):
        return None
    return Decimal(value.replace(",", "."))


def _check_hours(field, max_minutes: int, too_many) -> int:
    hours = parse_hours(field.data)
    if hours is None:
        raise ValidationError(_l("Vul het aantal uren in als een getal met hoogstens twee decimalen, "
                                 "zoals 1,5 of 0,25."))
    minutes = hours_to_minutes(hours)
    if minutes <= 0:
        raise ValidationError(_l("Vul meer dan 0 uur in."))
    if minutes > max_minutes:
        raise ValidationError(too_many)
    return minutes


class WorkDateField(LocalDateField):
    """A date from a date picker (jjjj-mm-dd) or typed the Dutch way (dd-mm-jjjj), shown as dd-mm-jjjj."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, typed=True, **kwargs)


class TimeEntryForm(FlaskForm):
    """Time an adviser worked on a ticket."""

    work_date = WorkDateField(_l("Datum van het werk"),
                              validators=[InputRequired(_l("Vul de datum van het werk in."))])
    hours = StringField(_l("Uren"), validators=[DataRequired(_l("Vul het aantal uren in."))])
    note = StringField(_l("Wat heeft u gedaan? (alleen voor FORUM)"), validators=[
        Length(max=300, message=_l("Houd de omschrijving korter dan 300 tekens."))])
    minutes = 0

    def validate_hours(self, field):
        """Accept more than 0 and at most 24 hours; keep whole minutes in ``self.minutes``."""
        self.minutes = _check_hours(field, MAX_ENTRY_MINUTES, _l("Schrijf hoogstens 24 uur per keer."))


class QuoteForm(FlaskForm):
    """A quote for additional guidance: estimated hours and what the work is."""

    hours = StringField(_l("Geschatte uren"), validators=[DataRequired(_l("Vul het aantal uren in."))])
    description = TextAreaField(_l("Omschrijving van het werk (de vrager leest dit)"), validators=[
        DataRequired(_l("Beschrijf het werk waarvoor u een offerte maakt.")),
        Length(max=5000, message=_l("Houd de omschrijving korter dan 5000 tekens."))])
    minutes = 0

    def validate_hours(self, field):
        """Accept more than 0 and at most 1000 hours; keep whole minutes in ``self.minutes``."""
        self.minutes = _check_hours(field, MAX_QUOTE_MINUTES, _l("Een offerte is hoogstens 1000 uur."))


class ActionForm(FlaskForm):
    """A button that changes something: accept, decline, mark as additional (CSRF only)."""
