"""Member-written Markdown is rendered once, when saved; pages show the stored, sanitised HTML."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select, text, update

from servicecentrum import text as markdown
from servicecentrum.account import services as account
from servicecentrum.database import utcnow
from servicecentrum.events import services as events
from servicecentrum.events.models import Event
from servicecentrum.extensions import db
from servicecentrum.forum import revisions
from servicecentrum.forum import services as forum
from servicecentrum.forum.models import Answer, PostRevision, Question
from servicecentrum.helpdesk import services as helpdesk
from servicecentrum.helpdesk.models import Ticket, TicketMessage
from servicecentrum.library import services as library
from servicecentrum.library.models import Practice
from tests import factories

HOSTILE = "Zie **dit** <script>alert('x')</script> en [klik](javascript:alert(1))"


def assert_sanitised(html: str) -> None:
    assert "<strong>dit</strong>" in html
    assert "<script" not in html and 'href="javascript' not in html


@pytest.fixture
def renders(monkeypatch):
    """Count every Markdown rendering (for pages and for plain text alike)."""
    calls = []
    original = markdown._render

    def spy(source):
        calls.append(source)
        return original(source)

    monkeypatch.setattr(markdown, "_render", spy)
    return calls


def _stored(model, row_id, column="body_html"):
    db.session.expire_all()
    return getattr(db.session.get(model, row_id), column)


def _tamper(model, row_id, html, column="body_html"):
    """Change only the stored HTML, the way a stale rendering would look."""
    db.session.execute(update(model.__table__).where(model.__table__.c.id == row_id).values({column: html}))
    db.session.commit()


# --- Saving stores the HTML -------------------------------------------------------------------


def test_asking_answering_and_editing_store_the_sanitised_html(app_ctx):
    officer = factories.make_user()
    question = forum.ask_question(officer, forum.QuestionData(title="Hoe pakt u dit aan?", body=HOSTILE))
    answer = forum.post_answer(factories.make_user(), question, "Wij doen het *zo*.")
    assert_sanitised(_stored(Question, question.id))
    assert _stored(Answer, answer.id) == "<p>Wij doen het <em>zo</em>.</p>\n"

    revisions.edit_question(officer, question, forum.QuestionData(title="Hoe pakt u dit aan?",
                                                                  body="## Nieuw kopje"))
    revisions.edit_answer(answer.author, answer, "Anders: **zo**.")
    assert _stored(Question, question.id) == "<h2>Nieuw kopje</h2>\n"
    assert _stored(Answer, answer.id) == "<p>Anders: <strong>zo</strong>.</p>\n"
    old = db.session.scalars(select(PostRevision.body_html).order_by(PostRevision.id)).all()
    assert_sanitised(old[0])
    assert old[1] == "<p>Wij doen het <em>zo</em>.</p>\n"


def _practice_data(body):
    return library.PracticeData(title="Taalcafé in de bibliotheek", summary="Samen Nederlands oefenen.",
                                body=body)


def test_a_practice_stores_its_html_and_an_edit_renders_it_again(app_ctx):
    author = factories.make_user()
    practice = library.create_practice(author, _practice_data(HOSTILE))
    assert_sanitised(_stored(Practice, practice.id))
    library.update_practice(author, db.session.get(Practice, practice.id), _practice_data("- stap een"))
    assert _stored(Practice, practice.id) == "<ul>\n<li>stap een</li>\n</ul>\n"


def _event_data(description):
    starts = utcnow().replace(microsecond=0) + timedelta(days=14)
    return events.EventData(kind="masterclass", title="Masterclass inburgering", description=description,
                            starts_at=starts, ends_at=starts + timedelta(hours=3), capacity=20)


def test_an_event_stores_its_description_as_html(app_ctx):
    adviser = factories.make_user("adviser")
    event = events.create_event(adviser, _event_data(HOSTILE))
    assert_sanitised(_stored(Event, event.id, "description_html"))
    events.update_event(db.session.get(Event, event.id), adviser, _event_data("Met **lunch**."))
    assert _stored(Event, event.id, "description_html") == "<p>Met <strong>lunch</strong>.</p>\n"


def test_a_ticket_and_its_messages_store_their_html(app_ctx):
    ticket = factories.make_ticket(body=HOSTILE)
    message = helpdesk.add_message(ticket, ticket.requester, "Nog een *aanvulling*.")
    assert_sanitised(_stored(Ticket, ticket.id))
    assert _stored(TicketMessage, message.id) == "<p>Nog een <em>aanvulling</em>.</p>\n"


def test_rows_inserted_in_bulk_get_their_html_too(app, runner):
    result = runner.invoke(args=["demo", "generate", "--members", "5", "--practices", "5", "--questions",
                                 "5", "--tickets", "5", "--events", "2", "--seed", "3"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        for model, column in ((Practice, Practice.body_html), (Question, Question.body_html),
                              (Answer, Answer.body_html), (Ticket, Ticket.body_html),
                              (Event, Event.description_html)):
            assert db.session.scalar(select(func.count()).select_from(model).where(column.is_(None))) == 0
        assert db.session.scalar(select(Practice.body_html).limit(1)).startswith("<")


def test_erasing_a_deleted_members_tickets_erases_their_html(app_ctx):
    officer = factories.make_user()
    ticket_id = factories.make_ticket(requester=officer, body="Mijn **persoonlijke** situatie").id
    account.delete_account(db.session.get(type(officer), officer.id), factories.PASSWORD)
    assert _stored(Ticket, ticket_id) == ""


# --- Pages show the stored HTML ---------------------------------------------------------------


def test_pages_show_the_stored_html(app, client, login):
    with app.app_context():
        officer, adviser = factories.make_user(), factories.make_user("adviser")
        question = forum.ask_question(officer, forum.QuestionData(title="Een vraag", body="Vraagtekst"))
        answer = forum.post_answer(officer, question, "Antwoordtekst")
        revisions.edit_answer(officer, answer, "Nieuwe antwoordtekst")
        practice = library.create_practice(officer, _practice_data("Praktijktekst"))
        event = factories.make_event(description="Beschrijving")
        ticket = factories.make_ticket(requester=officer, body="Ticketvraag")
        message = helpdesk.add_message(ticket, officer, "Ticketbericht")
        revision_id = db.session.scalar(select(PostRevision.id))
        for model, row_id, column, html in (
                (Question, question.id, "body_html", "<p>opgeslagen vraag</p>"),
                (Answer, answer.id, "body_html", "<p>opgeslagen antwoord</p>"),
                (PostRevision, revision_id, "body_html", "<p>opgeslagen oude tekst</p>"),
                (Practice, practice.id, "body_html", "<p>opgeslagen praktijk</p>"),
                (Event, event.id, "description_html", "<p>opgeslagen beschrijving</p>"),
                (Ticket, ticket.id, "body_html", "<p>opgeslagen ticketvraag</p>"),
                (TicketMessage, message.id, "body_html", "<p>opgeslagen ticketbericht</p>")):
            _tamper(model, row_id, html, column)
        ids = question.id, answer.id, practice.id, event.id, ticket.id, officer.id, adviser.id
    question_id, answer_id, practice_id, event_id, ticket_id, officer_id, adviser_id = ids
    login(client, officer_id)
    thread = client.get(f"/vragen/{question_id}").get_data(as_text=True)
    assert "<p>opgeslagen vraag</p>" in thread and "<p>opgeslagen antwoord</p>" in thread
    assert "Vraagtekst" not in thread
    history = client.get(f"/vragen/{question_id}/geschiedenis").get_data(as_text=True)
    assert "<p>opgeslagen oude tekst</p>" in history
    assert "<p>opgeslagen praktijk</p>" in client.get(f"/praktijken/{practice_id}").get_data(as_text=True)
    assert "<p>opgeslagen beschrijving</p>" in client.get(f"/bijeenkomsten/{event_id}").get_data(as_text=True)
    ticket_page = client.get(f"/helpdesk/{ticket_id}").get_data(as_text=True)
    assert "<p>opgeslagen ticketvraag</p>" in ticket_page and "<p>opgeslagen ticketbericht</p>" in ticket_page
    login(client, adviser_id)
    moderation = client.get(f"/vragen/moderatie/answer/{answer_id}").get_data(as_text=True)
    assert "<p>opgeslagen antwoord</p>" in moderation


def test_a_thread_with_many_answers_is_shown_without_rendering_any_markdown(app, client, login, renders):
    with app.app_context():
        officer = factories.make_user()
        question = forum.ask_question(officer, forum.QuestionData(title="Veel antwoorden", body="**Vraag**"))
        for n in range(40):
            db.session.add(Answer(question=question, body=f"Antwoord *{n}*", author_id=officer.id))
        db.session.commit()
        question_id, officer_id = question.id, officer.id
    login(client, officer_id)
    renders.clear()
    page = client.get(f"/vragen/{question_id}").get_data(as_text=True)
    assert "<p>Antwoord <em>39</em></p>" in page and "<strong>Vraag</strong>" in page
    assert renders == []


def test_a_row_without_stored_html_is_rendered_on_the_fly_and_not_written(app, client, login, renders):
    with app.app_context():
        officer = factories.make_user()
        question = forum.ask_question(officer, forum.QuestionData(title="Van voor de migratie", body="_oud_"))
        _tamper(Question, question.id, None)
        question_id, officer_id = question.id, officer.id
    login(client, officer_id)
    assert "<p><em>oud</em></p>" in client.get(f"/vragen/{question_id}").get_data(as_text=True)
    assert "_oud_" in renders
    with app.app_context():
        assert _stored(Question, question_id) is None


# --- Rendering everything again ---------------------------------------------------------------


def test_rerender_repairs_stale_html_and_a_second_run_changes_nothing(app, runner):
    with app.app_context():
        officer = factories.make_user()
        question = forum.ask_question(officer, forum.QuestionData(title="Vraag", body="**Echt**"))
        forum.post_answer(officer, question, "Klopt")
        event = factories.make_event(description="Programma")
        _tamper(Question, question.id, "<p>verouderd</p>")
        _tamper(Event, event.id, None, "description_html")
        question_id, event_id = question.id, event.id

    result = runner.invoke(args=["text", "rerender", "--batch-size", "1"])
    assert result.exit_code == 0, result.output
    assert "questions: 1 of 1 rows updated" in result.output
    assert "events: 1 of 1 rows updated" in result.output
    assert "answers: 0 of 1 rows updated" in result.output
    with app.app_context():
        assert _stored(Question, question_id) == "<p><strong>Echt</strong></p>\n"
        assert _stored(Event, event_id, "description_html") == "<p>Programma</p>\n"

    again = runner.invoke(args=["text", "rerender"])
    assert again.exit_code == 0, again.output
    lines = again.output.splitlines()
    assert len(lines) == 7 and all(": 0 of " in line for line in lines)


# --- The migration fills existing rows --------------------------------------------------------


def test_the_migration_renders_the_rows_that_already_exist_and_its_downgrade_keeps_them(tmp_path):
    from flask_migrate import downgrade, upgrade

    from servicecentrum import create_app
    from tests.conftest import base_config

    app = create_app(base_config(tmp_path, f"sqlite:///{tmp_path}/old.db"))
    with app.app_context():
        upgrade(revision="0008_notification_centre")
        now = utcnow().replace(tzinfo=None)
        db.session.execute(text(
            "INSERT INTO questions (id, title, body, has_accepted_answer, answer_count, is_locked,"
            " is_hidden, created_at, updated_at, last_activity_at)"
            " VALUES (1, 'Oud', :body, 0, 1, 0, 0, :now, :now, :now)"),
            {"body": HOSTILE, "now": now})
        db.session.execute(text(
            "INSERT INTO answers (question_id, body, is_expert, is_accepted, useful_count, is_hidden,"
            " created_at, updated_at) VALUES (1, '*Zo*', 0, 0, 0, 0, :now, :now)"), {"now": now})
        db.session.commit()
        upgrade(revision="0009_rendered_html")
        assert_sanitised(db.session.execute(text("SELECT body_html FROM questions")).scalar())
        assert db.session.execute(text("SELECT body_html FROM answers")).scalar() == "<p><em>Zo</em></p>\n"
        db.session.commit()
        downgrade(revision="0008_notification_centre")
        assert db.session.execute(text("SELECT body FROM answers")).scalar() == "*Zo*"
