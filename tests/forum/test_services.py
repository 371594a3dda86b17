"""Asking, answering, voting, accepting and editing, as the services enforce them."""

import pytest
from sqlalchemy import select

from servicecentrum.audit.models import AuditEvent
from servicecentrum.extensions import db
from servicecentrum.forum import revisions, services
from servicecentrum.forum.forms import parse_tags
from servicecentrum.forum.models import PostRevision, Tag
from servicecentrum.search.models import SearchOutboxEntry
from tests import factories
from tests.forum.test_qa_helpers import make_answer, make_question


def _outbox():
    return {(e.doc_type, e.doc_id) for e in db.session.scalars(select(SearchOutboxEntry))}


def test_tags_are_trimmed_lower_case_and_unique_in_typed_order():
    assert parse_tags(" Taalcoaching, statushouders ,taalcoaching,, Voor  Ouders") == [
        "taalcoaching", "statushouders", "voor ouders"]


def test_asking_stores_themes_tags_organisation_and_queues_the_index(app_ctx):
    officer, theme = factories.make_user(), factories.make_theme()
    factories_tag = Tag(name="taal")
    db.session.add(factories_tag)
    db.session.commit()
    question = services.ask_question(officer, services.QuestionData(
        title="Hoe werven jullie taalcoaches?", body="Wie heeft ervaring?", theme_ids=[theme.id],
        tags=["taal", "vrijwilligers"]), ip_address="10.0.0.1")
    assert question.organisation_id == officer.organisation_id
    assert [t.name for t in question.tags] == ["taal", "vrijwilligers"]
    assert question.themes == [theme]
    assert db.session.scalar(select(db.func.count(Tag.id))) == 2
    assert ("question", question.id) in _outbox()
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "question_created"))
    assert event.ip_address == "10.0.0.1"


def test_an_advisers_answer_carries_the_expert_mark_and_counts(app_ctx):
    question = make_question(factories.make_user())
    adviser = factories.make_user(role="adviser")
    answer = services.post_answer(adviser, question, "Kijk naar de aanpak in Zwolle.")
    assert answer.is_expert
    assert question.answer_count == 1
    assert ("answer", answer.id) in _outbox()
    peer = services.post_answer(factories.make_user(), question, "Wij werken met maatjes.")
    assert not peer.is_expert


def test_a_locked_question_takes_no_answers(app_ctx):
    question = make_question(factories.make_user(), is_locked=True)
    with pytest.raises(services.ForumError):
        services.post_answer(factories.make_user(), question, "Toch een antwoord.")


def test_a_vote_toggles_and_own_answers_cannot_be_voted(app_ctx):
    author, voter = factories.make_user(), factories.make_user()
    answer = make_answer(make_question(), author)
    assert services.toggle_vote(voter, answer) is True
    assert answer.useful_count == 1
    assert services.toggle_vote(voter, answer) is False
    assert answer.useful_count == 0
    with pytest.raises(services.ForumError):
        services.toggle_vote(author, answer)


def test_one_accepted_answer_per_question_and_the_choice_can_change(app_ctx):
    asker = factories.make_user()
    question = make_question(asker)
    first, second = make_answer(question), make_answer(question)
    services.toggle_accepted(asker, first)
    assert first.is_accepted and question.has_accepted_answer
    services.toggle_accepted(asker, second)
    assert second.is_accepted and not first.is_accepted and question.has_accepted_answer
    services.toggle_accepted(asker, second)
    assert not second.is_accepted and not question.has_accepted_answer


def test_edits_keep_the_previous_text_as_a_revision(app_ctx):
    author = factories.make_user()
    question = make_question(author, title="Oude titel van de vraag", body="Oude tekst")
    answer = make_answer(question, body="Eerste antwoord")
    changed = revisions.edit_question(author, question, services.QuestionData(
        title="Nieuwe titel van de vraag", body="Nieuwe tekst"))
    assert changed and question.title == "Nieuwe titel van de vraag"
    assert not revisions.edit_question(author, question, services.QuestionData(
        title="Nieuwe titel van de vraag", body="Nieuwe tekst"))
    assert revisions.edit_answer(author, answer, "Verbeterd antwoord")
    rows = db.session.scalars(select(PostRevision).order_by(PostRevision.id)).all()
    assert [(r.post_type, r.title, r.body) for r in rows] == [
        ("question", "Oude titel van de vraag", "Oude tekst"), ("answer", None, "Eerste antwoord")]
    assert {("question", question.id), ("answer", answer.id)} <= _outbox()
