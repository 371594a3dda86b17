"""Forms of the admin screens: filters, account changes, organisations, settings."""

import re
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    SearchField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..forms import LocalDateField
from ..organisations.models import ORGANISATION_KINDS, PROVINCES, SIZE_CLASSES
from .mail import STATUS_LABELS as MAIL_STATUS_LABELS

ROLE_LABELS = {"officer": _l("Lid"), "adviser": _l("Adviseur"), "admin": _l("Beheerder")}
STATUS_LABELS = {"pending": _l("Wacht op goedkeuring"), "active": _l("Actief"), "disabled": _l("Geblokkeerd")}


def choices(labels: dict, empty_label=None) -> list[SelectChoice]:
    """Turn a {value: label} dict into select options, optionally after an empty first one."""
    options = [SelectChoice("", empty_label)] if empty_label is not None else []
    return options + [SelectChoice(str(value), label) for value, label in labels.items()]
CBS_PATTERN = re.compile(r"GM\d{4}")
ALLOWANCE_PATTERN = re.compile(r"\d{1,4}(?:[.,]\d{1,2})?")
DOMAIN_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


class FilterForm(FlaskForm):
    """A GET form that filters a list: no CSRF token, values from the query string."""

    class Meta:
        csrf = False


class UserFilterForm(FilterForm):
    """Filters of the user list."""

    q = SearchField(_l("Naam of e-mailadres bevat"), validators=[Optional(), Length(max=200)])
    role = SelectField(_l("Rol"), choices=choices(ROLE_LABELS, _l("Alle rollen")), default="")
    status = SelectField(_l("Status"), choices=choices(STATUS_LABELS, _l("Alle statussen")), default="")
    organisation = SelectField(_l("Organisatie"), choices=choices({}, _l("Alle organisaties")), default="")

    def offer_organisations(self, organisations) -> None:
        """Add the organisations to the choices of the organisation filter."""
        names = {o.id: o.name for o in organisations}
        self.organisation.choices = [*self.organisation.choices, *choices(names)]


class RoleForm(FlaskForm):
    """Give a member another role."""

    role = SelectField(_l("Nieuwe rol"), choices=choices(ROLE_LABELS),
                       validators=[DataRequired(_l("Kies een rol."))])


class DisableForm(FlaskForm):
    """Block an account; the reason is mailed to the member and kept in the audit log."""

    reason = TextAreaField(
        _l("Reden"),
        validators=[DataRequired(_l("Vul de reden in. De gebruiker krijgt die per e-mail te lezen.")),
                    Length(max=1000, message=_l("Houd de reden korter dan 1000 tekens."))],
    )


class ProgrammesForm(FlaskForm):
    """The programmes an adviser is a contact for."""

    programmes = SelectMultipleField(_l("Programma's van deze adviseur"), coerce=int, choices=[],
                                     widget=ListWidget(prefix_label=False), option_widget=CheckboxInput())

    def offer_programmes(self, programmes) -> None:
        """Offer every programme as a checkbox."""
        self.programmes.choices = [SelectChoice(p.id, p.name) for p in programmes]


def parse_domains(text: str) -> tuple[list[str], list[str]]:
    """Split one domain a line into normalised domains and the lines that are no domain."""
    domains, wrong = [], []
    for line in (text or "").splitlines():
        raw = line.strip()
        value = raw.lower().lstrip("@").rstrip(".")
        if not value:
            continue
        try:
            value = value.encode("idna").decode("ascii")
        except UnicodeError:
            wrong.append(raw)
            continue
        labels = value.split(".")
        valid = (len(value) <= 253 and len(labels) >= 2 and labels[-1].isalpha()
                 and all(DOMAIN_LABEL.fullmatch(label) for label in labels))
        if not valid:
            wrong.append(raw)
        elif value not in domains:
            domains.append(value)
    return domains, wrong


class OrganisationForm(FlaskForm):
    """Name, kind, CBS code, region, size, G30, the allowed e-mail domains and the helpdesk settings."""

    name = StringField(_l("Naam"), validators=[
        DataRequired(_l("Vul de naam van de organisatie in.")),
        Length(max=200, message=_l("Een naam is hoogstens 200 tekens."))])
    kind = SelectField(_l("Soort organisatie"), choices=choices(ORGANISATION_KINDS),
                       validators=[DataRequired(_l("Kies de soort organisatie."))])
    cbs_code = StringField(_l("CBS-gemeentecode"), validators=[Length(max=20)])
    region = SelectField(_l("Provincie"), choices=choices({p: p for p in PROVINCES},
                                                                          _l("Geen provincie")), default="")
    size_class = SelectField(_l("Grootteklasse"), choices=choices(SIZE_CLASSES, _l("Onbekend")),
                             default="")
    is_g30 = BooleanField(_l("Deze gemeente hoort bij de G30"))
    email_domains = TextAreaField(_l("Toegestane e-maildomeinen"), validators=[Length(max=5000)])
    helpdesk_allowance_hours = StringField(_l("Basisbudget helpdesk (uren per jaar)"), default="8")
    shares_tickets = BooleanField(_l("Collega's zien elkaars helpdeskvragen"))
    allowance_minutes: int | None = None  # None: the field was not sent, keep what is stored

    def show_allowance(self, minutes: int) -> None:
        """Show the stored allowance as Dutch hours: 480 -> 8, 750 -> 12,5."""
        hours = (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        self.helpdesk_allowance_hours.data = f"{hours:f}".rstrip("0").rstrip(".").replace(".", ",")

    def validate_helpdesk_allowance_hours(self, field):
        """Accept 0 to 1000 hours with at most two decimals; keep whole minutes in ``allowance_minutes``."""
        if not field.raw_data:
            return
        value = (field.data or "").strip()
        if not value:
            raise ValidationError(_l("Vul het basisbudget in uren in, bijvoorbeeld 8."))
        if not ALLOWANCE_PATTERN.fullmatch(value):
            raise ValidationError(_l("Vul het aantal uren in als een getal met hoogstens twee decimalen, "
                                     "zoals 8 of 12,5."))
        hours = Decimal(value.replace(",", "."))
        if hours > 1000:
            raise ValidationError(_l("Het basisbudget is hoogstens 1000 uur per jaar."))
        self.allowance_minutes = int((hours * 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    def validate_name(self, field):
        """Collapse runs of spaces, so names compare as the admin reads them."""
        field.data = " ".join((field.data or "").split())

    def validate_cbs_code(self, field):
        """Accept GM and four digits, upper-cased, and only for a municipality."""
        value = (field.data or "").strip().upper()
        field.data = value or None
        if not value:
            return
        if self.kind.data != "gemeente":
            raise ValidationError(_l("Alleen een gemeente heeft een CBS-gemeentecode. Maak dit veld leeg."))
        if not CBS_PATTERN.fullmatch(value):
            raise ValidationError(_l("Een CBS-gemeentecode is GM met vier cijfers, zoals GM0344."))

    def validate_email_domains(self, field):
        """Accept one domain a line; keep the normalised list in ``self.domains``."""
        domains, wrong = parse_domains(field.data)
        if wrong:
            raise ValidationError(_l("%(domain)s is geen geldig e-maildomein. Zet één domein per regel, "
                                     "zoals utrecht.nl.", domain=wrong[0]))
        self.domains = domains


class AuditFilterForm(FilterForm):
    """Filters of the audit log."""

    action = SelectField(_l("Handeling"), choices=choices({}, _l("Alle handelingen")), default="")

    def offer_actions(self, labels: dict) -> None:
        """Add the actions that occur in the log, {action: label}, to the action filter."""
        self.action.choices = [*self.action.choices, *choices(labels)]
    actor = SearchField(_l("Wie (naam of e-mailadres)"),
                        validators=[Optional(), Length(max=254, message=_l("Vul hoogstens 254 tekens in."))])
    van = LocalDateField(_l("Vanaf datum"), validators=[Optional()])
    tot = LocalDateField(_l("Tot en met datum"), validators=[Optional()])

    def validate_tot(self, field):
        """Refuse a period that ends before it starts."""
        if field.data and self.van.data and field.data < self.van.data:
            raise ValidationError(_l("De einddatum ligt vóór de begindatum."))


class MailFilterForm(FilterForm):
    """Filter of the outbox list: one status."""

    status = SelectField(_l("Status"), default="", choices=choices(MAIL_STATUS_LABELS, _l("Alle statussen")))


class SettingsForm(FlaskForm):
    """Site-wide security settings."""

    mfa_required_for_all = BooleanField(_l("Tweestapsverificatie verplicht voor iedereen"))
