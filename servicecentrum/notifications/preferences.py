"""A member's notification choices: channel per kind, digest frequency and time zone."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..account.export import register_export_section
from ..account.services import register_before_delete
from ..extensions import db
from .inbox import NotificationPreference
from .kinds import CHANNELS, DIGEST_FREQUENCIES, KINDS, chosen_channels, kinds_for, preferred_channel

DEFAULT_TIME_ZONE = "Europe/Amsterdam"
# Common zones for members of Dutch local bodies (the Caribbean Netherlands included).
TIME_ZONES = {
    "Europe/Amsterdam": _l("Nederland (Amsterdam)"),
    "America/Kralendijk": _l("Caribisch Nederland (Bonaire, Sint Eustatius, Saba)"),
    "America/Curacao": _l("Curaçao"),
    "America/Aruba": _l("Aruba"),
    "America/Lower_Princes": _l("Sint Maarten"),
    "America/Paramaribo": _l("Suriname (Paramaribo)"),
    "Europe/Brussels": _l("België (Brussel)"),
    "Europe/Berlin": _l("Duitsland (Berlijn)"),
    "Europe/London": _l("Verenigd Koninkrijk (Londen)"),
    "Europe/Lisbon": _l("Portugal (Lissabon)"),
    "Europe/Istanbul": _l("Turkije (Istanboel)"),
    "Africa/Casablanca": _l("Marokko (Casablanca)"),
    "UTC": _l("UTC (gecoördineerde wereldtijd)"),
}


class PreferenceError(ValueError):
    """A choice that is not one of the offered options."""


def current_choices(user) -> dict[str, str]:
    """Return the channel that applies now for every kind the member can choose for."""
    chosen = chosen_channels([user.id])
    return {kind: preferred_channel(user, kind, chosen.get((user.id, kind))) for kind in kinds_for(user)}


def save_preferences(user, channels: dict[str, str], frequency: str, time_zone: str) -> None:
    """Store the member's channel per kind, digest frequency and time zone (commits).

    :raises PreferenceError: when a value is not one of the offered options (nothing saved).
    """
    allowed = set(kinds_for(user))
    if any(kind not in allowed or channel not in CHANNELS for kind, channel in channels.items()):
        raise PreferenceError("channel")
    if frequency not in DIGEST_FREQUENCIES:
        raise PreferenceError("frequency")
    if not valid_time_zone(time_zone):
        raise PreferenceError("time_zone")
    existing = {p.kind: p for p in db.session.scalars(
        select(NotificationPreference).where(NotificationPreference.user_id == user.id))}
    for kind, channel in channels.items():
        if kind in existing:
            existing[kind].channel = channel
        else:
            db.session.add(NotificationPreference(user_id=user.id, kind=kind, channel=channel))
    user.notify_frequency = frequency
    user.time_zone = None if time_zone == DEFAULT_TIME_ZONE else time_zone
    db.session.commit()


def valid_time_zone(name: str | None) -> bool:
    """Tell whether the name is one of the offered IANA zones (and known to this system)."""
    if name not in TIME_ZONES:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def member_time_zone(user) -> str:
    """Return the member's zone, or the default when none (or an unknown one) is set."""
    zone = getattr(user, "time_zone", None)
    return zone if zone and valid_time_zone(zone) else DEFAULT_TIME_ZONE


def preferences_section(user) -> dict:
    """Return the member's notification choices for their data export."""
    rows = db.session.scalars(select(NotificationPreference).where(NotificationPreference.user_id == user.id)
                              .order_by(NotificationPreference.kind))
    return {"channels": {p.kind: p.channel for p in rows}, "digest_frequency": user.notify_frequency,
            "time_zone": member_time_zone(user)}


def forget_preferences(user) -> None:
    """Remove the member's notification choices when the account is deleted (no commit)."""
    db.session.execute(NotificationPreference.__table__.delete()
                       .where(NotificationPreference.user_id == user.id))


register_export_section("notification_preferences", preferences_section)
register_before_delete(forget_preferences)

__all__ = ["KINDS", "TIME_ZONES", "current_choices", "save_preferences"]
