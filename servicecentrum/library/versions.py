"""Keep every published state of a practice and show what changed between two of them."""

import difflib
import re
from dataclasses import dataclass, field

from sqlalchemy import select

from ..extensions import db
from .labels import KIND_LABELS
from .models import Practice, PracticeVersion

TEXT_FIELDS = ("title", "summary", "body")
LIST_FIELDS = ("themes", "organisations", "target_groups", "attachments")
VALUE_FIELDS = ("kind", "year", "spearhead", "contact_name", "contact_email")
CONTEXT_LINES = 1
_WORDS = re.compile(r"\S+|\s+")


def snapshot(practice: Practice) -> dict:
    """Return the practice as members see it, as plain JSON values."""
    return {
        "title": practice.title,
        "summary": practice.summary or "",
        "body": practice.body or "",
        "kind": practice.kind,
        "year": practice.year,
        "spearhead": practice.spearhead.name if practice.spearhead else None,
        "themes": sorted(t.name for t in practice.themes),
        "organisations": sorted(o.name for o in practice.organisations),
        "target_groups": list(practice.target_groups or []),
        "contact_name": practice.contact_name or "",
        "contact_email": practice.contact_email or "",
        "attachments": sorted(a.filename for a in practice.attachments),
    }


def _as_snapshot(version: PracticeVersion) -> dict:
    return {**(version.snapshot or {}), "title": version.title, "summary": version.summary,
            "body": version.body}


def latest_version(practice: Practice) -> PracticeVersion | None:
    """Return the most recent published version of the practice."""
    return db.session.scalar(select(PracticeVersion).where(PracticeVersion.practice_id == practice.id)
                             .order_by(PracticeVersion.number.desc()).limit(1))


def record_version(practice: Practice, actor, note: str = "") -> PracticeVersion | None:
    """Keep the practice's current state as a new version, unless it equals the last one."""
    db.session.flush()
    current = snapshot(practice)
    latest = latest_version(practice)
    if latest is not None and _as_snapshot(latest) == current:
        return None
    number = latest.number + 1 if latest is not None else 1
    rest = {k: v for k, v in current.items() if k not in TEXT_FIELDS}
    version = PracticeVersion(practice=practice, number=number, title=current["title"],
                              summary=current["summary"], body=current["body"], snapshot=rest,
                              changed_by_id=getattr(actor, "id", None), change_note=(note or "")[:300])
    db.session.add(version)
    return version


# --- What changed -----------------------------------------------------------------------


@dataclass
class DiffLine:
    """One line of a text diff: unchanged, changed (with word parts), added, removed or skipped."""

    kind: str  # same | changed | added | removed | skipped
    parts: list[tuple[str, str]] = field(default_factory=list)  # (equal|insert|delete, text)
    skipped: int = 0


@dataclass
class FieldChange:
    """How one field differs between two versions."""

    name: str
    lines: list[DiffLine] = field(default_factory=list)  # text fields
    added: list[str] = field(default_factory=list)  # list fields
    removed: list[str] = field(default_factory=list)
    old: object = None  # single values
    new: object = None


@dataclass
class HistoryEntry:
    """A version with the changes since the one before it."""

    version: PracticeVersion
    changes: list[FieldChange]
    first: bool


def _word_parts(old: str, new: str) -> list[tuple[str, str]]:
    old_words, new_words = _WORDS.findall(old), _WORDS.findall(new)
    parts = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(("equal", "".join(old_words[a1:a2])))
            continue
        if a2 > a1:
            parts.append(("delete", "".join(old_words[a1:a2])))
        if b2 > b1:
            parts.append(("insert", "".join(new_words[b1:b2])))
    return parts


def _same_block(lines: list[str], at_start: bool, at_end: bool) -> list[DiffLine]:
    keep_before = 0 if at_start else CONTEXT_LINES
    keep_after = 0 if at_end else CONTEXT_LINES
    if len(lines) <= keep_before + keep_after + 1:
        return [DiffLine("same", [("equal", line)]) for line in lines]
    head = [DiffLine("same", [("equal", line)]) for line in lines[:keep_before]]
    tail = [DiffLine("same", [("equal", line)]) for line in lines[len(lines) - keep_after:]]
    return [*head, DiffLine("skipped", skipped=len(lines) - keep_before - keep_after), *tail]


def text_diff(old: str, new: str) -> list[DiffLine]:
    """Compare line by line; within a changed line, word by word."""
    # Blank lines only separate Markdown paragraphs; leaving them out keeps the diff readable.
    old_lines = [line for line in (old or "").splitlines() if line.strip()]
    new_lines = [line for line in (new or "").splitlines() if line.strip()]
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    opcodes = matcher.get_opcodes()
    lines: list[DiffLine] = []
    for index, (op, a1, a2, b1, b2) in enumerate(opcodes):
        if op == "equal":
            lines += _same_block(old_lines[a1:a2], index == 0, index == len(opcodes) - 1)
            continue
        pairs = min(a2 - a1, b2 - b1) if op == "replace" else 0
        for offset in range(pairs):
            lines.append(DiffLine("changed", _word_parts(old_lines[a1 + offset], new_lines[b1 + offset])))
        lines += [DiffLine("removed", [("delete", line)]) for line in old_lines[a1 + pairs:a2]]
        lines += [DiffLine("added", [("insert", line)]) for line in new_lines[b1 + pairs:b2]]
    return lines


def _display(name: str, value):
    if name == "kind":
        return KIND_LABELS.get(value, value)
    return value


def compare(old: dict, new: dict) -> list[FieldChange]:
    """Return what differs between two snapshots, field by field, in reading order."""
    changes = []
    for name in TEXT_FIELDS:
        if (old.get(name) or "") != (new.get(name) or ""):
            changes.append(FieldChange(name, lines=text_diff(old.get(name) or "", new.get(name) or "")))
    for name in VALUE_FIELDS:
        if old.get(name) != new.get(name):
            changes.append(FieldChange(name, old=_display(name, old.get(name)),
                                       new=_display(name, new.get(name))))
    for name in LIST_FIELDS:
        before, after = list(old.get(name) or []), list(new.get(name) or [])
        if before != after:
            changes.append(FieldChange(name, added=[v for v in after if v not in before],
                                       removed=[v for v in before if v not in after]))
    return changes


def history(versions: list[PracticeVersion]) -> list[HistoryEntry]:
    """Return the versions newest first, each with its changes since the previous one."""
    entries, previous = [], None
    for version in versions:
        current = _as_snapshot(version)
        changes = compare(previous, current) if previous is not None else []
        entries.append(HistoryEntry(version, changes, first=previous is None))
        previous = current
    return list(reversed(entries))
