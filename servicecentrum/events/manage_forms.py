"""Organisers' forms: the event itself (times typed in Amsterdam time) and its own questions."""

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectChoice, StringField, TextAreaField, TimeField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from ..forms import LocalDateField
from ..library.forms import CheckboxesField, ListRadioField, ListSelectField
from ..organisations.models import ORGANISATION_KINDS
from .labels import AUDIENCE_LABELS, KIND_LABELS
from .models import AUDIENCES, EVENT_KINDS
from .services import EventData

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MOMENTS = ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at")


class LocalTimeField(TimeField):
    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, format=["%H:%M", "%H.%M", "%H:%M:%S"],
                         invalid_value_message=_l("Vul een geldige tijd in, zoals 13:30."), **kwargs)

    def process_formdata(self, valuelist):
        if valuelist and not "".join(valuelist).strip():
            self.data = None
            return
        super().process_formdata(valuelist)


def _number(label, low, high, message, default):
    return IntegerField(label, default=default, validators=[
        InputRequired(_l("Vul een getal in.")), NumberRange(min=low, max=high, message=message)],
        invalid_value_message=_l("Vul een heel getal in."))


def to_utc(day, moment: time | None) -> datetime | None:
    """A date and time on the Amsterdam clock as an aware UTC moment."""
    if day is None:
        return None
    return datetime.combine(day, moment or time(0, 0), tzinfo=AMSTERDAM).astimezone(UTC)


def to_local(moment: datetime | None) -> tuple:
    if moment is None:
        return None, None
    local = moment.astimezone(AMSTERDAM)
    return local.date(), local.time().replace(second=0, microsecond=0)


def _https(form, field):
    value = (field.data or "").strip()
    field.data = value
    if value and (not value.lower().startswith("https://") or len(value) < 12 or " " in value):
        raise ValidationError(_l("Geef een volledige link die begint met https://."))


class EventForm(FlaskForm):
    """An event: what, when (Amsterdam time), where, how many seats, and for whom."""

    kind = ListRadioField(_l("Soort bijeenkomst"),
                          choices=[SelectChoice(k, KIND_LABELS[k]) for k in EVENT_KINDS],
                          validators=[InputRequired(_l("Kies de soort bijeenkomst."))])
    title = StringField(_l("Titel"), validators=[
        DataRequired(_l("Geef de bijeenkomst een titel.")),
        Length(max=200, message=_l("Een titel is hoogstens 200 tekens."))])
    description = TextAreaField(_l("Beschrijving"), validators=[
        DataRequired(_l("Beschrijf de bijeenkomst: voor wie, wat er gebeurt en wat het oplevert.")),
        Length(max=20000, message=_l("Een beschrijving is hoogstens 20.000 tekens."))])
    theme = ListSelectField(_l("Thema"), choices=[], coerce=str)
    programme = ListSelectField(_l("Programma"), choices=[], coerce=str)
    starts_at_date = LocalDateField(_l("Datum"), validators=[InputRequired(_l("Vul de datum in."))])
    starts_at_time = LocalTimeField(_l("Begintijd"), validators=[InputRequired(_l("Vul de begintijd in."))])
    ends_at_date = LocalDateField(_l("Einddatum (alleen als die anders is)"), validators=[Optional()])
    ends_at_time = LocalTimeField(_l("Eindtijd"), validators=[InputRequired(_l("Vul de eindtijd in."))])
    location = StringField(_l("Locatie"), validators=[
        Length(max=300, message=_l("Een locatie is hoogstens 300 tekens."))])
    online_url = StringField(_l("Link voor online deelname"), validators=[
        _https, Length(max=500, message=_l("Een link is hoogstens 500 tekens."))])
    capacity = _number(_l("Aantal plaatsen"), 1, 2000, _l("Kies tussen 1 en 2000 plaatsen."), 20)
    registration_opens_at_date = LocalDateField(_l("Aanmelden kan vanaf (datum)"), validators=[Optional()])
    registration_opens_at_time = LocalTimeField(_l("Aanmelden kan vanaf (tijd)"), validators=[Optional()])
    registration_closes_at_date = LocalDateField(_l("Aanmelden kan tot (datum)"), validators=[Optional()])
    registration_closes_at_time = LocalTimeField(_l("Aanmelden kan tot (tijd)"), validators=[Optional()])
    audience = ListRadioField(_l("Voor wie"),
                              choices=[SelectChoice(k, AUDIENCE_LABELS[k]) for k in AUDIENCES],
                              default="all",
                              validators=[InputRequired(_l("Kies voor wie de bijeenkomst is."))])
    audience_kinds = CheckboxesField(_l("Soorten organisaties"), choices=[
        SelectChoice(k, label) for k, label in ORGANISATION_KINDS.items()])
    organisers = CheckboxesField(_l("Organisatoren"), choices=[])
    reminder_days = _number(_l("Herinnering (dagen vooraf)"), 0, 30,
                            _l("Kies tussen 0 en 30 dagen; 0 betekent geen herinnering."), 2)
    offer_hours = _number(_l("Bedenktijd bij een vrijgekomen plaats (uren)"), 1, 336,
                          _l("Kies tussen 1 en 336 uur (twee weken)."), 48)

    def offer(self, themes, programmes, staff) -> None:
        self.theme.choices = [SelectChoice("", _l("Geen thema"))] + [
            SelectChoice(str(t.id), t.name) for t in themes]
        self.programme.choices = [SelectChoice("", _l("Geen programma"))] + [
            SelectChoice(str(p.id), p.name) for p in programmes]
        self.organisers.choices = [SelectChoice(str(u.id), u.name) for u in staff]

    def moment(self, name: str) -> datetime | None:
        day = getattr(self, f"{name}_date").data
        if name == "ends_at" and day is None:
            day = self.starts_at_date.data
        return to_utc(day, getattr(self, f"{name}_time").data)

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if not (self.location.data or "").strip() and not (self.online_url.data or "").strip() \
                and not self.location.errors and not self.online_url.errors:
            self.location.errors = [_l("Vul een locatie in, een link voor online deelname, of allebei.")]
            valid = False
        if self.audience.data == "kinds" and not self.audience_kinds.data and not self.audience_kinds.errors:
            self.audience_kinds.errors = [_l("Kies ten minste één soort organisatie.")]
            valid = False
        for name in ("registration_opens_at", "registration_closes_at"):
            day, clock = getattr(self, f"{name}_date"), getattr(self, f"{name}_time")
            if clock.data is not None and day.data is None and not day.errors:
                day.errors = [_l("Vul ook de datum in, of laat de tijd leeg.")]
                valid = False
        if not valid:
            return False
        starts, ends = self.moment("starts_at"), self.moment("ends_at")
        if ends <= starts:
            self.ends_at_time.errors = [_l("De bijeenkomst moet eindigen na het begin.")]
            return False
        opens, closes = self.moment("registration_opens_at"), self.moment("registration_closes_at")
        if opens and closes and closes <= opens:
            self.registration_closes_at_date.errors = [_l("Het aanmelden moet sluiten na het openen.")]
            return False
        if opens and opens >= starts:
            self.registration_opens_at_date.errors = [_l("Het aanmelden moet openen vóór het begin.")]
            return False
        return True

    def to_data(self) -> EventData:
        theme, programme = self.theme.data or "", self.programme.data or ""
        return EventData(
            kind=self.kind.data, title=self.title.data.strip(), description=self.description.data.strip(),
            starts_at=self.moment("starts_at"), ends_at=self.moment("ends_at"), capacity=self.capacity.data,
            theme_id=int(theme) if theme.isdigit() else None,
            programme_id=int(programme) if programme.isdigit() else None,
            location=(self.location.data or "").strip(), online_url=self.online_url.data or "",
            registration_opens_at=self.moment("registration_opens_at"),
            registration_closes_at=self.moment("registration_closes_at"),
            audience=self.audience.data,
            audience_kinds=",".join(self.audience_kinds.data or []) if self.audience.data == "kinds" else "",
            organiser_ids=[int(v) for v in self.organisers.data or [] if str(v).isdigit()],
            reminder_days=self.reminder_days.data, offer_hours=self.offer_hours.data)


def initial_data(event) -> dict:
    """The form's values for an existing event (times on the Amsterdam clock)."""
    data = {name: getattr(event, name) for name in ("kind", "title", "description", "location", "online_url",
                                                     "capacity", "audience", "reminder_days", "offer_hours")}
    data.update(theme=str(event.theme_id or ""), programme=str(event.programme_id or ""),
                audience_kinds=event.audience_kind_list, organisers=[str(u.id) for u in event.organisers])
    for name in MOMENTS:
        data[f"{name}_date"], data[f"{name}_time"] = to_local(getattr(event, name))
    return data


class QuestionForm(FlaskForm):
    """A question of the event, asked at registration or in the evaluation."""

    purpose = ListRadioField(_l("Wanneer vragen"), choices=[
        SelectChoice("registration", _l("Bij het aanmelden")),
        SelectChoice("evaluation", _l("In de evaluatie"))],
        default="registration", validators=[InputRequired(_l("Kies wanneer de vraag gesteld wordt."))])
    label = StringField(_l("Vraag"), validators=[
        DataRequired(_l("Schrijf de vraag.")),
        Length(max=200, message=_l("Een vraag is hoogstens 200 tekens."))])
    required = BooleanField(_l("Verplicht te beantwoorden"))
    choices = TextAreaField(_l("Keuzes (één per regel; leeg voor een open vraag)"), validators=[
        Length(max=2000, message=_l("Houd de keuzes korter dan 2000 tekens."))])

    def validate_choices(self, field) -> None:
        lines = [line.strip() for line in (field.data or "").splitlines() if line.strip()]
        if len(lines) == 1:
            raise ValidationError(
                _l("Geef ten minste twee keuzes, of laat het veld leeg voor een open vraag."))
        if any(len(line) > 200 for line in lines):
            raise ValidationError(_l("Een keuze is hoogstens 200 tekens."))
        if len(set(lines)) != len(lines):
            raise ValidationError(_l("Elke keuze mag maar één keer voorkomen."))

