"""The question pages as members use them: list, ask, answer, vote, accept, edit, history."""

from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.forum.models import Answer, PostRevision, Question
from tests import factories
from tests.forum.test_qa_helpers import make_answer, make_question


def _member(app, client, login, role="officer"):
    with app.app_context():
        user = factories.make_user(role=role)
        login(client, user)
        return user.id


def test_the_list_shows_visible_questions_and_filters_them(app, client, login):
    with app.app_context():
        theme = factories.make_theme(slug="onderwijs", name="Onderwijs")
        make_question(title="Schooluitval onder nieuwkomers?", themes=[theme])
        open_question = make_question(title="Taalcoaches werven, hoe?")
        make_question(title="Verborgen vraag over iets", is_hidden=True)
        make_answer(make_question(title="Beantwoorde vraag over werk"))
        open_id = open_question.id
    _member(app, client, login)
    page = client.get("/vragen").get_data(as_text=True)
    assert "Schooluitval onder nieuwkomers?" in page and "Taalcoaches werven" in page
    assert "Verborgen vraag" not in page
    themed = client.get("/vragen?theme=onderwijs").get_data(as_text=True)
    assert "Schooluitval" in themed and "Taalcoaches" not in themed
    unanswered = client.get("/vragen?unanswered=y").get_data(as_text=True)
    assert "Beantwoorde vraag" not in unanswered and f"/vragen/{open_id}" in unanswered
    assert "Taalcoaches" not in client.get("/vragen?mine=y").get_data(as_text=True)
    assert client.get("/vragen?sort=onzin&theme=niets&organisation=x").status_code == 200


def test_advisers_see_hidden_questions_marked_as_hidden(app, client, login):
    with app.app_context():
        question = make_question(title="Verborgen vraag over iets", is_hidden=True)
        question_id = question.id
    _member(app, client, login, role="adviser")
    assert "Verborgen vraag" in client.get("/vragen").get_data(as_text=True)
    page = client.get(f"/vragen/{question_id}").get_data(as_text=True)
    assert "verborgen" in page


def test_asking_without_javascript_shows_similar_content_first_then_posts(app, client, login,
                                                                          post_form):
    with app.app_context():
        make_question(title="Hoe pakken jullie schooluitval aan?")
        from servicecentrum.search.sync import drain
        drain()
    _member(app, client, login)
    data = {"title": "Schooluitval bij statushouders voorkomen", "body": "Wie heeft tips?",
            "tags": "Onderwijs, Jongeren"}
    first = post_form(client, "/vragen/nieuw", data, page="/vragen/nieuw")
    html = first.get_data(as_text=True)
    assert first.status_code == 200 and "Bekijk dit eerst" in html
    assert "Hoe pakken jullie" in html
    assert 'name="confirmed" type="hidden" value="1"' in html or 'value="1"' in html
    assert "Wie heeft tips?" in html and "Onderwijs, Jongeren" in html
    with app.app_context():
        assert db.session.scalar(select(db.func.count(Question.id))) == 1
    second = post_form(client, "/vragen/nieuw", {**data, "confirmed": "1"}, page="/vragen/nieuw")
    assert second.status_code == 302
    with app.app_context():
        question = db.session.scalar(select(Question).order_by(Question.id.desc()))
        assert [tag.name for tag in question.tags] == ["jongeren", "onderwijs"]


def test_a_question_without_similar_content_is_posted_at_once(app, client, login, post_form):
    with app.app_context():
        theme_id = factories.make_theme(name="Werk").id
    _member(app, client, login)
    response = post_form(client, "/vragen/nieuw", {"title": "Xyzzy plugh quux frobnicate",
                                                   "themes": str(theme_id)}, page="/vragen/nieuw")
    assert response.status_code == 302
    with app.app_context():
        question = db.session.scalar(select(Question))
        assert [theme.name for theme in question.themes] == ["Werk"]


def test_bad_questions_get_dutch_messages_keep_the_input_and_422(app, client, login, post_form):
    _member(app, client, login)
    response = post_form(client, "/vragen/nieuw", {"title": "Kort", "body": "Mijn toelichting",
                                                    "tags": "a, b, c, d, e, f", "themes": "999"},
                         page="/vragen/nieuw")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "De vraag is tussen 10 en 200 tekens lang." in html
    assert "Geef hoogstens 5 trefwoorden" in html
    assert "Kies uit de lijst." in html
    assert "Mijn toelichting" in html


def test_similar_answers_json_for_members(app, client, login):
    _member(app, client, login)
    response = client.get("/vragen/vergelijkbaar?q=schooluitval")
    assert response.status_code == 200 and response.json == {"items": []}


def test_answering_voting_and_accepting_in_a_thread(app, client, login, post_form):
    with app.app_context():
        asker = factories.make_user()
        question = make_question(asker, body="Zie <script>alert(1)</script> **dit**")
        other = make_answer(question, factories.make_user(), body="Eerder antwoord")
        question_id, other_id, asker_id = question.id, other.id, asker.id
    page = f"/vragen/{question_id}"
    _member(app, client, login, role="adviser")
    html = client.get(page).get_data(as_text=True)
    assert "<script>alert" not in html and "<strong>dit</strong>" in html
    empty = post_form(client, f"/vragen/{question_id}/antwoorden", {"body": ""}, page=page)
    assert empty.status_code == 422 and "Vul uw antwoord in." in empty.get_data(as_text=True)
    response = post_form(client, f"/vragen/{question_id}/antwoorden", {"body": "Advies van FORUM"},
                         page=page)
    assert response.status_code == 302
    assert post_form(client, f"/vragen/antwoorden/{other_id}/nuttig", page=page).status_code == 302
    html = client.get(page).get_data(as_text=True)
    assert "Expert van FORUM" in html and "1 lid vond dit nuttig" in html
    with app.app_context():
        mine = db.session.scalar(select(Answer).where(Answer.body == "Advies van FORUM"))
        mine_id = mine.id
    assert post_form(client, f"/vragen/antwoorden/{mine_id}/nuttig", page=page).status_code == 403
    with app.app_context():
        login(client, asker_id)
    assert post_form(client, f"/vragen/antwoorden/{mine_id}/accepteren", page=page).status_code == 302
    html = client.get(page).get_data(as_text=True)
    assert html.index("Advies van FORUM") < html.index("Eerder antwoord")
    assert "Beste antwoord" in html


def test_locked_questions_take_no_answers(app, client, login, post_form):
    with app.app_context():
        question_id = make_question(is_locked=True).id
    _member(app, client, login)
    html = client.get(f"/vragen/{question_id}").get_data(as_text=True)
    assert "Deze vraag is gesloten" in html and 'name="body"' not in html
    response = post_form(client, f"/vragen/{question_id}/antwoorden", {"body": "Toch"})
    assert response.status_code == 403


def test_hidden_questions_404_and_hidden_answers_are_left_out_for_members(app, client, login):
    with app.app_context():
        hidden = make_question(is_hidden=True)
        question = make_question()
        make_answer(question, body="Verborgen antwoord", is_hidden=True)
        ids = hidden.id, question.id
    _member(app, client, login)
    assert client.get(f"/vragen/{ids[0]}").status_code == 404
    assert "Verborgen antwoord" not in client.get(f"/vragen/{ids[1]}").get_data(as_text=True)


def test_edits_are_kept_in_the_history(app, client, login, post_form):
    with app.app_context():
        author = factories.make_user()
        question = make_question(author, title="Eerste titel van mijn vraag", body="Eerste tekst")
        answer = make_answer(question, author, body="Eerste antwoordtekst")
        ids = author.id, question.id, answer.id
    with app.app_context():
        login(client, ids[0])
    edit = f"/vragen/{ids[1]}/bewerken"
    form = client.get(edit).get_data(as_text=True)
    assert "Eerste titel van mijn vraag" in form
    response = post_form(client, edit, {"title": "Betere titel van mijn vraag", "body": "Nieuwe tekst"},
                         page=edit)
    assert response.status_code == 302
    response = post_form(client, f"/vragen/antwoorden/{ids[2]}/bewerken", {"body": "Beter antwoord"},
                         page=edit)
    assert response.status_code == 302
    history = client.get(f"/vragen/{ids[1]}/geschiedenis").get_data(as_text=True)
    assert "Eerste titel van mijn vraag" in history and "Eerste antwoordtekst" in history
    with app.app_context():
        assert db.session.scalar(select(db.func.count(PostRevision.id))) == 2


def test_a_deleted_members_posts_show_former_member(app, client, login):
    with app.app_context():
        question = make_question(None, title="Vraag van iemand die vertrok")
        make_answer(question, None)
        question_id = question.id
    _member(app, client, login)
    assert "voormalig lid" in client.get(f"/vragen/{question_id}").get_data(as_text=True)


def test_followed_filter_shows_questions_followed_directly_or_by_theme_or_tag(app, client, login):
    from servicecentrum.forum import notify

    with app.app_context():
        member = factories.make_user()
        theme = factories.make_theme(name="Inburgering")
        direct = make_question(title="Direct gevolgde vraag over taal")
        make_question(title="Vraag binnen een gevolgd thema", themes=[theme])
        make_question(title="Vraag die niemand volgt hier")
        notify.follow(member, "question", direct.id)
        notify.follow(member, "theme", theme.id)
        db.session.commit()
        login(client, member)
    page = client.get("/vragen?followed=y").get_data(as_text=True)
    assert "Direct gevolgde vraag" in page and "gevolgd thema" in page
    assert "niemand volgt" not in page
