"""The member's export holds their questions, answers and votes; deleting leaves "voormalig lid"."""

from servicecentrum.account import export
from servicecentrum.account import services as account
from servicecentrum.account.export import build_export
from servicecentrum.extensions import db
from servicecentrum.forum import member_data, services
from servicecentrum.forum.models import Answer, Question
from tests import factories
from tests.forum.test_qa_helpers import make_answer, make_question


def test_the_export_lists_the_members_questions_answers_and_votes(app_ctx, monkeypatch):
    # tests/account/test_export.py registers and then pops a section named "questions" too.
    monkeypatch.setitem(export.EXPORT_SECTIONS, "questions", member_data.questions_section)
    member, other = factories.make_user(), factories.make_user()
    mine = make_question(member, title="Mijn eigen vraag over taal")
    make_question(other, title="Andermans vraag")
    answer = make_answer(mine, member, body="Mijn antwoord")
    theirs = make_answer(mine, other, body="Hun antwoord")
    services.toggle_vote(member, theirs)
    section = build_export(db.session.get(type(member), member.id))["sections"]["questions"]
    assert [q["title"] for q in section["questions"]] == ["Mijn eigen vraag over taal"]
    assert [a["id"] for a in section["answers"]] == [answer.id]
    assert [v["answer_id"] for v in section["votes"]] == [theirs.id]
    assert "Andermans vraag" not in str(section) and "Hun antwoord" not in str(section)


def test_a_deleted_members_posts_stay_without_author_and_their_votes_go(app_ctx):
    member, other = factories.make_user(), factories.make_user()
    question = make_question(member)
    answer = make_answer(question, member)
    theirs = make_answer(question, other)
    services.toggle_vote(member, theirs)
    question_id, answer_id, theirs_id = question.id, answer.id, theirs.id
    account.delete_account(db.session.get(type(member), member.id), factories.PASSWORD)
    db.session.expire_all()
    assert db.session.get(Question, question_id).author_id is None
    assert db.session.get(Answer, answer_id).author_id is None
    assert db.session.get(Answer, theirs_id).useful_count == 0
