"""The dashboard's filter: a period in Amsterdam dates, and optionally a programme and a theme."""

from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from wtforms import SelectChoice, SelectField

from .period_form import PeriodForm
from .tables import Filters


class DashboardFilterForm(PeriodForm):
    """The period (by default the last twelve months) and optionally a programme and a theme."""

    programma = SelectField(_l("Programma"), choices=[], validate_choice=False)
    thema = SelectField(_l("Thema"), choices=[], validate_choice=False)

    def offer(self, programmes, themes) -> None:
        self.programma.choices = [SelectChoice("", _l("Alle programma's"))] + [
            SelectChoice(str(p.id), p.name) for p in programmes]
        self.thema.choices = [SelectChoice("", _l("Alle thema's"))] + [
            SelectChoice(str(t.id), t.name) for t in themes]

    def _choice(self, field) -> int | None:
        offered = {str(choice.value) for choice in field.choices}
        return int(field.data) if field.data and field.data in offered and field.data.isdigit() else None

    def filters(self, today: date) -> Filters:
        """The chosen filters; by default the last twelve months up to today."""
        end = self.tot.data or today
        start = self.van.data or (end - timedelta(days=364))
        if self.errors:
            end, start = today, today - timedelta(days=364)
        return Filters(start=start, end=end, programme_id=self._choice(self.programma),
                       theme_id=self._choice(self.thema))
