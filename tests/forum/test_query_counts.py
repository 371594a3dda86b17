"""The question list and a thread issue the same number of queries however long they are."""

from servicecentrum.extensions import db
from servicecentrum.forum.models import Answer, AnswerVote, PostAttachment, Question
from tests import factories
from tests.query_budget import own_queries

LIMIT = 12
# The thread's own queries (issue 14 allows 11): the question with its themes and tags, the answers
# with the member's votes, every file, whether the member follows it and has unread notifications.
THREAD_BUDGET = 7


def _fill_list(count):
    themes = [factories.make_theme(), factories.make_theme()]
    authors = [factories.make_user(), None]
    for n in range(count):
        question = Question(title=f"Vraag nummer {n} over iets", body="Tekst",
                            author_id=getattr(authors[n % 2], "id", None),
                            organisation_id=getattr(authors[n % 2], "organisation_id", None))
        question.themes = themes[: n % 3]
        db.session.add(question)
    db.session.commit()


def _page_queries(app, client, login, count_queries, url):
    with app.app_context():
        login(client, factories.make_user())
    client.get(url)  # warm up
    with count_queries() as queries:
        assert client.get(url).status_code == 200
    return queries.count


def test_the_list_with_5_and_500_questions_issues_the_same_queries(app, client, login, count_queries):
    counts = []
    for total in (5, 500):
        with app.app_context():
            db.session.query(Question).delete()
            _fill_list(total)
        counts.append(_page_queries(app, client, login, count_queries, "/vragen?sort=useful"))
    assert counts[0] == counts[1] <= LIMIT


def _thread(answers: int) -> int:
    question = Question(title="Een vraag met veel antwoorden", body="Tekst",
                        author_id=factories.make_user().id)
    db.session.add(question)
    authors = [factories.make_user(), factories.make_user(role="adviser"), None]
    for n in range(answers):
        db.session.add(Answer(question=question, body=f"Antwoord {n}", is_accepted=n == 1,
                              author_id=getattr(authors[n % 3], "id", None)))
    db.session.commit()
    return question.id


def test_a_thread_with_5_and_500_answers_issues_the_same_queries(app, client, login, count_queries):
    counts = []
    for total in (5, 500):
        with app.app_context():
            question_id = _thread(total)
            voter = factories.make_user()
            answer_ids = list(db.session.scalars(
                db.select(Answer.id).where(Answer.question_id == question_id).order_by(Answer.id)))
            for answer_id in answer_ids[::2]:
                db.session.add(AnswerVote(answer_id=answer_id, user_id=voter.id))
            db.session.add(PostAttachment(post_type="answer", post_id=answer_ids[-1], filename="plan.pdf",
                                          stored_name=f"plan-{question_id}.pdf",
                                          content_type="application/pdf", size=10))
            db.session.commit()
            login(client, voter)
        url = f"/vragen/{question_id}"
        counts.append(own_queries(client, count_queries, url))
        html = client.get(url).get_data(as_text=True)
        assert html.count('aria-pressed="true">Nuttig') == (total + 1) // 2  # the member's own votes
        assert "plan.pdf" in html and f"Antwoord {total - 1}" in html
    assert counts[0] == counts[1] <= THREAD_BUDGET, counts
