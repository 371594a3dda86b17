"""Factories and helpers for the library tests (call inside an app context; they commit)."""

import io
import itertools
import zipfile

from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from servicecentrum.library.attachments import upload_dir
from servicecentrum.library.models import Practice, PracticeAttachment
from servicecentrum.library.versions import record_version
from servicecentrum.search.models import SearchOutboxEntry
from tests import factories

_sequence = itertools.count(1)

def make_pdf(text: str) -> bytes:
    """Return a small, valid one-page PDF that shows the text (with a correct xref table)."""
    stream = f"BT /F1 18 Tf 10 60 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 400 144]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>",
        b"<</Length %d>>stream\n" % len(stream) + stream + b"\nendstream",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj" % number + body + b"endobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


PDF_BYTES = make_pdf("Stageplaatsen voor jongeren")
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 64
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """Return a zip archive with these members, in this order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX_BYTES = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX_BYTES = zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODT_BYTES = zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


def make_practice(author=None, status="published", themes=(), organisations=(), spearhead=None,
                  **fields) -> Practice:
    """A practice in the given status; published ones get published_at and a first version."""
    n = next(_sequence)
    defaults = {"title": f"Praktijk {n}", "summary": f"Samenvatting van praktijk {n}.",
                "body": f"## Aanpak\n\nStap voor stap uitgelegd ({n}).", "kind": "praktijk", "year": 2006,
                "target_groups": ["ouders"]}
    practice = Practice(**{**defaults, **fields}, status=status, author_id=getattr(author, "id", None))
    practice.themes = list(themes)
    practice.organisations = list(organisations)
    practice.spearhead = spearhead
    if status in ("published", "archived"):
        practice.published_at = practice.published_at or utcnow()
    db.session.add(practice)
    db.session.flush()
    if status in ("published", "archived"):
        record_version(practice, author)
    db.session.commit()
    return practice


def make_attachment(practice, filename="plan.pdf", data=PDF_BYTES, content_type="application/pdf",
                    text=None) -> PracticeAttachment:
    """An attachment whose file exists in instance/uploads."""
    stored = f"test{next(_sequence):06d}{filename.rsplit('.', 1)[-1]}"
    (upload_dir() / stored).write_bytes(data)
    attachment = PracticeAttachment(practice_id=practice.id, filename=filename, stored_name=stored,
                                    content_type=content_type, size=len(data), text=text)
    db.session.add(attachment)
    db.session.commit()
    return attachment


def outbox_ids(doc_type="practice") -> list[int]:
    """Return the document ids queued for the search index, in order."""
    from sqlalchemy import select

    return list(db.session.scalars(select(SearchOutboxEntry.doc_id)
                                   .where(SearchOutboxEntry.doc_type == doc_type)
                                   .order_by(SearchOutboxEntry.id)))


def officer(**fields):
    """An officer of a fresh organisation."""
    return factories.make_user(role="officer", **fields)
