"""Dutch labels for the stored helpdesk keys, per viewer where it matters."""

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
    "reply": _l("Openbaar antwoord"),
    "note": _l("Interne notitie"),
}
# The status as the requester reads it: whose turn it is.
REQUESTER_STATUS_LABELS = {
    "new": _l("Ontvangen, wacht op FORUM"),
    "open": _l("In behandeling bij FORUM"),
    "waiting": _l("Wacht op uw reactie"),
    "resolved": _l("Opgelost"),
    "closed": _l("Gesloten"),
}


def status_labels_for(user, is_handler: bool) -> dict:
    """The status labels this viewer reads: the handler's, or the requester's point of view."""
    return STATUS_LABELS if is_handler or getattr(user, "is_staff", False) else REQUESTER_STATUS_LABELS


def status_label(ticket, user, is_handler: bool) -> str:
    """The ticket's status in words for this viewer ("Wacht op uw reactie" for the requester)."""
    return str(status_labels_for(user, is_handler).get(ticket.status, ticket.status))
