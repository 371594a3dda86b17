"""Dutch labels for the stored helpdesk keys."""

from flask_babel import lazy_gettext as _l

STATUS_LABELS = {
    "new": _l("Nieuw"),
    "open": _l("In behandeling"),
    "waiting": _l("Wacht op vrager"),
    "resolved": _l("Opgelost"),
    "closed": _l("Gesloten"),
}
PRIORITY_LABELS = {
    "low": _l("Laag"),
    "normal": _l("Normaal"),
    "high": _l("Hoog"),
    "urgent": _l("Spoed"),
}
SERVICE_LEVEL_LABELS = {
    "basic": _l("Basisdienstverlening (gratis)"),
    "additional": _l("Aanvullende begeleiding (betaald)"),
}
QUOTE_STATUS_LABELS = {
    "sent": _l("Wacht op akkoord"),
    "accepted": _l("Geaccepteerd"),
    "declined": _l("Afgewezen"),
    "withdrawn": _l("Ingetrokken"),
}
MESSAGE_KIND_LABELS = {
    "reply": _l("Antwoord aan de vrager"),
    "note": _l("Interne notitie (alleen FORUM)"),
}
