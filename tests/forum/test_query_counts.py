"""The question list and a thread issue the same number of queries however long they are."""

from servicecentrum.extensions import db
from servicecentrum.forum.models import Answer, AnswerVote, Question
from tests import factories

LIMIT = 12
THREAD_LIMIT = LIMIT + 1  # the thread also asks whether its notifications are unread (mark-as-read button)


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


def test_a_thread_with_2_and_200_answers_issues_the_same_queries(app, client, login, count_queries):
    counts = []
    for total in (2, 200):
        with app.app_context():
            question_id = _thread(total)
            voter = factories.make_user()
            answer_ids = db.session.scalars(db.select(Answer.id).where(Answer.question_id == question_id))
            for answer_id in answer_ids:
                db.session.add(AnswerVote(answer_id=answer_id, user_id=voter.id))
            db.session.commit()
            login(client, voter)
        url = f"/vragen/{question_id}"
        client.get(url)
        with count_queries() as queries:
            assert client.get(url).status_code == 200
        counts.append(queries.count)
    assert counts[0] == counts[1] <= THREAD_LIMIT
