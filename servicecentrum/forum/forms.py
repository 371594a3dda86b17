"""Forms of the peer questions: asking, answering, editing and filtering the list."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, MultipleFileField
from wtforms import BooleanField, HiddenField, SelectChoice, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from ..library.forms import CheckboxesField, ListSelectField

MAX_TAGS = 5
TAG_LENGTH = 50
SORTS = {"newest": _l("Nieuwste eerst"), "activity": _l("Laatste activiteit"),
         "useful": _l("Meest nuttig")}


def parse_tags(text: str | None) -> list[str]:
    """Split comma-separated tags into unique, trimmed, lower-case names in typed order."""
    names: list[str] = []
    for part in (text or "").split(","):
        name = " ".join(part.split()).lower()
        if name and name not in names:
            names.append(name)
    return names


def _check_tags(_form, field):
    names = parse_tags(field.data)
    if len(names) > MAX_TAGS:
        raise ValidationError(_l("Geef hoogstens 5 trefwoorden, gescheiden door komma's."))
    if any(len(name) > TAG_LENGTH for name in names):
        raise ValidationError(_l("Een trefwoord is hoogstens 50 tekens lang."))


class QuestionForm(FlaskForm):
    """A new or edited question."""

    title = StringField(_l("Uw vraag in één zin"), validators=[
        DataRequired(_l("Vul uw vraag in.")),
        Length(min=10, max=200, message=_l("De vraag is tussen 10 en 200 tekens lang."))])
    body = TextAreaField(_l("Toelichting"), validators=[
        Length(max=20000, message=_l("De toelichting is hoogstens 20.000 tekens lang."))])
    themes = CheckboxesField(_l("Thema's"))
    tags = StringField(_l("Trefwoorden"), validators=[_check_tags])
    confirmed = HiddenField()

    def offer_themes(self, themes) -> None:
        """Offer the themes as checkboxes."""
        self.themes.choices = [SelectChoice(str(theme.id), theme.name) for theme in themes]


class QuestionCreateForm(QuestionForm):
    """A new question, with attachments if the member has them."""

    attachments = MultipleFileField(_l("Bijlagen (niet verplicht)"))


class AnswerForm(FlaskForm):
    """An answer, new or edited."""

    body = TextAreaField(_l("Uw antwoord"), validators=[
        DataRequired(_l("Vul uw antwoord in.")),
        Length(max=20000, message=_l("Het antwoord is hoogstens 20.000 tekens lang."))])


class AttachmentForm(FlaskForm):
    """One file to attach to a question or answer."""

    file = FileField(_l("Bestand toevoegen"))


class ActionForm(FlaskForm):
    """A button that changes something (vote, accept): only the CSRF token."""


class FilterForm(FlaskForm):
    """Filters and sort order of the question list (GET, no CSRF)."""

    class Meta:
        csrf = False

    theme = ListSelectField(_l("Thema"), coerce=str)
    tag = StringField(_l("Trefwoord"))
    organisation = ListSelectField(_l("Organisatie"), coerce=str)
    unanswered = BooleanField(_l("Alleen onbeantwoorde vragen"))
    mine = BooleanField(_l("Alleen mijn vragen"))
    followed = BooleanField(_l("Alleen wat ik volg"))
    sort = ListSelectField(_l("Sorteren"), coerce=str,
                           choices=[SelectChoice(k, v) for k, v in SORTS.items()])

    def offer(self, themes, organisations) -> None:
        """Offer the themes and organisations that exist."""
        self.theme.choices = [SelectChoice("", _l("Alle thema's"))] + [
            SelectChoice(t.slug, t.name) for t in themes]
        self.organisation.choices = [SelectChoice("", _l("Alle organisaties"))] + [
            SelectChoice(str(o.id), o.name) for o in organisations]

    def filters(self) -> dict:
        """Return the valid filters as plain data (invalid values are ignored)."""
        self.validate()
        return {
            "theme": self.theme.data if not self.theme.errors else "",
            "tag": " ".join((self.tag.data or "").split()).lower()[:TAG_LENGTH],
            "organisation_id": int(self.organisation.data) if (
                self.organisation.data or "").isdigit() and not self.organisation.errors else None,
            "unanswered": bool(self.unanswered.data),
            "mine": bool(self.mine.data),
            "followed": bool(self.followed.data),
            "sort": self.sort.data if self.sort.data in SORTS and not self.sort.errors else "newest",
        }
