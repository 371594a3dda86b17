"""Read and change the site-wide settings that admins control.

The settings are read on almost every request, so each process keeps them in memory: all of
them loaded in one query, reloaded after SETTINGS_CACHE_SECONDS, and at once in the process
where an admin changed one (other processes follow within those seconds).
"""

import time

from flask import current_app
from sqlalchemy import select

from ..audit.services import record
from ..extensions import db
from .models import SiteSetting

CACHE_KEY = "site_settings_cache"

DEFAULTS: dict[str, object] = {
    "mfa_required_for_all": False,
    # Helpdesk service levels in working days, and the hourly rate of additional guidance.
    "sla_basic_first_response_days": 2,
    "sla_basic_resolution_days": 10,
    "sla_additional_first_response_days": 1,
    "sla_additional_resolution_days": 20,
    "helpdesk_hourly_rate_cents": 9500,
    # The signals report hides every group with signals from fewer organisations than this.
    "signals_min_organisations": 3,
}


def get_setting(key: str):
    """Return the setting's value, or its default when nobody changed it."""
    return _cached_settings().get(key, DEFAULTS[key])


def _cached_settings() -> dict:
    extensions = current_app.extensions
    cached = extensions.get(CACHE_KEY)
    if cached is None or time.monotonic() - cached[0] > current_app.config["SETTINGS_CACHE_SECONDS"]:
        values = dict(db.session.execute(select(SiteSetting.key, SiteSetting.value)).all())
        cached = extensions[CACHE_KEY] = (time.monotonic(), values)
    return cached[1]


def forget_cached_settings() -> None:
    """Make the next read load the settings again (after a change)."""
    current_app.extensions.pop(CACHE_KEY, None)


def set_setting(key: str, value, actor, ip_address: str | None = None) -> None:
    """Change a setting, record who did it, and commit."""
    if key not in DEFAULTS:
        raise KeyError(key)
    row = db.session.get(SiteSetting, key)
    old = DEFAULTS[key] if row is None else row.value
    if row is None:
        db.session.add(SiteSetting(key=key, value=value))
    else:
        row.value = value
    record("setting_changed", actor=actor, ip_address=ip_address, setting=key, old=old, new=value)
    db.session.commit()
    forget_cached_settings()
