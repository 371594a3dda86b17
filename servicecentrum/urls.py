"""Helpers for URLs that come from the visitor."""

from urllib.parse import urlsplit


def safe_next_url(target: str | None) -> str | None:
    """Return target only when it is a path on this site (no open redirects)."""
    if not target:
        return None
    target = target.strip()
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target:
        return None
    return target
