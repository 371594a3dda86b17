"""Random secrets and their stored digests (tokens, session ids, recovery codes)."""

import hashlib
import hmac
import secrets

from flask import current_app


def new_token(nbytes: int = 32) -> str:
    """Return a URL-safe random token."""
    return secrets.token_urlsafe(nbytes)


def digest(secret: str) -> str:
    """Return the keyed SHA-256 digest under which a high-entropy secret is stored."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, secret.encode(), hashlib.sha256).hexdigest()
