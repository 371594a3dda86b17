"""The "question" and "answer" document types: only visible posts of visible questions."""

from servicecentrum.forum import search_docs
from servicecentrum.search.registry import REGISTRY
from tests import factories
from tests.forum.test_qa_helpers import make_answer, make_question


def test_questions_and_answers_are_registered_with_dutch_labels(app):
    assert str(REGISTRY["question"].label) == "Vraag"
    assert str(REGISTRY["answer"].label) == "Antwoord"
    with app.app_context():
        assert REGISTRY["question"].url(7) == "/vragen/7"


def test_only_visible_posts_of_visible_questions_are_indexed(app_ctx):
    theme = factories.make_theme(slug="onderwijs")
    visible = make_question(themes=[theme], body="**Schooluitval** bij nieuwkomers")
    hidden = make_question(is_hidden=True)
    shown, hidden_answer = make_answer(visible, body="Wij *werken* met mentoren"), make_answer(
        visible, is_hidden=True)
    in_hidden = make_answer(hidden)
    docs = search_docs.load_questions([visible.id, hidden.id])
    assert list(docs) == [visible.id]
    assert "Schooluitval bij nieuwkomers" in docs[visible.id].body
    assert docs[visible.id].facets == {"theme": ["onderwijs"]}
    assert list(search_docs.load_answers([shown.id, hidden_answer.id, in_hidden.id])) == [shown.id]
    assert search_docs.question_ids() == [visible.id]
    assert search_docs.answer_ids() == [shown.id]
    member = factories.make_user()
    assert search_docs.visible_answer_ids(member, [shown.id, in_hidden.id]) == {shown.id}
    assert search_docs.visible_question_ids(member, [visible.id, hidden.id]) == {visible.id}
    assert REGISTRY["answer"].url(shown.id) == f"/vragen/{visible.id}#antwoord-{shown.id}"
