"""Uploads: type and content both checked, stored under generated names, downloaded safely."""

import io
from pathlib import Path

import pytest
from sqlalchemy import select

from servicecentrum.audit.models import AuditEvent
from servicecentrum.extensions import db
from servicecentrum.library.models import Practice, PracticeAttachment
from tests import factories
from tests.conftest import app_for, open_session_for
from tests.library.helpers import (
    DOCX_BYTES,
    EXE_BYTES,
    JPEG_BYTES,
    ODT_BYTES,
    PDF_BYTES,
    PNG_BYTES,
    XLSX_BYTES,
    make_attachment,
    make_practice,
    zip_bytes,
)

ACCEPTED = [
    ("plan.pdf", PDF_BYTES, "application/pdf"),
    ("verslag.docx", DOCX_BYTES, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("begroting.xlsx", XLSX_BYTES, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("notitie.odt", ODT_BYTES, "application/vnd.oasis.opendocument.text"),
    ("schema.png", PNG_BYTES, "image/png"),
    ("foto.JPG", JPEG_BYTES, "image/jpeg"),
    ("foto.jpeg", JPEG_BYTES, "image/jpeg"),
]
DISGUISED = [
    ("x.pdf", EXE_BYTES),  # a Windows program renamed to .pdf
    ("verslag.docx", zip_bytes({"[Content_Types].xml": b"<Types/>", "payload.exe": EXE_BYTES})),
    ("begroting.xlsx", DOCX_BYTES),
    ("notitie.odt", zip_bytes({"mimetype": b"application/x-msdownload", "content.xml": b"<x/>"})),
    ("macro.docx", zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>",
                              "word/vbaProject.bin": b"\x00"})),
    ("schema.png", JPEG_BYTES),
    ("foto.jpg", b"<html><script>alert(1)</script></html>"),
    ("plan.pdf", b"PK\x03\x04" + DOCX_BYTES[4:]),
]


@pytest.fixture
def editor(app, client, login):
    """An author logged in, with a draft practice to attach files to."""
    with app.app_context():
        author = factories.make_user()
        practice = make_practice(author=author, status="draft")
        login(client, author)
        return practice.id


def _upload(client, csrf_token, practice_id, filename, data):
    token = csrf_token(client, f"/praktijken/{practice_id}/bewerken")
    return client.post(f"/praktijken/{practice_id}/bijlagen", content_type="multipart/form-data",
                       data={"csrf_token": token, "file": (io.BytesIO(data), filename)})


def _attachments(app) -> list[PracticeAttachment]:
    with app.app_context():
        return db.session.scalars(select(PracticeAttachment)).all()


@pytest.mark.parametrize(("filename", "data", "content_type"), ACCEPTED)
def test_accepted_files_are_stored_outside_static_under_a_generated_name(
        app, client, csrf_token, editor, filename, data, content_type):
    response = _upload(client, csrf_token, editor, filename, data)
    assert response.status_code == 302
    [attachment] = _attachments(app)
    assert (attachment.filename, attachment.content_type) == (filename, content_type)
    assert attachment.size == len(data)
    stored = Path(app.instance_path) / "uploads" / attachment.stored_name
    assert stored.read_bytes() == data
    assert filename.rsplit(".", 1)[0] not in attachment.stored_name
    assert "static" not in stored.parts


@pytest.mark.parametrize(("filename", "data"), DISGUISED)
def test_content_that_does_not_match_the_extension_is_refused_with_a_clear_message(
        app, client, csrf_token, editor, filename, data):
    response = _upload(client, csrf_token, editor, filename, data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "De inhoud van dit bestand past niet bij de extensie" in html
    assert 'href="#file"' in html  # the error summary points at the field
    assert _attachments(app) == []
    assert list((Path(app.instance_path) / "uploads").glob("*")) == []
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "attachment_refused"))
        assert event is not None and event.target_id == editor


@pytest.mark.parametrize(("filename", "message"), [
    ("setup.exe", "Dit soort bestand kan niet worden toegevoegd."),
    ("geen-extensie", "Dit soort bestand kan niet worden toegevoegd."),
    ("leeg.pdf", "het bestand mag niet leeg zijn"),
])
def test_other_types_and_empty_files_are_refused(app, client, csrf_token, editor, filename, message):
    data = b"" if filename == "leeg.pdf" else EXE_BYTES
    response = _upload(client, csrf_token, editor, filename, data)
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    assert _attachments(app) == []


def test_posting_without_a_file_asks_for_one(app, client, csrf_token, editor):
    token = csrf_token(client, f"/praktijken/{editor}/bewerken")
    response = client.post(f"/praktijken/{editor}/bijlagen", data={"csrf_token": token})
    assert response.status_code == 422
    assert "Kies een bestand om toe te voegen." in response.get_data(as_text=True)


def test_the_path_in_an_uploaded_name_is_dropped(app, client, csrf_token, editor):
    response = _upload(client, csrf_token, editor, "..\\..\\windows/../etc/plan.pdf", PDF_BYTES)
    assert response.status_code == 302
    [attachment] = _attachments(app)
    assert attachment.filename == "plan.pdf"


def test_the_text_of_a_pdf_is_kept_for_search_and_a_damaged_pdf_is_still_accepted(
        app, client, csrf_token, editor):
    _upload(client, csrf_token, editor, "plan.pdf", PDF_BYTES)
    _upload(client, csrf_token, editor, "kapot.pdf", b"%PDF-1.4 dit is geen echte pdf")
    texts = {a.filename: a.text for a in _attachments(app)}
    assert texts == {"plan.pdf": "Stageplaatsen voor jongeren", "kapot.pdf": None}


def test_too_large_files_get_a_dutch_message_or_the_dutch_413_page(tmp_path, database_url):
    with app_for(tmp_path, database_url, UPLOAD_MAX_MB=1) as small:
        client = small.test_client()
        with small.app_context():
            author = factories.make_user()
            practice_id = make_practice(author=author, status="draft").id
            author_id = author.id
        open_session_for(small, client, author_id)
        token = client.get(f"/praktijken/{practice_id}/bewerken").get_data(as_text=True)
        token = token.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]

        def upload(size):
            data = PDF_BYTES + b"0" * (size - len(PDF_BYTES))
            return client.post(f"/praktijken/{practice_id}/bijlagen", content_type="multipart/form-data",
                               data={"csrf_token": token, "file": (io.BytesIO(data), "groot.pdf")})

        just_over = upload(1024 * 1024 + 10)
        assert just_over.status_code == 422
        assert "Het bestand is groter dan 1 MB." in just_over.get_data(as_text=True)
        far_over = upload(3 * 1024 * 1024)
        assert far_over.status_code == 413
        assert "Bestand te groot" in far_over.get_data(as_text=True)
        with small.app_context():
            assert db.session.scalars(select(PracticeAttachment)).all() == []


def test_downloads_are_attachments_with_their_type_and_no_sniffing(app, client, login):
    with app.app_context():
        practice = make_practice()
        attachment = make_attachment(practice, filename="werkplan 2006.pdf")
        login(client, factories.make_user())
        url = f"/praktijken/{practice.id}/bijlagen/{attachment.id}"
    response = client.get(url)
    assert response.status_code == 200
    assert response.data == PDF_BYTES
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "werkplan" in response.headers["Content-Disposition"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response.headers["Cache-Control"]


def test_a_file_missing_from_disk_is_404_not_500(app, client, login):
    with app.app_context():
        practice = make_practice()
        attachment = make_attachment(practice)
        (Path(app.instance_path) / "uploads" / attachment.stored_name).unlink()
        login(client, factories.make_user())
        url = f"/praktijken/{practice.id}/bijlagen/{attachment.id}"
    assert client.get(url).status_code == 404


def test_deleting_removes_the_row_and_the_file(app, client, login, post_form):
    with app.app_context():
        practice = make_practice(status="draft", author=factories.make_user(role="adviser"))
        attachment = make_attachment(practice)
        login(client, practice.author_id)
        stored = Path(app.instance_path) / "uploads" / attachment.stored_name
        url = f"/praktijken/{practice.id}/bijlagen/{attachment.id}/verwijderen"
        edit = f"/praktijken/{practice.id}/bewerken"
    response = post_form(client, url, page=edit, follow_redirects=True)
    assert "plan.pdf is verwijderd." in response.get_data(as_text=True)
    assert _attachments(app) == [] and not stored.exists()


def test_an_authors_new_attachment_on_a_published_practice_goes_to_review(app, client, csrf_token, login):
    with app.app_context():
        author = factories.make_user()
        practice_id = make_practice(author=author).id
        login(client, author)
    response = _upload(client, csrf_token, practice_id, "plan.pdf", PDF_BYTES)
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Practice, practice_id).status == "review"
