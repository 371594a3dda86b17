"""The kinds of notification, their Dutch labels and default channels, and a member's choice per kind."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..extensions import db
from .inbox import NotificationPreference

CHANNELS = ("site", "mail", "digest")
CHANNEL_LABELS = {
    "site": _l("Alleen in Servicecentrum"),
    "mail": _l("Ook per e-mail, direct"),
    "digest": _l("Ook per e-mail, in het overzicht"),
}
DIGEST_FREQUENCIES = ("daily", "weekly")


@dataclass(frozen=True)
class Kind:
    """One kind of notification: what the member sees in the preferences, and its default."""

    label: object
    default: str  # site | mail | digest
    # Forum kinds follow the old per-member mail frequency when no choice was made:
    # "immediately" mails them now, "daily"/"weekly" puts them in the digest.
    follows_frequency: bool = False
    staff_only: bool = False


KINDS: dict[str, Kind] = {
    "answer": Kind(_l("Nieuwe antwoorden op vragen die u volgt"), "mail", follows_frequency=True),
    "mention": Kind(_l("Iemand noemt uw naam"), "mail", follows_frequency=True),
    "accepted": Kind(_l("Een antwoord is gekozen als beste antwoord"), "mail", follows_frequency=True),
    "new_question": Kind(_l("Nieuwe vragen over thema's en trefwoorden die u volgt"), "digest"),
    "helpdesk_reply": Kind(_l("Antwoorden op uw helpdeskvragen"), "mail"),
    "helpdesk_status": Kind(_l("Statuswijzigingen van uw helpdeskvragen"), "mail"),
    "quote": Kind(_l("Offertes die wachten op uw akkoord"), "mail"),
    "waitlist_offer": Kind(_l("Een vrije plaats voor u op de wachtlijst"), "mail"),
    "event_change": Kind(_l("Wijzigingen en annuleringen van bijeenkomsten"), "mail"),
    "helpdesk_new_ticket": Kind(_l("Nieuwe helpdeskvragen in uw programma's"), "mail", staff_only=True),
    "helpdesk_assigned": Kind(_l("Helpdeskvragen die aan u worden toegewezen"), "mail", staff_only=True),
    "helpdesk_requester_reply": Kind(_l("Reacties van vragers op helpdeskvragen"), "mail", staff_only=True),
    "quote_decided": Kind(_l("Beslissingen over offertes"), "mail", staff_only=True),
}


def kinds_for(user) -> list[str]:
    """Return the kinds a member can choose for (staff kinds for advisers and admins only)."""
    staff = getattr(user, "is_staff", False)
    return [name for name, kind in KINDS.items() if staff or not kind.staff_only]


def chosen_channels(user_ids, kind: str | None = None) -> dict[tuple[int, str], str]:
    """Return the members' explicit choices as {(user_id, kind): channel} (one query)."""
    ids = list(user_ids)
    if not ids:
        return {}
    query = select(NotificationPreference).where(NotificationPreference.user_id.in_(ids))
    if kind is not None:
        query = query.where(NotificationPreference.kind == kind)
    return {(p.user_id, p.kind): p.channel for p in db.session.scalars(query)}


def resolve_channel(user, kind: str, chosen: str | None) -> str:
    """Return how this member gets this kind now: site only when they want no e-mail at all."""
    if user.notify_frequency == "never":
        return "site"  # the member asked for no e-mail at all
    return preferred_channel(user, kind, chosen)


def preferred_channel(user, kind: str, chosen: str | None) -> str:
    """Return the member's choice for the kind, else the kind's default."""
    if chosen in CHANNELS:
        return chosen
    spec = KINDS.get(kind)
    if spec is None:
        return "site"
    if spec.default == "mail" and spec.follows_frequency and user.notify_frequency in DIGEST_FREQUENCIES:
        return "digest"
    return spec.default


def digest_frequency(user) -> str:
    """Return the member's digest frequency: weekly, else daily."""
    return "weekly" if user.notify_frequency == "weekly" else "daily"
