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
    "directory_visibility_changed": _l("Zichtbaarheid in de ledenlijst gewijzigd"),
    # Peer questions and moderation
    "question_created": _l("Vraag gesteld"),
    "question_edited": _l("Vraag bewerkt"),
    "question_moved": _l("Vraag verplaatst"),
    "question_locked": _l("Vraag gesloten"),
    "question_unlocked": _l("Vraag heropend"),
    "question_expert_requested": _l("Adviseur gevraagd bij een vraag"),
    "question_hidden": _l("Vraag verborgen"),
    "question_restored": _l("Vraag weer zichtbaar gemaakt"),
    "answer_created": _l("Antwoord gegeven"),
    "answer_edited": _l("Antwoord bewerkt"),
    "answer_accepted": _l("Antwoord geaccepteerd"),
    "answer_unaccepted": _l("Acceptatie van antwoord ingetrokken"),
    "answer_hidden": _l("Antwoord verborgen"),
    "answer_restored": _l("Antwoord weer zichtbaar gemaakt"),
    "post_reported": _l("Bericht gemeld"),
    "post_report_dismissed": _l("Melding van een bericht afgewezen"),
    "attachment_added": _l("Bijlage toegevoegd"),
    "attachment_refused": _l("Bijlage geweigerd"),
    # Library of practices
    "practice_published": _l("Praktijk gepubliceerd"),
    "practice_archived": _l("Praktijk gearchiveerd"),
    # Helpdesk and signals
    "ticket_published": _l("Helpdeskvraag gepubliceerd"),
    "ticket_unpublished": _l("Publicatie van helpdeskvraag ingetrokken"),
    "ticket_converted_to_practice": _l("Helpdeskvraag omgezet in praktijk"),
    "signal_marked": _l("Signaal gemarkeerd"),
    # Events
    "event_created": _l("Bijeenkomst aangemaakt"),
    "event_updated": _l("Bijeenkomst gewijzigd"),
    "event_published": _l("Bijeenkomst gepubliceerd"),
    "event_cancelled": _l("Bijeenkomst geannuleerd"),
    "event_check_in": _l("Deelnemer aanwezig gemeld"),
    "event_check_in_undone": _l("Aanwezigheid van deelnemer teruggedraaid"),
    "event_attendee_added": _l("Deelnemer toegevoegd door organisator"),
    "event_attendee_removed": _l("Deelnemer afgemeld door organisator"),
    "event_question_added": _l("Vraag aan deelnemers toegevoegd"),
    "event_question_moved": _l("Vraag aan deelnemers verplaatst"),
    "event_question_removed": _l("Vraag aan deelnemers verwijderd"),
    "topic_closed": _l("Onderwerpvoorstel gesloten"),
    "topic_planned": _l("Onderwerpvoorstel ingepland"),
    # Command line
    "demo.generated": _l("Demogegevens gegenereerd"),
}

# Actions of visitors who are not logged in: without an actor they are no former member's.
VISITOR_ACTIONS = frozenset({"login_failed", "password_reset_requested", "registration_requested"})


def action_label(action: str) -> str:
    """Return the Dutch name of the action, or the action itself when it has none."""
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action
