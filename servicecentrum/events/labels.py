"""Dutch labels for the stored event keys."""

from flask_babel import lazy_gettext as _l

KIND_LABELS = {
    "masterclass": _l("Masterclass"),
    "kennisatelier": _l("Kennisatelier"),
    "netwerkbijeenkomst": _l("Netwerkbijeenkomst"),
}
STATUS_LABELS = {
    "draft": _l("Concept"),
    "published": _l("Gepubliceerd"),
    "cancelled": _l("Geannuleerd"),
}
AUDIENCE_LABELS = {
    "all": _l("Alle leden"),
    "g30": _l("Alleen G30-gemeenten"),
    "kinds": _l("Gekozen soorten organisaties"),
}
REGISTRATION_LABELS = {
    "confirmed": _l("Aangemeld"),
    "waitlisted": _l("Op de wachtlijst"),
    "offered": _l("Plaats aangeboden"),
    "cancelled": _l("Afgemeld"),
    "declined": _l("Aanbod afgeslagen"),
    "expired": _l("Aanbod verlopen"),
    "removed": _l("Afgemeld door de organisator"),
}
PROPOSAL_LABELS = {
    "open": _l("Open voor steun"),
    "planned": _l("Ingepland"),
    "closed": _l("Gesloten"),
}
