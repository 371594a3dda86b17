"""The search form: what to look for and in which kind of document (a GET form, no CSRF)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SearchField, SelectField
from wtforms.validators import Optional


class SearchForm(FlaskForm):
    """Query words and an optional document type."""

    class Meta:
        csrf = False

    q = SearchField(_l("Zoekwoorden"), validators=[Optional()])
    type = SelectField(_l("Soort"), default="", validate_choice=False)

    def offer_types(self, types) -> None:
        """Offer "all kinds" and every searchable document type."""
        self.type.choices = [("", _l("Alle soorten"))] + [(name, label) for name, label in types]


def facets_from(values: list[str]) -> dict[str, list[str]]:
    """Read the facet filters from the repeated `f=name:value` parameters."""
    facets: dict[str, list[str]] = {}
    for raw in values[:20]:
        name, sep, value = raw.partition(":")
        if sep and name and value:
            facets.setdefault(name[:50], []).append(value[:200])
    return facets
