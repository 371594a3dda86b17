"""Request gate (members only) and security headers."""

from flask import Flask, redirect, request, url_for
from flask_login import current_user

# Endpoints that anonymous visitors may reach; everything else needs an active account.
PUBLIC_ENDPOINTS = frozenset(
    {
        "static",
        "main.landing",
        "main.accessibility",
        "main.healthz",
        "main.language_set",
        "auth.login",
    }
)

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def init_app(app: Flask) -> None:
    """Install the members-only gate and the response headers."""
    app.before_request(_require_member)
    app.after_request(_add_security_headers)


def _require_member():
    if request.endpoint is None or request.endpoint in PUBLIC_ENDPOINTS:
        return None
    if current_user.is_authenticated:
        return None
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def _add_security_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    return response
