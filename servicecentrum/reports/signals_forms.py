"""The signals report's filter: a period in Amsterdam dates (default the last full quarter) and a theme."""

from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import SelectChoice, SelectField
from wtforms.validators import ValidationError

from .period_form import PeriodForm
from .signals_report import last_full_quarter
from .tables import Filters


class SignalsFilterForm(PeriodForm):
    """The period (by default the last full quarter) and optionally a theme."""

    thema = SelectField(_l("Thema"), choices=[], validate_choice=False)

    def offer_themes(self, themes) -> None:
        self.thema.choices = [SelectChoice("", _l("Alle thema's"))] + [
            SelectChoice(str(theme.id), theme.name) for theme in themes]

    def validate_thema(self, field) -> None:
        offered = {str(choice.value) for choice in field.choices}
        if field.data and field.data not in offered:
            raise ValidationError(_l("Kies een thema uit de lijst."))

    def filters(self, today: date) -> Filters:
        """The chosen period and theme (call after a successful ``validate``)."""
        default_start, default_end = last_full_quarter(today)
        start, end = self.van.data, self.tot.data
        if start is None and end is None:
            start, end = default_start, default_end
        elif start is None:
            start = min(end, default_start)
        elif end is None:
            end = max(start, today)
        self.van.data, self.tot.data = start, end
        self.van.raw_data = self.tot.raw_data = None  # show the period used, also when filled in
        theme = self.thema.data
        return Filters(start=start, end=end, theme_id=int(theme) if theme and theme.isdigit() else None)

    def query_args(self) -> dict:
        """The filter as query-string values, for the CSV link."""
        args = {"van": self.van.data.isoformat(), "tot": self.tot.data.isoformat()}
        if self.thema.data:
            args["thema"] = self.thema.data
        return args
