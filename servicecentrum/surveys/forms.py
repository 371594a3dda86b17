"""The satisfaction survey: a rating from 1 to 5 and an optional comment."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, TextAreaField
from wtforms.validators import InputRequired, Length

from ..library.forms import ListRadioField

RATING_LABELS = {
    1: _l("1 – zeer ontevreden"),
    2: _l("2 – ontevreden"),
    3: _l("3 – neutraal"),
    4: _l("4 – tevreden"),
    5: _l("5 – zeer tevreden"),
}


class RatingField(ListRadioField):
    """Radio buttons 1-5 that explain in Dutch when another value was sent."""

    refused_message = _l("Kies een cijfer van 1 tot en met 5.")


class SurveyForm(FlaskForm):
    """How satisfied the requester is with the answer to their question."""

    rating = RatingField(
        _l("Hoe tevreden bent u over de afhandeling van uw vraag?"),
        choices=[SelectChoice(str(value), label) for value, label in RATING_LABELS.items()],
        validators=[InputRequired(_l("Kies een cijfer van 1 tot en met 5."))])
    comment = TextAreaField(_l("Toelichting (niet verplicht)"), validators=[
        Length(max=2000, message=_l("Uw toelichting is hoogstens 2000 tekens."))])

    def rating_value(self) -> int:
        return int(self.rating.data)
