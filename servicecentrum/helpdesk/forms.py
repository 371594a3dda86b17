"""Forms of the ticket pages: filing a question, replying, and the handlers' controls."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import MultipleFileField
from wtforms import SelectChoice, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from ..library.forms import ListRadioField, ListSelectField
from .labels import MESSAGE_KIND_LABELS, PRIORITY_LABELS, STATUS_LABELS
from .models import MESSAGE_KINDS, PRIORITIES, STATUSES
from .services import TicketData

BODY_MAX = 20000


def _choices(keys, labels) -> list[SelectChoice]:
    return [SelectChoice(key, labels[key]) for key in keys]


class TicketForm(FlaskForm):
    """A new question to FORUM."""

    subject = StringField(_l("Onderwerp"), validators=[
        DataRequired(_l("Geef uw vraag een onderwerp.")),
        Length(max=200, message=_l("Het onderwerp is hoogstens 200 tekens lang."))])
    body = TextAreaField(_l("Uw vraag"), validators=[
        DataRequired(_l("Beschrijf uw vraag.")),
        Length(max=BODY_MAX, message=_l("Uw vraag is hoogstens 20.000 tekens lang."))])
    theme = ListSelectField(_l("Thema"), validators=[DataRequired(_l("Kies het thema van uw vraag."))])
    attachments = MultipleFileField(_l("Bijlagen (niet verplicht)"))

    def offer_themes(self, themes) -> None:
        self.theme.choices = [SelectChoice("", _l("Kies een thema"))] + [
            SelectChoice(str(theme.id), theme.name) for theme in themes]

    def to_data(self) -> TicketData:
        return TicketData(subject=self.subject.data or "", body=self.body.data or "",
                          theme_id=int(self.theme.data) if (self.theme.data or "").isdigit() else None)


class ReplyForm(FlaskForm):
    """A reply on a ticket; handlers may also write internal notes, insert canned replies and
    change the status in the same step. Two buttons: ``insert`` (put the canned reply in the
    text) and ``send``."""

    canned_reply = ListSelectField(_l("Standaardantwoord"), choices=[])
    body = TextAreaField(_l("Uw bericht"), validators=[
        Length(max=BODY_MAX, message=_l("Het bericht is hoogstens 20.000 tekens lang."))])
    kind = ListRadioField(_l("Soort bericht"), choices=_choices(MESSAGE_KINDS, MESSAGE_KIND_LABELS),
                          default="reply")
    attachments = MultipleFileField(_l("Bijlagen (niet verplicht)"))
    new_status = ListSelectField(_l("Status na verzenden"), choices=[])
    minutes = StringField(_l("Bestede tijd (minuten)"))
    insert = SubmitField(_l("Invoegen"))
    send = SubmitField(_l("Versturen"))

    def offer(self, is_handler: bool, canned_replies=(), current_status: str | None = None) -> None:
        """Offer the handler's extras, or remove them for a requester."""
        if not is_handler:
            del self.canned_reply
            del self.kind
            del self.new_status
            del self.minutes
            del self.insert
            return
        self.canned_reply.choices = [SelectChoice("", _l("Kies een standaardantwoord"))] + [
            SelectChoice(str(reply.id), reply.title) for reply in canned_replies]
        self.new_status.choices = [SelectChoice("", _l("Niet wijzigen"))] + [
            SelectChoice(key, STATUS_LABELS[key]) for key in STATUSES if key not in ("new", current_status)]

    def validate_body(self, field) -> None:
        if not self.inserting and not (field.data or "").strip():
            raise ValidationError(_l("Typ eerst een bericht."))

    @property
    def inserting(self) -> bool:
        """A handler pressed "Invoegen" (put the canned reply in the text) rather than "Versturen"."""
        insert = getattr(self, "insert", None)
        return bool(insert is not None and insert.data)

    @property
    def message_kind(self) -> str:
        kind = getattr(self, "kind", None)
        return (kind.data if kind is not None else None) or "reply"

    @property
    def canned_reply_id(self) -> int | None:
        field = getattr(self, "canned_reply", None)
        value = field.data if field is not None else None
        return int(value) if value and str(value).isdigit() else None

    def validate_minutes(self, field) -> None:
        """Empty (no time logged) or whole minutes, more than 0 and at most a day."""
        value = (field.data or "").strip()
        if not value:
            return
        if not (value.isascii() and value.isdigit()):
            raise ValidationError(_l("Vul de bestede tijd in hele minuten in, zoals 30."))
        if not 0 < int(value) <= 24 * 60:
            raise ValidationError(_l("Vul bij bestede tijd meer dan 0 en hoogstens 1440 minuten in."))

    @property
    def minutes_spent(self) -> int | None:
        """The minutes to log with this message, or None."""
        field = getattr(self, "minutes", None)
        value = (field.data or "").strip() if field is not None and not field.errors else ""
        return int(value) if value else None

    @property
    def status_after(self) -> str | None:
        field = getattr(self, "new_status", None)
        return (field.data or None) if field is not None else None


class StatusForm(FlaskForm):
    """A handler's status select in the sidebar."""

    status = ListSelectField(_l("Status"), choices=_choices(STATUSES, STATUS_LABELS),
                             validators=[DataRequired(_l("Kies een status."))])


class PriorityForm(FlaskForm):
    """A handler's priority select in the sidebar."""

    priority = ListSelectField(_l("Prioriteit"), choices=_choices(PRIORITIES, PRIORITY_LABELS),
                               validators=[DataRequired(_l("Kies een prioriteit."))])


class AssignForm(FlaskForm):
    """A handler's assignee select in the sidebar."""

    assignee = ListSelectField(_l("Behandelaar"), choices=[])

    def offer(self, advisers) -> None:
        self.assignee.choices = [SelectChoice("", _l("Niemand"))] + [
            SelectChoice(str(adviser.id), adviser.name) for adviser in advisers]


class MoveForm(FlaskForm):
    """A handler's programme select in the sidebar."""

    programme = ListSelectField(_l("Programma"), choices=[],
                                validators=[DataRequired(_l("Kies een programma."))])

    def offer(self, programmes) -> None:
        self.programme.choices = [SelectChoice(str(p.id), p.name) for p in programmes]
