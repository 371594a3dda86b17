"""The evaluation form: the satisfaction scale of the surveys, a comment and the event's own questions."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from ..library.forms import ListRadioField
from ..surveys.forms import RATING_LABELS, RatingField

ANSWER_REQUIRED = _l("Beantwoord deze vraag.")
ANSWER_TOO_LONG = _l("Uw antwoord is hoogstens 2000 tekens.")


class EvaluationForm(FlaskForm):
    """How satisfied the attendee is with the event, and why."""

    rating = RatingField(
        _l("Hoe tevreden bent u over deze bijeenkomst?"),
        choices=[SelectChoice(str(value), label) for value, label in RATING_LABELS.items()],
        validators=[InputRequired(_l("Kies een cijfer van 1 tot en met 5."))])
    comment = TextAreaField(_l("Toelichting (niet verplicht)"), validators=[
        Length(max=2000, message=_l("Uw toelichting is hoogstens 2000 tekens."))])

    question_fields: list = []

    def rating_value(self) -> int:
        return int(self.rating.data)

    def answers(self) -> dict:
        """The answers to the event's questions, keyed by question id (str)."""
        return {str(question.id): field.data for question, field in self.question_fields}


def _question_field(question):
    if question.choice_list:
        return ListRadioField(
            question.label, choices=[SelectChoice(choice, choice) for choice in question.choice_list],
            validators=[InputRequired(ANSWER_REQUIRED) if question.required else Optional()])
    return TextAreaField(question.label, validators=[
        DataRequired(ANSWER_REQUIRED) if question.required else Optional(),
        Length(max=2000, message=ANSWER_TOO_LONG)])


def evaluation_form(questions) -> EvaluationForm:
    """An evaluation form with one field per evaluation question of the event."""

    class EventEvaluationForm(EvaluationForm):
        pass

    for question in questions:
        setattr(EventEvaluationForm, f"question_{question.id}", _question_field(question))
    form = EventEvaluationForm()
    form.question_fields = [(question, form[f"question_{question.id}"]) for question in questions]
    return form
