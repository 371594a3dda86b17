"""Forms of the library: the practice itself, filters, review remarks, ratings and uploads."""

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    EmailField,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..database import utcnow
from ..validators import EmailAddress
from .facets import FACETS, SORTS, VIEWS, ListQuery
from .labels import KIND_LABELS, SORT_LABELS
from .services import PracticeData

YEAR_PATTERN = re.compile(r"\d{4}")
MAX_TARGET_GROUPS = 20


class ChoiceFromListMixin:
    """Refuse values that were not offered, with a Dutch message."""

    refused_message = _l("Kies uit de lijst.")

    def pre_validate(self, form):
        """Refuse any value that is not among the choices."""
        allowed = {str(choice.value) for choice in self.choices or []}
        values = self.data if isinstance(self.data, list) else [self.data]
        if any(value not in allowed for value in values if value not in (None, "")):
            raise ValidationError(self.refused_message)


class CheckboxesField(ChoiceFromListMixin, SelectMultipleField):
    """Several values as checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ListSelectField(ChoiceFromListMixin, SelectField):
    """A drop-down that explains in Dutch when a value was not offered."""


class ListMultipleField(ChoiceFromListMixin, SelectMultipleField):
    """A multi-select that explains in Dutch when a value was not offered."""


class ListRadioField(ChoiceFromListMixin, RadioField):
    """Radio buttons that explain in Dutch when a value was not offered."""


def _valid_year(form, field):
    value = (field.data or "").strip()
    field.data = value
    if not value:
        return
    if not YEAR_PATTERN.fullmatch(value) or not 1950 <= int(value) <= utcnow().year + 1:
        raise ValidationError(_l("Vul een jaartal in van vier cijfers, bijvoorbeeld 2006."))


def _valid_target_groups(form, field):
    groups = split_target_groups(field.data)
    if len(groups) > MAX_TARGET_GROUPS:
        raise ValidationError(_l("Noem hoogstens 20 doelgroepen."))
    if any(len(group) > 80 for group in groups):
        raise ValidationError(_l("Een doelgroep is hoogstens 80 tekens."))


def split_target_groups(text: str | None) -> list[str]:
    """Turn "ouders, jongeren" into ["ouders", "jongeren"]."""
    return [part.strip() for part in (text or "").split(",") if part.strip()]


class PracticeForm(FlaskForm):
    """A practice: text, classification, organisations and contact person."""

    title = StringField(_l("Titel"), validators=[
        DataRequired(_l("Geef de praktijk een titel.")),
        Length(max=200, message=_l("Een titel is hoogstens 200 tekens."))])
    summary = TextAreaField(_l("Samenvatting"), validators=[
        DataRequired(_l("Vat de praktijk samen in een paar zinnen.")),
        Length(max=1000, message=_l("Een samenvatting is hoogstens 1000 tekens."))])
    body = TextAreaField(_l("Beschrijving"), validators=[
        DataRequired(_l("Beschrijf de praktijk: aanpak, stappen en resultaten.")),
        Length(max=50000, message=_l("Een beschrijving is hoogstens 50.000 tekens."))])
    kind = ListRadioField(_l("Soort"), choices=[SelectChoice(k, v) for k, v in KIND_LABELS.items()],
                          default="praktijk", validators=[InputRequired(_l("Kies de soort."))])
    themes = CheckboxesField(_l("Thema's"), choices=[], validators=[
        DataRequired(_l("Kies ten minste één thema."))])
    spearhead = ListSelectField(_l("Speerpunt"), choices=[], default="")
    organisations = ListMultipleField(_l("Organisaties"), choices=[])
    target_groups = StringField(_l("Doelgroepen"), validators=[_valid_target_groups])
    year = StringField(_l("Jaar"), validators=[_valid_year])
    contact_name = StringField(_l("Contactpersoon"), validators=[
        Length(max=200, message=_l("Een naam is hoogstens 200 tekens."))])
    contact_email = EmailField(_l("E-mailadres van de contactpersoon"), validators=[
        Optional(), EmailAddress(), Length(max=254, message=_l("Een e-mailadres is hoogstens 254 tekens."))])
    change_note = StringField(_l("Wat is er veranderd?"), validators=[
        Length(max=300, message=_l("Houd het kort: hoogstens 300 tekens."))])

    def offer_choices(self, themes, spearheads, organisations) -> None:
        """Offer the taxonomy and organisations as choices."""
        self.themes.choices = [SelectChoice(str(t.id), t.name) for t in themes]
        self.spearhead.choices = [SelectChoice("", _l("Geen speerpunt"))] + [
            SelectChoice(str(s.id), s.name) for s in spearheads]
        self.organisations.choices = [SelectChoice(str(o.id), o.name) for o in organisations]

    def to_data(self) -> PracticeData:
        """Return the validated input as plain values."""
        return PracticeData(
            title=self.title.data.strip(),
            summary=self.summary.data.strip(),
            body=self.body.data.strip(),
            kind=self.kind.data,
            theme_ids=[int(v) for v in self.themes.data or []],
            spearhead_id=int(self.spearhead.data) if self.spearhead.data else None,
            organisation_ids=[int(v) for v in self.organisations.data or []],
            target_groups=split_target_groups(self.target_groups.data),
            year=int(self.year.data) if self.year.data else None,
            contact_name=(self.contact_name.data or "").strip(),
            contact_email=(self.contact_email.data or "").strip(),
            change_note=(self.change_note.data or "").strip(),
        )

    @classmethod
    def for_practice(cls, practice) -> "PracticeForm":
        """Return the form filled with the practice as it is now."""
        return cls(data={
            "title": practice.title, "summary": practice.summary, "body": practice.body,
            "kind": practice.kind, "themes": [str(t.id) for t in practice.themes],
            "spearhead": str(practice.spearhead_id or ""),
            "organisations": [str(o.id) for o in practice.organisations],
            "target_groups": ", ".join(practice.target_groups or []),
            "year": str(practice.year or ""), "contact_name": practice.contact_name,
            "contact_email": practice.contact_email,
        })


class FilterForm(FlaskForm):
    """The facets, sorting and tab of the practice list (GET, no CSRF token)."""

    class Meta:
        csrf = False

    view = HiddenField(default="published")
    theme = CheckboxesField(_l("Thema"), choices=[], validate_choice=False)
    spearhead = CheckboxesField(_l("Speerpunt"), choices=[], validate_choice=False)
    region = CheckboxesField(_l("Provincie"), choices=[], validate_choice=False)
    size = CheckboxesField(_l("Grootte van de gemeente"), choices=[], validate_choice=False)
    year = CheckboxesField(_l("Jaar"), choices=[], validate_choice=False)
    kind = CheckboxesField(_l("Soort"), choices=[], validate_choice=False)
    sort = SelectField(_l("Sorteren op"), choices=[SelectChoice(k, v) for k, v in SORT_LABELS.items()],
                       default="newest", validate_choice=False)

    def list_query(self, page: int) -> ListQuery:
        """Return what the member asked for; unknown tabs and sort orders fall back to the defaults."""
        selected = {}
        for name in FACETS:
            values = tuple(dict.fromkeys(v.strip() for v in getattr(self, name).data or [] if v.strip()))
            if values:
                selected[name] = values[:50]
        return ListQuery(
            view=self.view.data if self.view.data in VIEWS else "published",
            selected=selected,
            sort=self.sort.data if self.sort.data in SORTS else "newest",
            page=max(page, 1),
        )

    def offer_facets(self, facet_options: dict) -> None:
        """Offer each facet's values with their counts as checkboxes."""
        for name, options in facet_options.items():
            getattr(self, name).choices = [
                SelectChoice(option.value, _l("%(label)s (%(count)s)", label=option.label,
                                              count=option.count))
                for option in options]


class ReviewForm(FlaskForm):
    """A remark that goes with a review step; required for a comment and for asking changes."""

    body = TextAreaField(_l("Opmerking"), validators=[
        Length(max=5000, message=_l("Een opmerking is hoogstens 5000 tekens."))])

    def require_body(self, message) -> bool:
        """Tell whether a remark was written; add the message to the field when not."""
        self.body.data = (self.body.data or "").strip()
        if self.body.data:
            return True
        self.body.errors = [*self.body.errors, message]
        return False


class RateForm(FlaskForm):
    """Was this useful? Yes or no."""

    helpful = ListRadioField(_l("Was dit nuttig?"), choices=[
        SelectChoice("yes", _l("Ja")), SelectChoice("no", _l("Nee"))],
        validators=[InputRequired(_l("Kies ja of nee."))])


class AttachmentForm(FlaskForm):
    """One file to attach to a practice."""

    file = FileField(_l("Bestand toevoegen"))


class ConfirmForm(FlaskForm):
    """A button that confirms a step; only the CSRF token travels."""
