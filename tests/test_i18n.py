"""Every UI string goes through the catalogs, and English is complete."""

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent


def test_every_ui_string_has_an_english_translation(tmp_path):
    template = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
         "-k", "_l", "-k", "lazy_gettext", "-o", str(template), "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    with template.open("rb") as fh:
        wanted = {m.id for m in read_po(fh) if m.id}  # plural entries have a tuple id
    with (ROOT / "translations/en/LC_MESSAGES/messages.po").open("rb") as fh:
        english = {m.id: m.string for m in read_po(fh) if m.id and not m.fuzzy}
    assert len(wanted) > 50
    def translated(msgid) -> bool:
        value = english.get(msgid)
        return all(value) if isinstance(value, tuple | list) else bool(value)

    untranslated = sorted((m for m in wanted if not translated(m)), key=str)
    assert untranslated == [], "run `make i18n-update` and translate these"


def test_templates_contain_no_untranslated_dutch_sentences():
    """A visible sentence in a template must sit inside _() (checked on a few tell-tale words)."""
    import re

    offenders = []
    for path in (ROOT / "templates").rglob("*.html"):
        if path.name.startswith("test_"):  # fixtures for the mail tests
            continue
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"{{.*?}}|{%.*?%}|{#.*?#}", "", text, flags=re.S)
        text = re.sub(r"<[^>]+>", " ", text)
        for word in (" de ", " het ", " een ", " uw ", " van "):
            if word in f" {text.lower()} ":
                offenders.append((path.name, word))
    assert offenders == []
