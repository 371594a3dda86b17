"""Marking a ticket or a thread as a signal: a theme and a short anonymised description."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, TextAreaField
from wtforms.validators import DataRequired, Length

from ..library.forms import ListSelectField
from .services import MAX_DESCRIPTION, MIN_DESCRIPTION, SignalData

SOURCE_LABELS = {"ticket": _l("Helpdeskvraag"), "question": _l("Vraag op het forum")}
DESCRIPTION_HINT = _l("Beschrijf in 20 tot 1000 tekens wat u in de praktijk ziet. Noem geen namen van "
                      "personen of organisaties: het signaal gaat geanonimiseerd naar het ministerie.")


class SignalForm(FlaskForm):
    """A signal for the reports to the ministry (ids prefixed: the ticket page holds other forms)."""

    theme = ListSelectField(_l("Thema"), id="signal-theme",
                            validators=[DataRequired(_l("Kies een thema."))])
    description = TextAreaField(_l("Korte, geanonimiseerde beschrijving"), id="signal-description",
                                validators=[
                                    DataRequired(_l("Beschrijf het signaal.")),
                                    Length(min=MIN_DESCRIPTION, max=MAX_DESCRIPTION,
                                           message=_l("Beschrijf het signaal in 20 tot 1000 tekens."))])

    def offer_themes(self, themes) -> None:
        self.theme.choices = [SelectChoice("", _l("Kies een thema"))] + [
            SelectChoice(str(theme.id), theme.name) for theme in themes]

    def data_for_service(self) -> SignalData:
        value = self.theme.data
        return SignalData(theme_id=int(value) if value and str(value).isdigit() else None,
                          description=self.description.data or "")
