"""Import practices from JSON Lines: validate every line first, then import all or only the valid ones.

One practice per line: ``title``, ``summary`` and ``body`` are required; ``themes`` (slugs
or names), ``spearhead``, ``organisation`` (a name, CBS code or a list of them), ``year``,
``status`` (default draft), ``kind``, ``target_groups``, ``contact_name`` and
``contact_email`` are optional. Errors name their line: "regel 7: 'title' ontbreekt".
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select

from ..database import utcnow
from ..extensions import db
from ..organisations.models import Organisation
from ..search.outbox import enqueue
from ..taxonomy.models import Spearhead, Theme
from .models import PRACTICE_KINDS, PRACTICE_STATUSES, Practice
from .versions import record_version

REQUIRED = ("title", "summary", "body")
OPTIONAL = ("themes", "spearhead", "organisation", "year", "status", "kind", "target_groups",
            "contact_name", "contact_email")
MAX_LENGTHS = {"title": 200, "summary": 1000, "body": 50000, "contact_name": 200, "contact_email": 254}


@dataclass
class Record:
    """One valid line, with its references resolved to rows."""

    line: int
    values: dict
    themes: list = field(default_factory=list)
    spearhead: object = None
    organisations: list = field(default_factory=list)


@dataclass
class ImportReport:
    """What an import did: how many practices it created and the errors, by line."""

    imported: int = 0
    errors: list[str] = field(default_factory=list)
    invalid_lines: int = 0


class _Lookup:
    """Find themes, spearheads and organisations by slug, name or CBS code, ignoring case."""

    def __init__(self):
        self.themes = self._index(db.session.scalars(select(Theme)), "slug", "name")
        self.spearheads = self._index(db.session.scalars(select(Spearhead)), "slug", "name")
        self.organisations = self._index(db.session.scalars(select(Organisation)), "name", "cbs_code")

    @staticmethod
    def _index(rows, *keys) -> dict:
        index = {}
        for row in rows:
            for key in keys:
                value = getattr(row, key)
                if value:
                    index[value.strip().lower()] = row
        return index


def _names(value) -> list[str] | None:
    """Accept a list of texts or one comma-separated text; None when it is neither."""
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    return None


def _check_texts(data: dict, problems: list[str]) -> None:
    for name in REQUIRED:
        if name not in data or data[name] is None:
            problems.append(f"'{name}' ontbreekt")
        elif not isinstance(data[name], str):
            problems.append(f"'{name}' moet tekst zijn")
        elif not data[name].strip():
            problems.append(f"'{name}' is leeg")
    for name, limit in MAX_LENGTHS.items():
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            if name not in REQUIRED:
                problems.append(f"'{name}' moet tekst zijn")
        elif value and len(value) > limit:
            problems.append(f"'{name}' is langer dan {limit} tekens")
    email = data.get("contact_email")
    if isinstance(email, str) and email.strip():
        try:
            validate_email(email.strip(), check_deliverability=False, test_environment=True)
        except EmailNotValidError:
            problems.append(f"'contact_email' is geen geldig e-mailadres: {email!r}")


def _check_codes(data: dict, problems: list[str]) -> None:
    year = data.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2100):
        problems.append(f"'year' moet een jaartal zijn, zoals 2006 (niet {year!r})")
    status = data.get("status")
    if status is not None and status not in PRACTICE_STATUSES:
        problems.append(f"'status' moet een van {', '.join(PRACTICE_STATUSES)} zijn (niet {status!r})")
    kind = data.get("kind")
    if kind is not None and kind not in PRACTICE_KINDS:
        problems.append(f"'kind' moet een van {', '.join(PRACTICE_KINDS)} zijn (niet {kind!r})")
    if _names(data.get("target_groups")) is None:
        problems.append("'target_groups' moet een lijst van teksten zijn")


def _resolve(data: dict, lookup: _Lookup, record: Record, problems: list[str]) -> None:
    themes = _names(data.get("themes"))
    if themes is None:
        problems.append("'themes' moet een lijst van thema's zijn (slug of naam)")
    for name in themes or []:
        theme = lookup.themes.get(name.lower())
        if theme is None:
            problems.append(f"thema '{name}' bestaat niet")
        elif theme not in record.themes:
            record.themes.append(theme)
    spearhead = data.get("spearhead")
    if spearhead not in (None, ""):
        record.spearhead = lookup.spearheads.get(str(spearhead).strip().lower())
        if record.spearhead is None:
            problems.append(f"speerpunt '{spearhead}' bestaat niet")
    organisations = _names(data.get("organisation"))
    if organisations is None:
        problems.append("'organisation' moet een naam of een lijst van namen zijn")
    for name in organisations or []:
        organisation = lookup.organisations.get(name.lower())
        if organisation is None:
            problems.append(f"organisatie '{name}' bestaat niet")
        elif organisation not in record.organisations:
            record.organisations.append(organisation)


def parse_line(number: int, text: str, lookup: _Lookup) -> tuple[Record | None, list[str]]:
    """Return the line as a record, or the errors that make it invalid (each with its line number)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return None, [f"regel {number}: geen geldige JSON ({error.msg}, kolom {error.colno})"]
    if not isinstance(data, dict):
        return None, [f"regel {number}: een regel moet één JSON-object zijn, zoals {{\"title\": ...}}"]
    problems = [f"onbekend veld '{key}'" for key in data if key not in REQUIRED + OPTIONAL]
    _check_texts(data, problems)
    _check_codes(data, problems)
    record = Record(line=number, values=data)
    _resolve(data, lookup, record, problems)
    if problems:
        return None, [f"regel {number}: {problem}" for problem in problems]
    return record, []


def _create(record: Record, author) -> Practice:
    values = record.values
    practice = Practice(
        title=values["title"].strip(), summary=values["summary"].strip(), body=values["body"].strip(),
        kind=values.get("kind") or "praktijk", year=values.get("year"),
        status=values.get("status") or "draft", author_id=getattr(author, "id", None),
        target_groups=_names(values.get("target_groups")) or [],
        contact_name=(values.get("contact_name") or "").strip(),
        contact_email=(values.get("contact_email") or "").strip())
    practice.themes = record.themes
    practice.spearhead = record.spearhead
    practice.organisations = record.organisations
    db.session.add(practice)
    if practice.status in ("review",):
        practice.submitted_at = utcnow()
    if practice.status in ("published", "archived"):
        practice.published_at = utcnow()
        db.session.flush()
        record_version(practice, author, "Geïmporteerd")
    db.session.flush()
    enqueue("practice", practice.id)
    return practice


def import_practices(lines: Iterable[str], skip_invalid: bool = False, author=None) -> ImportReport:
    """Validate every line; import them all, or only the valid ones when asked; commit once."""
    lookup = _Lookup()
    report, records = ImportReport(), []
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        record, errors = parse_line(number, text, lookup)
        if errors:
            report.errors.extend(errors)
            report.invalid_lines += 1
        else:
            records.append(record)
    if report.errors and not skip_invalid:
        db.session.rollback()
        return report
    for record in records:
        _create(record, author)
        report.imported += 1
    db.session.commit()
    return report
