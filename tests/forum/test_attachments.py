"""Attachments on questions and answers: checked like the library's, downloaded by who may see them."""

import io

from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.forum.models import PostAttachment
from tests import factories
from tests.forum.test_qa_helpers import make_answer, make_question
from tests.library.helpers import EXE_BYTES, PDF_BYTES


def _upload(client, post_form, url, name, data, page):
    return post_form(client, url, {"file": (io.BytesIO(data), name)}, page=page,
                     content_type="multipart/form-data")


def test_the_author_attaches_a_pdf_that_members_download(app, client, login, post_form):
    with app.app_context():
        author = factories.make_user()
        question = make_question(author)
        answer = make_answer(question, author)
        ids = author.id, question.id, answer.id
        login(client, author)
    edit = f"/vragen/{ids[1]}/bewerken"
    response = _upload(client, post_form, f"/vragen/{ids[1]}/bijlagen", "plan.pdf", PDF_BYTES, edit)
    assert response.status_code == 302
    response = _upload(client, post_form, f"/vragen/antwoorden/{ids[2]}/bijlagen", "foto.pdf", PDF_BYTES,
                       edit)
    assert response.status_code == 302
    with app.app_context():
        attachment_id = db.session.scalar(select(PostAttachment.id).where(
            PostAttachment.post_type == "question"))
        login(client, factories.make_user())
    page = client.get(f"/vragen/{ids[1]}").get_data(as_text=True)
    assert "plan.pdf" in page and "foto.pdf" in page
    download = client.get(f"/vragen/bijlagen/{attachment_id}")
    assert download.status_code == 200 and download.data == PDF_BYTES
    assert "attachment" in download.headers["Content-Disposition"]


def test_a_program_renamed_to_pdf_is_refused_with_a_dutch_message(app, client, login, post_form):
    with app.app_context():
        author = factories.make_user()
        question_id = make_question(author).id
        login(client, author)
    edit = f"/vragen/{question_id}/bewerken"
    response = _upload(client, post_form, f"/vragen/{question_id}/bijlagen", "plan.pdf", EXE_BYTES, edit)
    assert response.status_code == 422
    assert "past niet bij de extensie .pdf" in response.get_data(as_text=True)
    empty = post_form(client, f"/vragen/{question_id}/bijlagen", {}, page=edit)
    assert empty.status_code == 422 and "Kies een bestand" in empty.get_data(as_text=True)


def test_attachments_of_hidden_posts_are_404_for_members(app, client, login, post_form):
    with app.app_context():
        author = factories.make_user()
        question = make_question(author)
        login(client, author)
        question_id = question.id
    edit = f"/vragen/{question_id}/bewerken"
    _upload(client, post_form, f"/vragen/{question_id}/bijlagen", "plan.pdf", PDF_BYTES, edit)
    with app.app_context():
        attachment_id = db.session.scalar(select(PostAttachment.id))
        from servicecentrum.forum.models import Question
        db.session.get(Question, question_id).is_hidden = True
        db.session.commit()
    assert client.get(f"/vragen/bijlagen/{attachment_id}").status_code == 404
    assert client.get("/vragen/bijlagen/999").status_code == 404
    with app.app_context():
        login(client, factories.make_user(role="adviser"))
    assert client.get(f"/vragen/bijlagen/{attachment_id}").status_code == 200
