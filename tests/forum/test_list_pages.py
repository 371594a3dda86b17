"""The question list pages without a count: 'Volgende' exactly when there are more, odd page numbers."""

from servicecentrum.extensions import db
from servicecentrum.forum.models import Question
from tests import factories
from tests.list_pages import assert_odd_pages_never_fail, get_page, html, list_counts, next_link


def _questions(count: int) -> None:
    author = factories.make_user()
    db.session.add_all(Question(title=f"Vraag {n:02d} over taal", body="Tekst", author_id=author.id)
                       for n in range(count))
    db.session.commit()


def _open(app, client, login, count: int):
    with app.app_context():
        _questions(count)
        login(client, factories.make_user())


def test_a_full_page_and_nothing_more_has_no_next_link(app, client, login):
    _open(app, client, login, 20)
    page = html(client.get("/vragen"))
    assert next_link(page) is None and "20 vragen gevonden." in page


def test_one_question_more_than_a_page_gets_a_next_link_that_keeps_the_filters(app, client, login):
    _open(app, client, login, 21)
    first = html(client.get("/vragen?sort=activity&unanswered=y"))
    assert "Vragen 1–20; er zijn er meer." in first and "Pagina 1" in first
    link = next_link(first)
    assert "page=2" in link and "sort=activity" in link and "unanswered=y" in link
    second = html(client.get(link))
    assert next_link(second) is None and "21 vragen gevonden." in second
    assert second.count('class="card"') == 1


def test_the_list_is_not_counted(app, client, login, count_queries):
    _open(app, client, login, 30)
    client.get("/vragen")  # warm up
    for url in ("/vragen", "/vragen?sort=useful&page=2", "/vragen?unanswered=y"):
        with count_queries() as queries:
            assert client.get(url).status_code == 200
        assert list_counts(queries.statements) == [], url
        assert queries.count <= 12, url


def test_page_numbers_outside_the_list_answer_200_or_the_dutch_404(app, client, login):
    _open(app, client, login, 25)
    assert_odd_pages_never_fail(client, "/vragen?sort=activity", past_end="3", last_page_text=None)
    assert get_page(client, "/vragen", "2").status_code == 200
