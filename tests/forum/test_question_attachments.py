"""A new question can carry attachments: checked before anything is saved, never lost typing."""

import io

from sqlalchemy import func, select

from servicecentrum.extensions import db
from servicecentrum.forum.models import PostAttachment, Question
from servicecentrum.search.sync import drain
from tests import factories
from tests.forum.test_qa_helpers import make_question
from tests.library.helpers import EXE_BYTES, PDF_BYTES


def _ask(client, post_form, files, title="Hoe werven jullie taalcoaches?", confirmed="1"):
    return post_form(client, "/vragen/nieuw", {
        "title": title, "body": "Mijn **toelichting**", "tags": "", "confirmed": confirmed,
        "attachments": [(io.BytesIO(data), name) for name, data in files]},
        page="/vragen/nieuw", content_type="multipart/form-data")


def test_a_new_question_is_posted_with_its_files(app, client, login, post_form):
    with app.app_context():
        login(client, factories.make_user())
    response = _ask(client, post_form, [("plan.pdf", PDF_BYTES), ("bijlage.pdf", PDF_BYTES)])
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "plan.pdf" in page and "bijlage.pdf" in page
    with app.app_context():
        assert db.session.scalar(select(func.count(PostAttachment.id))) == 2


def test_a_refused_file_keeps_the_typing_and_saves_nothing(app, client, login, post_form):
    with app.app_context():
        login(client, factories.make_user())
    response = _ask(client, post_form, [("plan.pdf", PDF_BYTES), ("rapport.pdf", EXE_BYTES)])
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "rapport.pdf: De inhoud van dit bestand past niet bij de extensie .pdf" in page
    assert "Hoe werven jullie taalcoaches?" in page and "Mijn **toelichting**" in page
    with app.app_context():
        assert db.session.scalar(select(func.count(Question.id))) == 0


def test_without_javascript_the_similar_step_asks_to_choose_the_files_again(app, client, login, post_form):
    with app.app_context():
        make_question(factories.make_user(), title="Taalcoaches werven voor statushouders")
        drain()
        login(client, factories.make_user())
    response = _ask(client, post_form, [("plan.pdf", PDF_BYTES)], title="Taalcoaches werven: hoe?",
                    confirmed="")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<h1>Bekijk dit eerst</h1>" in page
    assert "voor statushouders</a>" in page
    assert "kies ze hier opnieuw" in page and 'name="attachments"' in page
