"""POST /voorbeeld: the editor's preview is exactly what a saved post will show."""

from servicecentrum.forum.models import Question
from servicecentrum.text import render_markdown
from tests import factories
from tests.forum.test_qa_helpers import make_question

TRICKY = """# Aanpak

Een **vette** tekst met <script>alert('x')</script> en een [link](https://example.org/plan)
en een [gevaarlijke](javascript:alert(1)) link.

| Gemeente | Deelnemers |
|----------|-----------:|
| Utrecht  | 42         |

<img src=x onerror=alert(1)>
"""


def test_the_preview_is_the_html_a_saved_question_shows(app, client, login, post_form):
    with app.app_context():
        author = factories.make_user()
        question = make_question(author)
        question.body = TRICKY
        from servicecentrum.extensions import db

        db.session.commit()
        question_id = question.id
        login(client, author)
        stored = str(render_markdown(db.session.get(Question, question_id).body))
    response = post_form(client, "/voorbeeld", {"body": TRICKY})
    assert response.status_code == 200
    preview = response.get_data(as_text=True)
    assert preview == stored
    assert "<strong>vette</strong>" in preview
    assert '<a href="https://example.org/plan"' in preview
    assert "<table>" in preview and "<td>Utrecht</td>" in preview
    assert "<script" not in preview and "&lt;script&gt;" in preview  # shown as text, never run
    assert 'href="javascript' not in preview and "<img" not in preview
    assert preview in client.get(f"/vragen/{question_id}").get_data(as_text=True)


def test_the_preview_refuses_a_post_without_csrf_token(app, client, login):
    with app.app_context():
        login(client, factories.make_user())
    response = client.post("/voorbeeld", data={"body": "**vet**"})
    assert response.status_code == 400
    assert "Formulier verlopen" in response.get_data(as_text=True)


def test_anonymous_visitors_get_no_preview(client, post_form):
    response = post_form(client, "/voorbeeld", {"body": "**vet**"})
    assert response.status_code == 302 and "/inloggen" in response.headers["Location"]


def test_a_too_long_text_is_refused_with_a_dutch_message(app, client, login, post_form):
    with app.app_context():
        login(client, factories.make_user())
    response = post_form(client, "/voorbeeld", {"body": "a" * 50_001})
    assert response.status_code == 413
    assert "hoogstens 50.000 tekens" in response.get_data(as_text=True)
    missing = post_form(client, "/voorbeeld", {})
    assert missing.status_code == 400 and "geen tekst" in missing.get_data(as_text=True)
