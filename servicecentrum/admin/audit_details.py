"""The details of an audit event as an admin reads them: Dutch labels, formatted values, old → new."""

import re
from dataclasses import dataclass
from datetime import date, datetime

from flask_babel import format_currency, format_decimal
from flask_babel import format_date as babel_date
from flask_babel import format_datetime as babel_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..events.labels import KIND_LABELS as EVENT_KIND_LABELS
from ..events.labels import REGISTRATION_LABELS
from ..organisations.models import ORGANISATION_KINDS, SIZE_CLASSES
from .forms import ROLE_LABELS, STATUS_LABELS

DETAIL_LABELS = {
    "email": _l("E-mailadres"), "old_email": _l("Oud e-mailadres"), "new_email": _l("Nieuw e-mailadres"),
    "reason": _l("Reden"), "method": _l("Manier"), "via": _l("Via"), "role": _l("Rol"),
    "name": _l("Naam"), "kind": _l("Soort"), "cbs": _l("CBS-code"), "region": _l("Regio"),
    "size": _l("Grootteklasse"), "g30": _l("G30"), "domains": _l("E-maildomeinen"),
    "allowance_minutes": _l("Vrije helpdeskuren per jaar"), "shares_tickets": _l("Deelt helpdeskvragen"),
    "theme": _l("Thema"), "keywords": _l("Woorden"), "programme": _l("Programma"), "adviser": _l("Adviseur"),
    "active": _l("Actief"), "position": _l("Positie"), "setting": _l("Instelling"),
    "remaining": _l("Herstelcodes over"), "rows": _l("Regels"), "count": _l("Aantal"),
    "sessions_ended": _l("Sessies beëindigd"), "scope": _l("Welke sessies"), "status": _l("Status"),
    "title": _l("Titel"), "capacity": _l("Plaatsen"), "fields": _l("Gewijzigde velden"),
    "filename": _l("Bestandsnaam"), "size_bytes": _l("Grootte"), "label": _l("Vraag"),
    "purpose": _l("Doel"), "job_title": _l("Functie"), "organisation": _l("Organisatie"),
    "requested_organisation": _l("Opgegeven organisatie"), "existing_account": _l("Bestaand account"),
    "organisation_created": _l("Organisatie aangemaakt"), "hidden": _l("Verborgen"),
    "by_author": _l("Door de schrijver zelf"), "start": _l("Begin"), "end": _l("Einde"),
    "since": _l("Vanaf"), "until": _l("Tot en met"), "action_filter": _l("Filter handeling"),
    "actor_filter": _l("Filter wie"), "output": _l("Uitvoer"), "told": _l("Ingelicht"),
    "themes_before": _l("Thema's vooraf"), "themes_after": _l("Thema's daarna"),
    "programmes_left": _l("Programma's eraf"), "added": _l("Toegevoegd"), "removed": _l("Verwijderd"),
    "version": _l("Versie"), "previous": _l("Vorige"), "changed_at": _l("Gewijzigd op"),
    "replaced_unconfirmed_request": _l("Eerdere onbevestigde aanvraag vervangen"),
    "reports_resolved": _l("Meldingen afgehandeld"), "post_type": _l("Soort bericht"),
    "event_id": _l("Bijeenkomst nr."), "user_id": _l("Lid nr."), "ticket_id": _l("Helpdeskvraag nr."),
    "question_id": _l("Vraag nr."), "question": _l("Vraag nr."), "practice_id": _l("Praktijk nr."),
    "report_id": _l("Melding nr."), "signal_id": _l("Signaal nr."), "organisation_id": _l("Organisatie nr."),
    "post_id": _l("Bericht nr."), "theme_id": _l("Thema nr."),
    "login_url": _l("Inloglink"), "login_link": _l("Inloglink"),
    "forgot_link": _l("Link wachtwoord vergeten"),
}
SETTING_LABELS = {
    "mfa_required_for_all": _l("Tweestapsverificatie verplicht voor iedereen"),
    "sla_basic_first_response_days": _l("Basis: eerste reactie binnen (werkdagen)"),
    "sla_basic_resolution_days": _l("Basis: afgehandeld binnen (werkdagen)"),
    "sla_additional_first_response_days": _l("Aanvullend: eerste reactie binnen (werkdagen)"),
    "sla_additional_resolution_days": _l("Aanvullend: afgehandeld binnen (werkdagen)"),
    "helpdesk_hourly_rate_cents": _l("Uurtarief aanvullende begeleiding"),
    "signals_min_organisations": _l("Minimum aantal organisaties per groep"),
}
CODE_LABELS = {
    "unknown_email": _l("onbekend e-mailadres"), "wrong_password": _l("verkeerd wachtwoord"),
    "inactive": _l("account niet actief"), "wrong_mfa_code": _l("verkeerde code uit de app"),
    "password": _l("wachtwoord"), "totp": _l("code uit de app"), "recovery_code": _l("herstelcode"),
    "cli": _l("opdrachtregel"), "registration": _l("registratie"), "current": _l("deze sessie"),
    "one": _l("één andere sessie"), "others": _l("alle andere sessies"), "question": _l("vraag"),
    "answer": _l("antwoord"),
}
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}$")
DATETIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


@dataclass(frozen=True)
class DetailRow:
    """One labelled line of an event's details; ``old`` is set when the line is a change."""

    label: str
    new: str
    old: str | None = None


def _value_labels(action: str, field: str) -> dict:
    if field == "role":
        return ROLE_LABELS
    if field == "status":
        return REGISTRATION_LABELS if action.startswith("event_") else STATUS_LABELS
    if field == "kind":
        return EVENT_KIND_LABELS if action.startswith("event_") else ORGANISATION_KINDS
    if field == "size":
        return SIZE_CLASSES
    if field == "setting":
        return SETTING_LABELS
    return CODE_LABELS if field in ("reason", "method", "via", "scope", "post_type") else {}


def format_value(field: str, value, action: str = "", names: dict | None = None) -> str:
    """Show one stored value the Dutch way: euros, dates, Ja/Nee, labels of roles and statuses."""
    if value is None or value == "":
        return "—"
    if names and (field, value) in names:
        return names[(field, value)]
    if isinstance(value, bool):
        return _("Ja") if value else _("Nee")
    if field.endswith("_cents") and isinstance(value, int | float):
        return format_currency(value / 100, "EUR")
    if field.endswith("_minutes") and isinstance(value, int | float):
        return _("%(hours)s uur", hours=format_decimal(value / 60, format="#,##0.##"))
    if isinstance(value, int | float):
        return format_decimal(value)
    text = str(value)
    labels = _value_labels(action, field)
    if text in labels:
        return str(labels[text])
    if DATE_RE.match(text):
        return babel_date(date.fromisoformat(text), "d MMMM yyyy")
    if DATETIME_RE.match(text):
        try:
            return babel_datetime(datetime.fromisoformat(text), "d MMMM yyyy, HH:mm")
        except ValueError:
            return text
    return text


def _label(field: str) -> str:
    label = DETAIL_LABELS.get(field)
    return str(label) if label is not None else field.replace("_", " ").capitalize()


def describe_details(action: str, details: dict, names: dict | None = None) -> list[DetailRow]:
    """Turn stored details into labelled rows; ``x_old``/``x_new`` (and ``old``/``new``) become one change.

    ``names`` maps (field, id) to a name, for details that refer to a theme, programme or adviser.
    """
    details = dict(details or {})
    rows = []
    if "old" in details or "new" in details:
        # setting_changed says which setting; role_changed and attendee changes concern role/status.
        field = details.get("setting") or ("role" if action == "role_changed" else "status")
        value_field = f"{field}_cents" if field.endswith("_cents") else field
        label = str(SETTING_LABELS.get(field, "")) or _label(field)
        rows.append(DetailRow(label, format_value(value_field, details.pop("new", None), action),
                              format_value(value_field, details.pop("old", None), action)))
        if details.get("setting") == field:
            details.pop("setting")
    changed = sorted({key[:-4] for key in details if key.endswith(("_old", "_new"))})
    for field in changed:
        old, new = details.pop(f"{field}_old", None), details.pop(f"{field}_new", None)
        rows.append(DetailRow(_label(field), format_value(field, new, action, names),
                              format_value(field, old, action, names)))
    for key, value in sorted(details.items()):
        rows.append(DetailRow(_label(key), format_value(key, value, action, names)))
    return rows
