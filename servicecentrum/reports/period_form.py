"""A report's period filter: two Amsterdam dates, the end not before the start, at most five years."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms.validators import ValidationError

from ..forms import LocalDateField

MAX_DAYS = 366 * 5


class PeriodForm(FlaskForm):
    """A GET form: no CSRF token, the values come from the query string."""

    class Meta:
        csrf = False

    van = LocalDateField(_l("Van"))
    tot = LocalDateField(_l("Tot en met"))

    def validate_tot(self, field) -> None:
        start, end = self.van.data, field.data
        if start and end and end < start:
            raise ValidationError(_l("De einddatum ligt vóór de begindatum."))
        if start and end and (end - start).days > MAX_DAYS:
            raise ValidationError(_l("Kies een periode van hoogstens vijf jaar."))
