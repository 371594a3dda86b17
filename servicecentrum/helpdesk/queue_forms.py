"""Forms of the advisers' queue: the filters (GET) and assigning several tickets at once."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, Field, SelectChoice
from wtforms.validators import DataRequired, ValidationError

from ..library.forms import ListSelectField
from .labels import STATUS_LABELS
from .queue import ALL_STATUSES, QueueFilters

# Query-string keys of the filters, kept when assigning and paging.
FILTER_KEYS = ("programme", "status", "unassigned", "overdue", "theme", "organisation", "mine", "waiting",
               "due_today")
# ... and of the sort: a whitelisted column (queue.SORTS) and "asc" or "desc".
SORT_KEYS = ("sort", "order")


MAX_SELECTED = 200


def _is_id(value) -> bool:
    value = str(value)
    return value.isascii() and value.isdigit() and len(value) <= 18


def _id_or_none(field) -> int | None:
    value = field.data or ""
    return int(value) if not field.errors and _is_id(value) else None


class QueueFilterForm(FlaskForm):
    """Which tickets the queue shows (GET, no CSRF)."""

    class Meta:
        csrf = False

    programme = ListSelectField(_l("Programma"), coerce=str)
    status = ListSelectField(_l("Status"), coerce=str)
    theme = ListSelectField(_l("Thema"), coerce=str)
    organisation = ListSelectField(_l("Organisatie"), coerce=str)
    unassigned = BooleanField(_l("Alleen zonder behandelaar"))
    overdue = BooleanField(_l("Alleen termijn verlopen"))
    mine = BooleanField(_l("Alleen aan mij toegewezen"))
    waiting = BooleanField(_l("Alleen wachtend op mijn antwoord"))
    due_today = BooleanField(_l("Alleen eerste reactie vandaag"))

    def offer(self, programmes, themes, organisations) -> None:
        """Offer the programmes the member sees, the themes and the organisations asking."""
        self.programme.choices = [SelectChoice("", _l("Al mijn programma's"))] + [
            SelectChoice(str(p.id), p.name) for p in programmes]
        self.status.choices = [
            SelectChoice("", _l("Openstaand (nieuw, in behandeling, wacht op vrager)")),
            *[SelectChoice(key, label) for key, label in STATUS_LABELS.items()],
            SelectChoice(ALL_STATUSES, _l("Alle statussen"))]
        self.theme.choices = [SelectChoice("", _l("Alle thema's"))] + [
            SelectChoice(str(t.id), t.name) for t in themes]
        self.organisation.choices = [SelectChoice("", _l("Alle organisaties"))] + [
            SelectChoice(str(o.id), o.name) for o in organisations]

    def filters(self) -> QueueFilters:
        """The valid filters as plain data (a value that was not offered is ignored)."""
        self.validate()
        return QueueFilters(
            programme_id=_id_or_none(self.programme),
            status=self.status.data if self.status.data and not self.status.errors else "",
            unassigned=bool(self.unassigned.data), overdue=bool(self.overdue.data),
            theme_id=_id_or_none(self.theme), organisation_id=_id_or_none(self.organisation),
            mine=bool(self.mine.data), waiting_for_me=bool(self.waiting.data),
            due_today=bool(self.due_today.data))


class IdListField(Field):
    """The ids of the ticked checkboxes (rendered by the queue table, one per ticket)."""

    def _value(self):
        return ""

    def process_formdata(self, valuelist):
        self.data = sorted({int(value) for value in valuelist if _is_id(value)})

    def process_data(self, value):
        self.data = list(value or [])


def _some_tickets(_form, field):
    if not field.data:
        raise ValidationError(_l("Kies eerst een of meer vragen in de lijst."))
    if len(field.data) > MAX_SELECTED:
        raise ValidationError(_l("Kies hoogstens 200 vragen tegelijk."))


class AssignForm(FlaskForm):
    """Give the ticked tickets to one adviser."""

    ticket_ids = IdListField(_l("Vragen"), validators=[_some_tickets])
    assignee = ListSelectField(_l("Toewijzen aan"), coerce=str,
                               validators=[DataRequired(_l("Kies een adviseur."))])

    def offer(self, advisers) -> None:
        self.assignee.choices = [SelectChoice("", _l("Kies een adviseur"))] + [
            SelectChoice(str(a.id), a.name) for a in advisers]
