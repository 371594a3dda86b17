"""Dutch labels for the library's codes: kinds, statuses, review steps, sort orders, tabs."""

from flask_babel import lazy_gettext as _l

KIND_LABELS = {
    "praktijk": _l("Goede praktijk"),
    "methode": _l("Methode"),
    "instrument": _l("Instrument"),
}

STATUS_LABELS = {
    "draft": _l("Concept"),
    "review": _l("Ter beoordeling"),
    "published": _l("Gepubliceerd"),
    "archived": _l("Gearchiveerd"),
}

ACTION_LABELS = {
    "comment": _l("Opmerking"),
    "submitted": _l("Ingediend ter beoordeling"),
    "resubmitted": _l("Gewijzigd na publicatie, opnieuw ter beoordeling"),
    "changes_requested": _l("Wijzigingen gevraagd"),
    "published": _l("Gepubliceerd"),
    "archived": _l("Gearchiveerd"),
}

SORT_LABELS = {
    "newest": _l("Nieuwste eerst"),
    "title": _l("Titel (A-Z)"),
    "useful": _l("Meest nuttig"),
}

VIEW_LABELS = {
    "published": _l("Bibliotheek"),
    "review": _l("Te beoordelen"),
    "mine": _l("Mijn concepten"),
}

FIELD_LABELS = {
    "title": _l("Titel"),
    "summary": _l("Samenvatting"),
    "body": _l("Beschrijving"),
    "kind": _l("Soort"),
    "year": _l("Jaar"),
    "spearhead": _l("Speerpunt"),
    "themes": _l("Thema's"),
    "organisations": _l("Organisaties"),
    "target_groups": _l("Doelgroepen"),
    "contact_name": _l("Contactpersoon"),
    "contact_email": _l("E-mailadres van de contactpersoon"),
    "attachments": _l("Bijlagen"),
}


def file_size(size: int) -> str:
    """Return a file size as members read it: "120 kB" or "2,4 MB"."""
    from flask_babel import format_decimal

    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kB"
    return f"{format_decimal(size / (1024 * 1024), format='#,##0.0')} MB"
