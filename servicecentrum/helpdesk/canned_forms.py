"""Forms of the canned replies: one reply, and a delete button."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..library.forms import ListSelectField
from .canned import BODY_MAX, TITLE_MAX, CannedData


class CannedReplyForm(FlaskForm):
    """A new or changed canned reply."""

    programme_id = ListSelectField(_l("Programma"), coerce=str,
                                   validators=[DataRequired(_l("Kies een programma."))])
    title = StringField(_l("Titel"), validators=[
        DataRequired(_l("Geef het standaardantwoord een titel.")),
        Length(max=TITLE_MAX, message=_l("De titel is hoogstens 120 tekens lang."))])
    body = TextAreaField(_l("Tekst"), validators=[
        DataRequired(_l("Vul de tekst van het standaardantwoord in.")),
        Length(max=BODY_MAX, message=_l("De tekst is hoogstens 20.000 tekens lang."))])

    def offer(self, programmes) -> None:
        """Offer only the programmes the member keeps canned replies for."""
        choices = [SelectChoice(str(p.id), p.name) for p in programmes]
        if len(choices) > 1:
            choices.insert(0, SelectChoice("", _l("Kies een programma")))
        self.programme_id.choices = choices

    def data_typed(self) -> CannedData:
        return CannedData(programme_id=int(self.programme_id.data), title=self.title.data or "",
                          body=self.body.data or "")


class DeleteForm(FlaskForm):
    """A delete button: only the CSRF token."""
