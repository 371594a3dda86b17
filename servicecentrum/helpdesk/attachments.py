"""Ticket attachments: checked like the library's, stored under random names in instance/uploads.

A file added to an internal note is internal too: only the ticket's handlers can download it.
Uploads are read and checked first (nothing stored when one is refused), then written and
added to the session; the caller commits and calls ``remove_files`` when that fails.
"""

import logging
import os
import secrets
from contextlib import contextmanager
from dataclasses import dataclass

from flask_babel import gettext as _

from ..audit.services import record
from ..extensions import db
from ..library.attachments import (
    CONTENT_TYPES,
    AttachmentRefused,
    check_upload,
    display_name,
    file_path,
    read_limited,
    upload_dir,
)
from .models import TicketAttachment

__all__ = ["MAX_FILES", "AttachmentRefused", "Upload", "attach", "read_uploads", "remove_files"]

log = logging.getLogger(__name__)
MAX_FILES = 10


@dataclass(frozen=True)
class Upload:
    """A checked file, ready to store."""

    filename: str
    kind: str
    data: bytes


def chosen_files(files) -> list:
    """The file inputs that hold a file (a browser sends an empty part when none was chosen)."""
    return [f for f in files or [] if f is not None and getattr(f, "filename", "")]


def read_uploads(files, actor=None, target=None, ip_address: str | None = None) -> list[Upload]:
    """Read and check every chosen file.

    :raises AttachmentRefused: too many files, or one is empty, too large, of a type we do not
        take or with content that does not match its extension (the message names the file).
    """
    chosen = chosen_files(files)
    if len(chosen) > MAX_FILES:
        raise AttachmentRefused(_("Voeg hoogstens %(max)s bestanden tegelijk toe.", max=MAX_FILES))
    uploads = []
    for storage in chosen:
        name = display_name(storage.filename)
        data = read_limited(storage.stream)
        try:
            kind = check_upload(name, data)
        except AttachmentRefused as refused:
            record("attachment_refused", actor=actor, target=target, ip_address=ip_address,
                   filename=name[:100], size=len(data))
            db.session.commit()
            raise AttachmentRefused(f"{name}: {refused}") from None
        uploads.append(Upload(name, kind, data))
    return uploads


def _write(stored_name: str, data: bytes) -> None:
    target = upload_dir() / stored_name
    temporary = target.with_name(target.name + ".part")
    temporary.write_bytes(data)
    os.replace(temporary, target)


def attach(actor, ticket, uploads, message=None, internal: bool = False) -> list[TicketAttachment]:
    """Write the files and add them to the ticket (no commit); return the new attachments."""
    added: list[TicketAttachment] = []
    try:
        for upload in uploads:
            stored_name = f"{secrets.token_hex(16)}.{upload.kind}"
            _write(stored_name, upload.data)
            attachment = TicketAttachment(
                message_id=getattr(message, "id", None), uploader_id=getattr(actor, "id", None),
                is_internal=internal, filename=upload.filename, stored_name=stored_name,
                content_type=CONTENT_TYPES[upload.kind], size=len(upload.data))
            ticket.attachments.append(attachment)
            added.append(attachment)
    except BaseException:
        remove_files(added)
        raise
    return added


def remove_files(attachments) -> None:
    """Remove the stored files of attachments whose transaction failed."""
    for attachment in attachments:
        try:
            file_path(attachment).unlink(missing_ok=True)
        except OSError:
            log.warning("Could not remove an orphaned upload: %s", attachment.stored_name, exc_info=True)


@contextmanager
def one_transaction():
    """Yield a list for the files stored; commit at the end, or roll back and remove those files."""
    stored: list = []
    try:
        yield stored
        db.session.commit()
    except BaseException:
        db.session.rollback()
        remove_files(stored)
        raise
