"""Attachments on questions and answers, checked and stored by the library's upload handling."""

import secrets

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
)
from ..library.attachments import upload_dir as upload_dir
from .models import PostAttachment

__all__ = ["AttachmentRefused", "add_post_attachment", "file_path", "read_uploads"]

MAX_FILES = 10


def add_post_attachment(actor, post_type: str, post, filename: str, data: bytes,
                        ip_address: str | None = None) -> PostAttachment:
    """Check and store an upload on a question or answer.

    :raises AttachmentRefused: the file is empty, too large, of a type we do not take, or its
        content does not match its extension.
    """
    name = display_name(filename)
    try:
        kind = check_upload(name, data)
    except AttachmentRefused:
        record("attachment_refused", actor=actor, target=post, ip_address=ip_address,
               filename=name[:100], size=len(data))
        db.session.commit()
        raise
    stored_name = f"{secrets.token_hex(16)}.{kind}"
    path = upload_dir() / stored_name
    path.write_bytes(data)
    try:
        attachment = PostAttachment(post_type=post_type, post_id=post.id, filename=name,
                                    stored_name=stored_name, content_type=CONTENT_TYPES[kind],
                                    size=len(data), uploaded_by_id=actor.id)
        db.session.add(attachment)
        record("attachment_added", actor=actor, target=post, ip_address=ip_address, filename=name[:100])
        db.session.commit()
    except BaseException:
        db.session.rollback()
        path.unlink(missing_ok=True)
        raise
    return attachment


def read_uploads(files) -> list[tuple[str, bytes]]:
    """Read and check the chosen files before anything is saved; return (name, content) pairs.

    :raises AttachmentRefused: too many files, or one that add_post_attachment would refuse
        (the message names the file).
    """
    chosen = [storage for storage in files or [] if storage is not None and getattr(storage, "filename", "")]
    if len(chosen) > MAX_FILES:
        raise AttachmentRefused(_("Voeg hoogstens %(max)s bestanden tegelijk toe.", max=MAX_FILES))
    uploads = []
    for storage in chosen:
        name, data = display_name(storage.filename), read_limited(storage.stream)
        try:
            check_upload(name, data)
        except AttachmentRefused as refused:
            raise AttachmentRefused(f"{name}: {refused}") from None
        uploads.append((name, data))
    return uploads
