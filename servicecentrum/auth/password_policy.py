"""Password rules: 12 to 128 characters, no composition rules, not common, not personal."""

import re
from functools import lru_cache
from pathlib import Path

from flask_babel import gettext as _

MIN_LENGTH = 12
MAX_LENGTH = 128
_LIST = Path(__file__).with_name("common_passwords.txt")


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    lines = _LIST.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def _stem(password: str) -> str:
    """Lower-case, without digits and punctuation around it ("2024Welkom!" -> "welkom")."""
    return re.sub(r"^[\d\W_]+|[\d\W_]+$", "", password.lower())


def _is_repetition(text: str) -> bool:
    """True for "abcabcabcabc" or "aaaaaaaaaaaa": one short unit repeated."""
    return any(len(text) % size == 0 and text == text[:size] * (len(text) // size)
               for size in range(1, len(text) // 2 + 1))


def _personal_parts(name: str, email: str) -> set[str]:
    parts = re.split(r"[\s.@_+-]+", f"{name} {email.split('@')[0]}".lower())
    return {p for p in parts if len(p) >= 4}


def password_problems(password: str, name: str = "", email: str = "") -> list[str]:
    """Return Dutch messages for everything wrong with a new password (empty when fine).

    The password is judged exactly as typed: no trimming, no case folding for storage.
    """
    if len(password) < MIN_LENGTH:
        return [_("Kies een wachtwoord van minstens %(n)s tekens.", n=MIN_LENGTH)]
    if len(password) > MAX_LENGTH:
        return [_("Een wachtwoord is hoogstens %(n)s tekens.", n=MAX_LENGTH)]
    lowered = password.lower()
    stem = _stem(password)
    common = common_passwords()
    if lowered in common or stem in common or _is_repetition(lowered) or (stem and _is_repetition(stem)):
        return [_("Dit wachtwoord is te bekend en wordt als eerste geprobeerd. Kies een ander, "
                  "bijvoorbeeld een zin van een paar woorden.")]
    if any(part in lowered for part in _personal_parts(name, email)):
        return [_("Gebruik uw naam of e-mailadres niet in uw wachtwoord.")]
    if email and lowered == email.lower():
        return [_("Gebruik uw e-mailadres niet als wachtwoord.")]
    return []
