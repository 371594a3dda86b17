"""The code stays the shape DESIGN.md promises: small modules, thin views."""

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "servicecentrum"
MAX_LINES = 300


def test_no_module_is_longer_than_about_300_lines():
    too_long = {
        str(path.relative_to(PACKAGE)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert too_long == {}


def test_views_hold_no_queries():
    offenders = []
    for path in PACKAGE.rglob("views*.py"):
        text = path.read_text(encoding="utf-8")
        for marker in ("select(", "db.session.query", "db.session.execute", ".query.", "db.session.scalar"):
            if marker in text:
                offenders.append((str(path.relative_to(PACKAGE)), marker))
    assert offenders == []
