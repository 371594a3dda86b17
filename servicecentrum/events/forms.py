"""Forms of the members' event pages: the list filters and registering with the event's questions."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from ..library.forms import ListRadioField, ListSelectField
from .labels import KIND_LABELS
from .models import EVENT_KINDS
from .queries import EventFilters

ANSWER_MAX = 2000
FIELD_PREFIX = "vraag_"


class EventFilterForm(FlaskForm):
    """Which events the list shows (GET, no CSRF); a value that was not offered is ignored."""

    class Meta:
        csrf = False

    kind = ListSelectField(_l("Soort bijeenkomst"), coerce=str)
    theme = ListSelectField(_l("Thema"), coerce=str)

    def offer(self, themes) -> None:
        self.kind.choices = [SelectChoice("", _l("Alle soorten"))] + [
            SelectChoice(key, KIND_LABELS[key]) for key in EVENT_KINDS]
        self.theme.choices = [SelectChoice("", _l("Alle thema's"))] + [
            SelectChoice(str(theme.id), theme.name) for theme in themes]

    def filters(self, period: str) -> EventFilters:
        self.validate()
        theme = self.theme.data or ""
        return EventFilters(
            period=period,
            kind=self.kind.data if self.kind.data and not self.kind.errors else "",
            theme_id=int(theme) if theme.isdigit() and not self.theme.errors and len(theme) < 10 else None)

    def links(self) -> dict:
        """The chosen filters as query-string values (kept when paging)."""
        return {name: self[name].data for name in ("kind", "theme")
                if self[name].data and not self[name].errors}


class ActionForm(FlaskForm):
    """A button that changes something (CSRF only)."""


class RegistrationFormBase(FlaskForm):
    """Registering; the event's own questions are added as fields ``vraag_<id>``."""

    question_fields: list = []

    def answers(self) -> dict:
        """Answers by question id (as text), leaving out what was not answered."""
        answers = {}
        for question_id, name in self.question_fields:
            value = (self[name].data or "").strip() if isinstance(self[name].data, str) else ""
            if value:
                answers[str(question_id)] = value
        return answers


def _question_field(question):
    if question.choice_list:
        validators = ([InputRequired(_l("Kies een antwoord op de vraag ‘%(label)s’.", label=question.label))]
                      if question.required else [Optional()])
        return ListRadioField(question.label, choices=[SelectChoice(c, c) for c in question.choice_list],
                              validators=validators, coerce=str)
    validators = ([DataRequired(_l("Beantwoord de vraag ‘%(label)s’.", label=question.label))]
                  if question.required else [Optional()])
    validators.append(Length(max=ANSWER_MAX, message=_l("Een antwoord is hoogstens 2000 tekens.")))
    return TextAreaField(question.label, validators=validators)


def registration_form_for(event, **kwargs) -> RegistrationFormBase:
    """A registration form with a field for each of the event's registration questions."""
    questions = [q for q in event.questions if q.purpose == "registration"]

    class RegistrationForm(RegistrationFormBase):
        pass

    fields = []
    for question in questions:
        name = f"{FIELD_PREFIX}{question.id}"
        setattr(RegistrationForm, name, _question_field(question))
        fields.append((question.id, name))
    RegistrationForm.question_fields = fields
    return RegistrationForm(**kwargs)


class CancelEventForm(FlaskForm):
    """Calling an event off, with the reason everyone is told."""

    reason = TextAreaField(_l("Reden van de annulering"), validators=[
        DataRequired(_l("Schrijf kort waarom de bijeenkomst niet doorgaat; iedereen die zich aanmeldde "
                        "krijgt dit te lezen.")),
        Length(max=2000, message=_l("Houd de reden korter dan 2000 tekens."))])
