"""Forms of the reports: the year filter."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField
from wtforms.validators import ValidationError

FIRST_YEAR, LAST_YEAR = 2000, 2100


class YearForm(FlaskForm):
    """Choose the year of a report (a GET form: no CSRF token, values from the query string)."""

    class Meta:
        csrf = False

    jaar = SelectField(_l("Jaar"), choices=[], validate_choice=False)
    year: int | None = None

    def offer_years(self, years: list[int], default: int) -> None:
        """Offer the years with data and the default year, newest first."""
        options = sorted({*years, default}, reverse=True)
        self.jaar.choices = [SelectChoice(str(y), str(y)) for y in options]
        if not self.jaar.data:
            self.jaar.data = str(default)

    def validate_jaar(self, field):
        """Accept a year from 2000 to 2100; keep it in ``self.year``."""
        value = (field.data or "").strip()
        if not value.isdigit() or not FIRST_YEAR <= int(value) <= LAST_YEAR:
            raise ValidationError(_l("Kies een jaar tussen 2000 en 2100."))
        self.year = int(value)
