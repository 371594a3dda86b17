"""Forms of the member directory: the filters and the visibility checkbox."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length

from ..organisations.models import PROVINCES


class DirectoryFilterForm(FlaskForm):
    """Filters of the member list (GET, no CSRF token)."""

    class Meta:
        csrf = False

    q = StringField(_l("Naam"), validators=[Length(max=100)])
    organisation = SelectField(_l("Organisatie"), choices=[], validate_choice=False)
    region = SelectField(_l("Provincie"), choices=[], validate_choice=False)
    theme = SelectField(_l("Expertise"), choices=[], validate_choice=False)

    def offer_choices(self, organisations, themes) -> None:
        """Offer organisations, provinces and themes, each with an "all" option first."""
        every = SelectChoice("", _l("Alle"))
        self.organisation.choices = [every] + [SelectChoice(str(o.id), o.name) for o in organisations]
        self.region.choices = [every] + [SelectChoice(p, p) for p in PROVINCES]
        self.theme.choices = [every] + [SelectChoice(str(t.id), t.name) for t in themes]

    def filters(self) -> dict:
        """Return the chosen filters as plain values (unknown values are ignored)."""
        def number(value):
            return int(value) if value and str(value).isdigit() else None

        return {"q": (self.q.data or "").strip()[:100], "organisation_id": number(self.organisation.data),
                "region": self.region.data if self.region.data in PROVINCES else None,
                "theme_id": number(self.theme.data)}


class VisibilityForm(FlaskForm):
    """Hide oneself from the directory."""

    hide_from_directory = BooleanField(_l("Verberg mij in de ledengids"))
