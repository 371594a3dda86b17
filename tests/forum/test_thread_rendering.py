"""The question page as each member sees it: the right buttons on every answer, one working CSRF
token for all its small forms, dates in the member's own time zone, and a render cost that does not
grow with the number of answers (no form field or translation per answer)."""

import re
from datetime import UTC, datetime

import pytest
import wtforms.fields.core
from jinja2 import pass_context

from servicecentrum import policies
from servicecentrum.auth.models import User
from servicecentrum.extensions import db
from servicecentrum.forum.models import Answer, AnswerVote, Question
from tests import factories
from tests.conftest import CSRF_PATTERN
from tests.forum.test_qa_helpers import make_answer, make_question

ARTICLE = re.compile(r'<article id="antwoord-(\d+)".*?</article>', re.S)


def _articles(html: str) -> dict[int, str]:
    return {int(match.group(1)): match.group(0) for match in ARTICLE.finditer(html)}


@pytest.fixture
def threads(app):
    """An open thread of the asker and a locked one, with own, others', expert, former and hidden answers."""
    with app.app_context():
        asker, other = factories.make_user(), factories.make_user()
        adviser, admin = factories.make_user(role="adviser"), factories.make_user(role="admin")
        open_question = make_question(asker)
        locked = make_question(other, is_locked=True)
        answers = [make_answer(open_question, other), make_answer(open_question, asker),
                   make_answer(open_question, adviser), make_answer(open_question, None),
                   make_answer(open_question, other, is_hidden=True),
                   make_answer(open_question, other, is_accepted=True),
                   make_answer(locked, asker), make_answer(locked, other)]
        return {"members": [asker.id, other.id, adviser.id, admin.id],
                "questions": [open_question.id, locked.id], "answers": [a.id for a in answers]}


def test_every_answer_shows_exactly_the_buttons_the_rules_allow_each_member(app, client, login, threads):
    for member_id in threads["members"]:
        with app.app_context():
            login(client, member_id)
        pages = {}
        for question_id in threads["questions"]:
            pages.update(_articles(client.get(f"/vragen/{question_id}").get_data(as_text=True)))
        with app.app_context():
            member = db.session.get(User, member_id)
            for answer_id in threads["answers"]:
                answer = db.session.get(Answer, answer_id)
                seen = (member_id, answer_id)
                if not policies.can_view_answer(member, answer):
                    assert answer_id not in pages, seen
                    continue
                article = pages[answer_id]
                buttons = {action: f"/vragen/antwoorden/{answer_id}/{action}" in article
                           for action in ("nuttig", "accepteren", "bewerken")}
                assert buttons == {"nuttig": policies.can_vote(member, answer),
                                   "accepteren": policies.can_accept_answer(member, answer),
                                   "bewerken": policies.can_edit_post(member, answer)}, seen


def test_the_answers_forms_share_one_csrf_token_that_the_vote_accepts(app, client, login, threads):
    answer_id = threads["answers"][0]
    with app.app_context():
        login(client, threads["members"][0])  # the asker votes on the other officer's answer
    page = f"/vragen/{threads['questions'][0]}"
    html = client.get(page).get_data(as_text=True)
    tokens = set(CSRF_PATTERN.findall(html))
    assert len(tokens) == 1
    article = _articles(html)[answer_id]
    assert 'aria-pressed="false">Nuttig' in article
    refused = client.post(f"/vragen/antwoorden/{answer_id}/nuttig", data={"csrf_token": "vals"})
    assert refused.status_code == 400 and "Formulier verlopen" in refused.get_data(as_text=True)
    response = client.post(f"/vragen/antwoorden/{answer_id}/nuttig", data={"csrf_token": tokens.pop()})
    assert response.status_code == 302
    article = _articles(client.get(page).get_data(as_text=True))[answer_id]
    assert 'aria-pressed="true">Nuttig' in article and "1 lid vond dit nuttig" in article


def test_answer_dates_are_the_members_own_day_and_the_useful_line_counts_right(app, client, login):
    with app.app_context():
        question = make_question(factories.make_user())
        late = make_answer(question, None, useful_count=1,
                           created_at=datetime(2026, 3, 1, 23, 30, tzinfo=UTC))  # 2 March in Amsterdam
        early = make_answer(question, None, useful_count=2,
                            created_at=datetime(2026, 3, 1, 2, 30, tzinfo=UTC))  # 28 February on Curaçao
        amsterdam, curacao = factories.make_user().id, factories.make_user(time_zone="America/Curacao").id
        question_id, late_id, early_id = question.id, late.id, early.id
    with app.app_context():
        login(client, amsterdam)
    articles = _articles(client.get(f"/vragen/{question_id}").get_data(as_text=True))
    assert ">2 maart 2026</time> · 1 lid vond dit nuttig" in articles[late_id]
    assert 'datetime="2026-03-01T23:30:00+00:00"' in articles[late_id]
    assert ">1 maart 2026</time> · 2 leden vonden dit nuttig" in articles[early_id]
    assert "Antwoord van voormalig lid" in articles[early_id]
    with app.app_context():
        login(client, curacao)
    articles = _articles(client.get(f"/vragen/{question_id}").get_data(as_text=True))
    assert ">1 maart 2026</time>" in articles[late_id] and ">28 februari 2026</time>" in articles[early_id]
    with client.session_transaction() as session:
        session["lang"] = "en"
    articles = _articles(client.get(f"/vragen/{question_id}").get_data(as_text=True))
    assert "2 members found this useful" in articles[early_id]
    assert "Answer from former member" in articles[early_id]


def _thread(answers: int) -> int:
    asker = factories.make_user()
    question = Question(title="Een vraag met veel antwoorden", body="Tekst", author_id=asker.id)
    db.session.add(question)
    authors = [factories.make_user(), factories.make_user(role="adviser"), None, asker]
    for n in range(answers):
        db.session.add(Answer(question=question, body=f"Antwoord {n}", is_accepted=n == 1, useful_count=n % 3,
                              author_id=getattr(authors[n % 4], "id", None)))
    db.session.flush()
    for answer in question.answers[::2]:
        db.session.add(AnswerVote(answer_id=answer.id, user_id=asker.id))
    db.session.commit()
    return asker.id, question.id


@pytest.fixture
def render_counts(app, monkeypatch):
    """Count the templates' translations and WTForms field renders (reset the dict to start again)."""
    calls = {"gettext": 0, "field": 0}
    translate = app.jinja_env.globals["gettext"]

    @pass_context
    def counted_gettext(context, *args, **kwargs):
        calls["gettext"] += 1
        return translate(context, *args, **kwargs)

    render_field = wtforms.fields.core.Field.__call__

    def counted_field(self, *args, **kwargs):
        calls["field"] += 1
        return render_field(self, *args, **kwargs)

    monkeypatch.setitem(app.jinja_env.globals, "gettext", counted_gettext)
    monkeypatch.setattr(wtforms.fields.core.Field, "__call__", counted_field)
    return calls


def _counted_get(client, calls, url: str) -> tuple[dict, str]:
    client.get(url)  # warm up
    calls.update(gettext=0, field=0)
    html = client.get(url).get_data(as_text=True)
    return dict(calls), html


def test_a_thread_of_200_answers_translates_and_renders_form_fields_as_often_as_one_of_5(
        app, client, login, render_counts):
    counts = []
    for total in (5, 200):
        with app.app_context():
            asker_id, question_id = _thread(total)
            login(client, asker_id)  # the asker: "Nuttig" and "Markeer als beste antwoord" on most answers
        calls, html = _counted_get(client, render_counts, f"/vragen/{question_id}")
        assert html.count("Markeer als beste antwoord") == total - 1 and f"Antwoord {total - 1}" in html
        counts.append(calls)
    assert counts[0] == counts[1], counts
    assert counts[1]["gettext"] > 0 and counts[1]["field"] > 0  # the counters do count


def test_a_full_question_list_translates_as_often_as_a_list_of_one(app, client, login, render_counts):
    with app.app_context():
        theme = factories.make_theme()
        adviser = factories.make_user(role="adviser")  # sees hidden questions too
        login(client, adviser)
    counts = []
    for total in (1, 20):
        with app.app_context():
            db.session.query(Question).delete()
            for n in range(total):  # hidden, former member's, answered, locked, with themes: all on every row
                question = make_question(None, themes=[theme], is_hidden=True, is_locked=True,
                                         has_accepted_answer=True, title=f"Vraag {n:02d} over taal")
            assert question.author is None
        calls, html = _counted_get(client, render_counts, "/vragen")
        assert html.count("voormalig lid") == total and html.count("gesloten") == total
        counts.append(calls)
    assert counts[0] == counts[1], counts
