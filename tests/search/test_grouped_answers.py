"""Search results show matching answers nested under their question, not as separate hits."""

from sqlalchemy import event

import servicecentrum.forum.search_docs  # noqa: F401  (registers the forum types)
from servicecentrum.extensions import db
from servicecentrum.forum.models import Answer, Question
from servicecentrum.search import service, sync
from servicecentrum.search.outbox import enqueue
from servicecentrum.search.registry import REGISTRY, register
from tests import factories
from tests.conftest import open_session_for

# Captured at import, before the search fixtures swap in the test-only types.
FORUM_TYPES = [REGISTRY["question"], REGISTRY["answer"]]


def _use_forum_types():
    for kind in FORUM_TYPES:
        register(kind)


def _thread(title: str, body: str, answers: list[tuple[str, str]]) -> int:
    asker = factories.make_user(name="Sanne Jansen")
    question = Question(title=title, body=body, author_id=asker.id)
    for name, text in answers:
        writer = factories.make_user(name=name)
        question.answers.append(Answer(body=text, author_id=writer.id))
    question.answer_count = len(answers)
    db.session.add(question)
    db.session.flush()
    enqueue("question", question.id)
    for answer in question.answers:
        enqueue("answer", answer.id)
    db.session.commit()
    return question.id


def _member(app):
    client = app.test_client()
    with app.app_context():
        user = factories.make_user(name="Zoeker")
        open_session_for(app, client, user)
    return client


def test_a_question_and_its_matching_answers_are_one_result(search_app):
    _use_forum_types()
    with search_app.app_context():
        qid = _thread("Taalcoaches werven voor inburgeraars", "Wie heeft ervaring met taalcoaches?",
                      [("Elif Yilmaz", "Wij vinden taalcoaches via de hogeschool."),
                       ("Rob de Wit", "Over iets heel anders: stageplaatsen."),
                       ("Lotte van Dijk", "Bedrijven leveren bij ons taalcoaches als vrijwilliger.")])
        sync.drain()
    client = _member(search_app)
    html = client.get("/zoeken?q=taalcoaches").get_data(as_text=True)
    assert "1 resultaat voor ‘taalcoaches’" in html
    results = html.split('class="link-list search-results"')[1].split("</ol>")[0]
    assert results.count('<li class="card">') == 1
    assert f'href="/vragen/{qid}"' in results
    nested = results.split('class="search-results__children"')[1]
    assert "Antwoord van Elif Yilmaz" in nested and "Antwoord van Lotte van Dijk" in nested
    assert "Rob de Wit" not in nested  # his answer does not match
    assert f'href="/vragen/{qid}#antwoord-' in nested
    assert "<mark>taalcoaches</mark>" in nested


def test_answers_alone_still_show_their_question_as_the_result(search_app):
    _use_forum_types()
    with search_app.app_context():
        qid = _thread("Huisvesting in kleine kernen", "Hoe voorkomen we isolement?",
                      [("Gerrit Jansen", "Een buurtbus naar het station hielp bij ons."),
                       ("Pieter de Boer", "Wij regelen een maatje in het dorp.")])
        sync.drain()
    with search_app.test_request_context():
        user = factories.make_user()
        found = service.search(user, "buurtbus")
        assert found.total == 1 and len(found.items) == 1
        item = found.items[0]
        assert (item.doc_type, item.doc_id) == ("question", qid)
        assert "Huisvesting in kleine kernen" in str(item.title_html)
        assert [c.byline for c in item.children] == ["Gerrit Jansen"]
        counts = {name: n for name, _label, n in found.types}
        assert (counts["question"], counts["answer"]) == (0, 1)


def test_paging_and_counts_are_of_grouped_results(search_app):
    _use_forum_types()
    with search_app.app_context():
        for n in range(5):
            _thread(f"Mantelzorg vraag {n}", "Over mantelzorg in de wijk.",
                    [(f"Lid {n}a", "Mantelzorg bereiken via de moskee."),
                     (f"Lid {n}b", "Mantelzorg en sleutelfiguren.")])
        sync.drain()
    with search_app.test_request_context():
        user = factories.make_user()
        first = service.search(user, "mantelzorg", per_page=2)
        assert first.total == 5 and first.pages == 3
        assert all(len(item.children) == 2 for item in first.items)
        counts = {name: n for name, _label, n in first.types}
        assert (counts["question"], counts["answer"]) == (5, 5)  # 10 answers, under 5 questions
        last = service.search(user, "mantelzorg", page=3, per_page=2)
        assert len(last.items) == 1
        pages = [service.search(user, "mantelzorg", page=p, per_page=2) for p in (1, 2, 3)]
        seen = {item.doc_id for found in pages for item in found.items}
        assert len(seen) == 5


def test_the_query_count_stays_flat_with_many_answers(search_app):
    _use_forum_types()

    def queries_for(text: str) -> int:
        statements = []

        def before(_conn, _cursor, statement, *_args):
            statements.append(statement)

        with search_app.test_request_context():
            user = factories.make_user()
            event.listen(db.engine, "before_cursor_execute", before)
            try:
                service.search(user, text)
            finally:
                event.remove(db.engine, "before_cursor_execute", before)
        return len(statements)

    with search_app.app_context():
        _thread("Schooluitval een", "Schooluitval voorkomen.", [("A", "Schooluitval en RMC.")])
        _thread("Buurtsport", "Sport in de wijk.",
                [(f"Lid {n}", f"Buurtsport werkt {n}.") for n in range(12)])
        for n in range(6):
            _thread(f"Buurtsport vraag {n}", "Over sport.", [("B", "Buurtsport met de club.")])
        sync.drain()
    few, many = queries_for("schooluitval"), queries_for("buurtsport")
    assert many == few
