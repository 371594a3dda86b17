"""Ticket attachments: checked like the library's, downloaded by who may see them, internal with a note."""

import io

from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.helpdesk.models import Ticket, TicketAttachment
from servicecentrum.library.attachments import upload_dir
from tests.factories import make_programme, make_theme, make_ticket, make_user
from tests.library.helpers import EXE_BYTES, PDF_BYTES, PNG_BYTES


def _desk():
    adviser = make_user("adviser")
    programme = make_programme(slug="servicecentrum-integratiebeleid", advisers=[adviser])
    return make_user("officer").id, adviser.id, programme.id, make_theme().id


def _file(data, name):
    return (io.BytesIO(data), name)


def test_a_question_is_filed_with_two_files_that_the_requester_downloads(app, client, login, post_form):
    with app.app_context():
        officer_id, _adviser_id, _programme_id, theme_id = _desk()
        login(client, officer_id)
    response = post_form(client, "/helpdesk/nieuw", {
        "subject": "Plan van aanpak inburgering", "body": "Zie de bijlagen.", "theme": str(theme_id),
        "attachments": [_file(PDF_BYTES, "plan.pdf"), _file(PNG_BYTES, "schema.png")]},
        page="/helpdesk/nieuw", content_type="multipart/form-data")
    assert response.status_code == 302
    with app.app_context():
        ticket = db.session.scalar(select(Ticket))
        files = {a.filename: a for a in db.session.scalars(select(TicketAttachment))}
        assert set(files) == {"plan.pdf", "schema.png"}
        assert not any(a.is_internal or a.message_id for a in files.values())
        assert files["plan.pdf"].stored_name != "plan.pdf"
        ids = ticket.id, files["plan.pdf"].id
    page = client.get(f"/helpdesk/{ids[0]}").get_data(as_text=True)
    assert "plan.pdf" in page and "schema.png" in page
    download = client.get(f"/helpdesk/{ids[0]}/bijlagen/{ids[1]}")
    assert download.status_code == 200 and download.data == PDF_BYTES
    assert "attachment" in download.headers["Content-Disposition"]
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    with app.app_context():
        login(client, make_user("officer"))
    assert client.get(f"/helpdesk/{ids[0]}/bijlagen/{ids[1]}").status_code == 404


def test_a_program_renamed_to_pdf_is_refused_with_422_and_nothing_is_stored(app, client, login, post_form):
    with app.app_context():
        officer_id, _adviser_id, _programme_id, theme_id = _desk()
        login(client, officer_id)
        before = set(upload_dir().iterdir())
    response = post_form(client, "/helpdesk/nieuw", {
        "subject": "Vraag met een verkeerd bestand", "body": "Mijn uitleg blijft staan",
        "theme": str(theme_id),
        "attachments": [_file(PDF_BYTES, "goed.pdf"), _file(EXE_BYTES, "rapport.pdf")]},
        page="/helpdesk/nieuw", content_type="multipart/form-data")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "rapport.pdf: De inhoud van dit bestand past niet bij de extensie .pdf" in page
    assert "Mijn uitleg blijft staan" in page and "Vraag met een verkeerd bestand" in page
    wrong_type = post_form(client, "/helpdesk/nieuw", {
        "subject": "Vraag", "body": "Uitleg", "theme": str(theme_id),
        "attachments": [_file(b"echo hoi", "script.sh")]},
        page="/helpdesk/nieuw", content_type="multipart/form-data")
    assert wrong_type.status_code == 422
    assert "Dit soort bestand kan niet worden toegevoegd" in wrong_type.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Ticket)) is None
        assert db.session.scalar(select(TicketAttachment)) is None
        assert set(upload_dir().iterdir()) == before


def test_files_on_a_note_are_internal_and_files_on_a_reply_are_not(app, client, login, post_form):
    with app.app_context():
        officer = make_user("officer")
        adviser = make_user("adviser")
        ticket = make_ticket(requester=officer, programme=make_programme(advisers=[adviser]))
        ids = ticket.id, officer.id
        login(client, adviser)
    url = f"/helpdesk/{ids[0]}"
    for kind, name in (("note", "intern.pdf"), ("reply", "openbaar.pdf")):
        response = post_form(client, f"{url}/reageren", {
            "body": f"Bericht met {name}", "kind": kind, "send": "1",
            "attachments": [_file(PDF_BYTES, name)]}, page=url, content_type="multipart/form-data")
        assert response.status_code == 302
    refused = post_form(client, f"{url}/reageren", {
        "body": "Mijn getypte antwoord", "kind": "reply", "send": "1",
        "attachments": [_file(EXE_BYTES, "virus.pdf")]}, page=url, content_type="multipart/form-data")
    assert refused.status_code == 422
    assert "past niet bij de extensie .pdf" in refused.get_data(as_text=True)
    assert "Mijn getypte antwoord" in refused.get_data(as_text=True)
    with app.app_context():
        files = {a.filename: a for a in db.session.scalars(select(TicketAttachment))}
        assert set(files) == {"intern.pdf", "openbaar.pdf"}
        assert files["intern.pdf"].is_internal and not files["openbaar.pdf"].is_internal
        assert files["intern.pdf"].message_id is not None
        internal_id = files["intern.pdf"].id
        login(client, ids[1])
    page = client.get(url).get_data(as_text=True)
    assert "openbaar.pdf" in page and "intern.pdf" not in page
    assert client.get(f"{url}/bijlagen/{internal_id}").status_code == 404
