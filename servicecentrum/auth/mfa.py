"""TOTP second factor (pyotp), a locally rendered QR code (segno) and recovery codes."""

import base64
import hashlib
import hmac
import io
import secrets
from datetime import timedelta

import pyotp
import segno
from sqlalchemy import select, update

from ..database import utcnow
from ..extensions import db
from .models import RecoveryCode, User
from .secrets import digest

ISSUER = "Servicecentrum Integratie"
RECOVERY_CODE_COUNT = 10
FRESH_CODES_WINDOW = timedelta(minutes=15)  # how long new codes can be downloaded
RECOVERY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no look-alikes (0/o, 1/l/i)


def new_secret() -> str:
    """Return a fresh base32 TOTP secret."""
    return pyotp.random_base32()


def derived_secret(key: str, context: str) -> str:
    """Return a base32 TOTP secret (160 bits) derived from a server key and a context."""
    mac = hmac.new(key.encode("utf-8"), context.encode("utf-8"), hashlib.sha256).digest()
    return base64.b32encode(mac[:20]).decode("ascii")


def provisioning_uri(secret: str, email: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def qr_code_svg(uri: str) -> bytes:
    """Render the otpauth URI as a standalone SVG document (no outside service).

    A standalone image needs the SVG namespace and a size, or browsers show a broken image;
    the viewBox lets it scale to the width the page gives it.
    """
    out = io.BytesIO()
    qr = segno.make(uri, error="m")
    qr.save(out, kind="svg", scale=5, border=4, dark="#000", light="#fff", xmldecl=True,
            title="QR-code", svgclass="qr-code")
    size = qr.symbol_size(scale=5, border=4)[0]
    return out.getvalue().replace(b"<svg ", f'<svg viewBox="0 0 {size} {size}" '.encode(), 1)


def grouped_secret(secret: str) -> str:
    """Return the key in blocks of four characters, easier to type over."""
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def _normalise(code: str) -> str:
    return "".join((code or "").split()).replace("-", "").lower()


def matching_timecode(secret: str, code: str, at=None) -> int | None:
    """Return the time step the code belongs to (one step of clock drift allowed), else None."""
    code = _normalise(code)
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    moment = at or utcnow()
    current = totp.timecode(moment)
    for step in (current, current - 1, current + 1):
        if secrets.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def verify_totp(user: User, code: str, at=None) -> bool:
    """Accept a TOTP code once: a code (or an older one) that was used before is refused."""
    if not user.mfa_secret:
        return False
    step = matching_timecode(user.mfa_secret, code, at)
    if step is None:
        return False
    # Conditional update so that two requests with the same code cannot both pass.
    accepted = db.session.execute(
        update(User)
        .where(User.id == user.id)
        .where((User.mfa_last_timecode.is_(None)) | (User.mfa_last_timecode < step))
        .values(mfa_last_timecode=step)
        .execution_options(synchronize_session=False)
    ).rowcount
    if accepted:
        user.mfa_last_timecode = step
    return accepted == 1


def _new_recovery_code() -> str:
    raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def delete_recovery_codes(user: User) -> None:
    """Throw away all of the user's recovery codes."""
    db.session.execute(RecoveryCode.__table__.delete().where(RecoveryCode.user_id == user.id))


def replace_recovery_codes(user: User) -> list[str]:
    """Throw away the user's recovery codes and return ten new ones (stored hashed)."""
    delete_recovery_codes(user)
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    for code in codes:
        db.session.add(RecoveryCode(user_id=user.id, code_hash=digest(_normalise(code))))
    return codes


def use_recovery_code(user: User, code: str) -> bool:
    """Accept an unused recovery code once."""
    wanted = digest(_normalise(code))
    row = db.session.scalar(select(RecoveryCode).where(
        RecoveryCode.user_id == user.id, RecoveryCode.code_hash == wanted, RecoveryCode.used_at.is_(None)))
    if row is None:
        return False
    used = db.session.execute(
        update(RecoveryCode).where(RecoveryCode.id == row.id, RecoveryCode.used_at.is_(None))
        .values(used_at=utcnow())
    ).rowcount
    return used == 1


def are_fresh_recovery_codes(user: User, codes: list[str], now=None) -> bool:
    """Tell whether these are exactly the user's full set of unused codes, made moments ago."""
    wanted = {digest(_normalise(code)) for code in codes if _normalise(code)}
    if len(wanted) != RECOVERY_CODE_COUNT or len(codes) != RECOVERY_CODE_COUNT:
        return False
    since = (now or utcnow()) - FRESH_CODES_WINDOW
    rows = db.session.scalars(select(RecoveryCode.code_hash).where(
        RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None),
        RecoveryCode.created_at >= since)).all()
    return wanted == set(rows)


def remaining_recovery_codes(user: User) -> int:
    from sqlalchemy import func

    return db.session.scalar(select(func.count(RecoveryCode.id)).where(
        RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))) or 0
