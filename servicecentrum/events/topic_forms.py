"""Forms of the topic wishes: a proposal, a support button, planning a proposal as an event."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectChoice, StringField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length

from ..library.forms import ListSelectField
from .mails import local_text
from .topics import DESCRIPTION_MAX, TITLE_MAX, TITLE_MIN, ProposalData


class ProposalForm(FlaskForm):
    """A new topic wish."""

    title = StringField(_l("Onderwerp"), validators=[
        DataRequired(_l("Beschrijf het onderwerp in een korte titel.")),
        Length(min=TITLE_MIN, max=TITLE_MAX, message=_l("De titel is 10 tot 200 tekens lang."))])
    description = TextAreaField(_l("Toelichting"), validators=[
        Length(max=DESCRIPTION_MAX, message=_l("De toelichting is hoogstens 2000 tekens lang."))])
    theme_id = ListSelectField(_l("Thema"), choices=[], default="")

    def offer(self, themes) -> None:
        self.theme_id.choices = [SelectChoice("", _l("Geen thema"))] + [
            SelectChoice(str(t.id), t.name) for t in themes]

    def data_typed(self) -> ProposalData:
        theme = self.theme_id.data
        return ProposalData(title=self.title.data or "", description=self.description.data or "",
                            theme_id=int(theme) if theme else None)


class SupportForm(FlaskForm):
    """The support button: ``wanted`` says what the member asked for, so a double click counts once."""

    wanted = HiddenField(validators=[AnyOf(["ja", "nee"])])


class CloseForm(FlaskForm):
    """A close button: only the CSRF token."""


class PlanForm(FlaskForm):
    """Pick the upcoming event the proposal becomes."""

    event_id = ListSelectField(_l("Bijeenkomst"), coerce=str,
                               validators=[DataRequired(_l("Kies een bijeenkomst."))])

    def offer(self, events) -> None:
        self.event_id.choices = [SelectChoice("", _l("Kies een bijeenkomst"))] + [
            SelectChoice(str(e.id), f"{e.title} ({local_text(e.starts_at)})") for e in events]
