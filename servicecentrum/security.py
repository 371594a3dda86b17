"""Request gate (members only) and security headers."""

from flask import Flask, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

# Endpoints that anonymous visitors may reach; everything else needs an active account.
PUBLIC_ENDPOINTS = frozenset(
    {
        "static",
        "main.landing",
        "main.accessibility",
        "main.terms",
        "main.favicon",
        "main.healthz",
        "main.language_set",
        "auth.login",
        "auth.login_code",
        "auth.register",
        "auth.register_verify",
        "auth.password_forgot",
        "auth.password_reset",
        "events.feed_ics",  # calendar apps cannot log in: the secret token in the URL is the key
    }
)

# While a required second factor is not set up, only these pages can be reached.
MFA_SETUP_ENDPOINTS = frozenset(
    {"static", "auth.mfa_setup", "auth.mfa_qr", "auth.mfa_overview", "auth.logout", "main.accessibility",
     "main.language_set", "main.healthz"}
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
    if request.endpoint is None:
        return None
    if current_user.is_authenticated:
        return _require_mfa_setup()
    if "_user_id" in session:
        # The session record ended (idle, too old, or ended elsewhere): start afresh.
        from .auth.web import end_cookie_session

        end_cookie_session()
        if request.endpoint not in PUBLIC_ENDPOINTS:
            flash(_("Uw sessie is verlopen. Log opnieuw in."), "warning")
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def _require_mfa_setup():
    if request.endpoint in MFA_SETUP_ENDPOINTS:
        return None
    from .auth.services import needs_mfa_setup

    if needs_mfa_setup(current_user):
        if request.method == "GET" and request.endpoint not in PUBLIC_ENDPOINTS:
            from .auth.web import MFA_NEXT_KEY

            session[MFA_NEXT_KEY] = request.full_path.rstrip("?")  # "Verder" returns here
        return redirect(url_for("auth.mfa_setup"))
    return None


def _add_security_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    return response
