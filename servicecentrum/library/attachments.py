"""Attachments: check name and content, store under a generated name, extract PDF text, delete.

Files live in instance/uploads, outside static/, under random names; the name a member
uploaded is only shown, never used as a path. Both the extension and the first bytes (and
for office files the zip's inner structure) must agree, so a program renamed to .pdf is
refused.
"""

import io
import logging
import os
import re
import secrets
import zipfile
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _

from ..audit.services import record
from ..extensions import db
from ..search.outbox import enqueue
from .models import Practice, PracticeAttachment
from .services import LibraryError, lock, settle_change

log = logging.getLogger(__name__)

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
}
ZIP_MEMBERS = {"docx": ("[Content_Types].xml", "word/document.xml"),
               "xlsx": ("[Content_Types].xml", "xl/workbook.xml")}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
MAX_PDF_PAGES = 300
MAX_TEXT_CHARS = 500_000
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\]")


class AttachmentRefused(LibraryError):
    """The upload is not a file we accept; the message says why, in Dutch."""


def max_bytes() -> int:
    """Return the largest upload allowed, from UPLOAD_MAX_MB."""
    return int(current_app.config["UPLOAD_MAX_MB"]) * 1024 * 1024


def upload_dir() -> Path:
    """Return the folder with the stored files (created when missing)."""
    folder = Path(current_app.instance_path) / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def file_path(attachment: PracticeAttachment) -> Path:
    """Return where the attachment's content is stored."""
    return upload_dir() / attachment.stored_name


def display_name(filename: str) -> str:
    """Return the uploaded name without folders or control characters, at most 255 characters."""
    name = _UNSAFE_NAME.sub("", re.split(r"[/\\]", filename or "")[-1]).strip().lstrip(".")
    if len(name) > 255:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 254 - len(ext)] + dot + ext) if dot and len(ext) < 10 else name[:255]
    return name


def extension_of(filename: str) -> str:
    """Return the lower-case extension without the dot ("" when there is none)."""
    stem, dot, ext = filename.rpartition(".")
    return ext.lower() if dot and stem else ""


def _zip_has(data: bytes, kind: str) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if kind == "odt":
                first = infos[0] if infos else None
                return (first is not None and first.filename == "mimetype" and first.file_size < 100
                        and archive.read(first).strip() == ODT_MIMETYPE)
            # Macros make it a .docm/.xlsm in disguise; we take plain documents only.
            macros = any(name.lower().endswith("vbaproject.bin") for name in names)
            return all(member in names for member in ZIP_MEMBERS[kind]) and not macros
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, KeyError):
        return False


def content_matches(kind: str, data: bytes) -> bool:
    """Tell whether the bytes are really the kind of file the extension says."""
    if kind == "pdf":
        return data.startswith(b"%PDF-")
    if kind == "png":
        return data.startswith(b"\x89PNG\r\n\x1a\n")
    if kind in ("jpg", "jpeg"):
        return data.startswith(b"\xff\xd8\xff")
    if kind in ("docx", "xlsx", "odt"):
        return data.startswith(b"PK\x03\x04") and _zip_has(data, kind)
    return False


def check_upload(filename: str, data: bytes) -> str:
    """Return the extension of an acceptable upload.

    :raises AttachmentRefused: empty, too large, a type we do not take, or content that
        does not match the extension.
    """
    limit = int(current_app.config["UPLOAD_MAX_MB"])
    if not filename or not data:
        raise AttachmentRefused(_("Kies een bestand om toe te voegen; het bestand mag niet leeg zijn."))
    if len(data) > max_bytes():
        raise AttachmentRefused(_("Het bestand is groter dan %(limit)s MB. Kies een kleiner bestand.",
                                  limit=limit))
    kind = extension_of(filename)
    if kind not in CONTENT_TYPES:
        raise AttachmentRefused(_("Dit soort bestand kan niet worden toegevoegd. Kies een PDF-, DOCX-, "
                                  "ODT-, XLSX-, PNG- of JPG-bestand."))
    if not content_matches(kind, data):
        raise AttachmentRefused(_("De inhoud van dit bestand past niet bij de extensie .%(ext)s. Het is "
                                  "geweigerd om uw collega's te beschermen. Sla het document opnieuw "
                                  "op als %(upper)s en probeer het nog eens.", ext=kind, upper=kind.upper()))
    return kind


def read_limited(stream) -> bytes:
    """Read at most one byte more than allowed, so an oversized upload is noticed, not stored."""
    return stream.read(max_bytes() + 1)


def pdf_text(data: bytes) -> str | None:
    """Return the text of a PDF for the search index; None when it cannot be read."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        parts, size = [], 0
        for page in reader.pages[:MAX_PDF_PAGES]:
            text = page.extract_text() or ""
            parts.append(text)
            size += len(text)
            if size >= MAX_TEXT_CHARS:
                break
        text = " ".join(" ".join(parts).split())
        return text[:MAX_TEXT_CHARS] or None
    except Exception:  # pypdf raises many kinds of errors on damaged files; the upload still counts
        log.warning("Could not extract text from an uploaded PDF", exc_info=True)
        return None


def _write(stored_name: str, data: bytes) -> Path:
    target = upload_dir() / stored_name
    temporary = target.with_name(target.name + ".part")
    temporary.write_bytes(data)
    os.replace(temporary, target)
    return target


def add_attachment(actor, practice: Practice, filename: str, data: bytes,
                   ip_address: str | None = None) -> tuple[PracticeAttachment, str]:
    """Check and store an upload; return the attachment and what it meant for the practice's status."""
    name = display_name(filename)
    try:
        kind = check_upload(name, data)
    except AttachmentRefused as refused:
        record("attachment_refused", actor=actor, target=practice, ip_address=ip_address,
               filename=name[:100], size=len(data))
        db.session.commit()
        raise refused
    stored_name = f"{secrets.token_hex(16)}.{kind}"
    path = _write(stored_name, data)
    try:
        lock(practice)
        attachment = PracticeAttachment(
            practice=practice, filename=name, stored_name=stored_name, content_type=CONTENT_TYPES[kind],
            size=len(data), text=pdf_text(data) if kind == "pdf" else None, uploaded_by_id=actor.id)
        db.session.add(attachment)
        outcome = settle_change(actor, practice, _("Bijlage toegevoegd: %(name)s", name=name))
        enqueue("practice", practice.id)
        db.session.commit()
    except BaseException:
        db.session.rollback()
        path.unlink(missing_ok=True)
        raise
    return attachment, outcome


def delete_attachment(actor, attachment: PracticeAttachment) -> str:
    """Remove the attachment and its file; return what it meant for the practice's status."""
    practice = attachment.practice
    lock(practice)
    path = file_path(attachment)
    name = attachment.filename
    db.session.delete(attachment)
    db.session.flush()
    db.session.expire(practice, ["attachments"])
    outcome = settle_change(actor, practice, _("Bijlage verwijderd: %(name)s", name=name))
    enqueue("practice", practice.id)
    db.session.commit()
    try:
        path.unlink(missing_ok=True)
    except OSError:
        log.warning("Could not remove the file of a deleted attachment: %s", path, exc_info=True)
    return outcome
