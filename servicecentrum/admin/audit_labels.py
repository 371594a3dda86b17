"""Dutch names of the actions in the audit log; an unknown action is shown as it is stored."""

from flask_babel import lazy_gettext as _l

ACTION_LABELS = {
    "login_succeeded": _l("Ingelogd"),
    "login_failed": _l("Inloggen mislukt"),
    "logout": _l("Uitgelogd"),
    "session_ended": _l("Sessie beëindigd"),
    "mfa_enabled": _l("Tweestapsverificatie aangezet"),
    "mfa_disabled": _l("Tweestapsverificatie uitgezet"),
    "mfa_recovery_code_used": _l("Herstelcode gebruikt"),
    "mfa_recovery_codes_replaced": _l("Nieuwe herstelcodes gemaakt"),
    "mfa_reset_by_admin": _l("Tweestapsverificatie gereset door beheerder"),
    "password_changed": _l("Wachtwoord gewijzigd"),
    "password_reset_requested": _l("Wachtwoordherstel aangevraagd"),
    "password_reset": _l("Wachtwoord hersteld"),
    "email_change_requested": _l("Wijziging e-mailadres aangevraagd"),
    "email_changed": _l("E-mailadres gewijzigd"),
    "email_verified": _l("E-mailadres bevestigd"),
    "account_created": _l("Account aangemaakt"),
    "registration_requested": _l("Toegang aangevraagd"),
    "registration_approved": _l("Aanvraag goedgekeurd"),
    "registration_rejected": _l("Aanvraag afgewezen"),
    "registration_auto_approved": _l("Aanvraag automatisch goedgekeurd (domein)"),
    "reauthentication_failed": _l("Herbevestiging wachtwoord mislukt"),
    "profile_updated": _l("Profiel gewijzigd"),
    "role_confirmation_requested": _l("Jaarlijkse bevestiging van rol gevraagd"),
    "role_changed": _l("Rol gewijzigd"),
    "role_confirmed": _l("Rol bevestigd"),
    "account_disabled": _l("Account geblokkeerd"),
    "account_enabled": _l("Account gedeblokkeerd"),
    "account_deleted": _l("Account verwijderd"),
    "programmes_changed": _l("Programma's gewijzigd"),
    "organisation_created": _l("Organisatie toegevoegd"),
    "organisation_updated": _l("Organisatie gewijzigd"),
    "setting_changed": _l("Instelling gewijzigd"),
    "routing_rule_created": _l("Routeringsregel toegevoegd"),
    "routing_rule_updated": _l("Routeringsregel gewijzigd"),
    "routing_rule_moved": _l("Routeringsregel verplaatst"),
    "routing_rule_deleted": _l("Routeringsregel verwijderd"),
    "data_exported": _l("Gegevens geëxporteerd"),
    "audit_exported": _l("Auditlog geëxporteerd"),
    "signals_report_generated": _l("Signalenrapportage gemaakt"),
}

# Actions of visitors who are not logged in: without an actor they are no former member's.
VISITOR_ACTIONS = frozenset({"login_failed", "password_reset_requested", "registration_requested"})


def action_label(action: str) -> str:
    """Return the Dutch name of the action, or the action itself when it has none."""
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action
