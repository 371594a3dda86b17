"""Reports and moderation: hide, restore, lock, move, each audited and closing the reports."""

from sqlalchemy import select

from servicecentrum.audit.models import AuditEvent
from servicecentrum.extensions import db
from servicecentrum.forum import moderation
from servicecentrum.forum.models import PostReport, Question
from servicecentrum.search.models import SearchOutboxEntry
from tests import factories
from tests.forum.test_notify_helpers import make_answer, make_question


def _actions():
    return [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_a_report_lands_in_the_queue_newest_first(app_ctx):
    member = factories.make_user()
    older, newer = make_question(title="Eerste vraag over inburgering"), make_question()
    answer = make_answer(newer)
    moderation.report_post(member, older, "Reclame")
    moderation.report_post(member, answer, "Naam van een inwoner")
    page, rows = moderation.open_reports()
    assert page.total == 2
    assert [row.report.reason for row in rows] == ["Naam van een inwoner", "Reclame"]
    assert rows[0].post.id == answer.id and rows[0].reporter.id == member.id
    assert "post_reported" in _actions()


def test_hiding_an_answer_resolves_its_reports_recounts_and_reindexes(app_ctx):
    adviser, member = factories.make_user(role="adviser"), factories.make_user()
    question = make_question()
    answer = make_answer(question, is_accepted=True)
    question.has_accepted_answer = True
    db.session.commit()
    moderation.report_post(member, answer, "Beledigend")
    moderation.hide_post(adviser, answer, "Beledigende tekst")
    assert answer.is_hidden and answer.hidden_reason == "Beledigende tekst"
    assert question.answer_count == 0 and not question.has_accepted_answer
    report = db.session.scalar(select(PostReport))
    assert report.resolved_at is not None and report.resolution == "hidden"
    assert report.resolved_by_id == adviser.id
    outbox = {(e.doc_type, e.doc_id) for e in db.session.scalars(select(SearchOutboxEntry))}
    assert ("answer", answer.id) in outbox
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "answer_hidden"))
    assert event.actor_id == adviser.id and event.details["reports_resolved"] == 1
    assert moderation.open_reports()[0].total == 0


def test_restoring_a_question_shows_it_again_and_is_audited(app_ctx):
    adviser = factories.make_user(role="adviser")
    question = make_question()
    make_answer(question)
    moderation.hide_post(adviser, question, "Dubbele vraag")
    assert question.is_hidden
    outbox = {(e.doc_type, e.doc_id) for e in db.session.scalars(select(SearchOutboxEntry))}
    assert ("question", question.id) in outbox and ("answer", question.answers[0].id) in outbox
    moderation.restore_post(adviser, question, "Toch geen dubbele vraag")
    assert not question.is_hidden and question.hidden_reason is None
    assert _actions()[-2:] == ["question_hidden", "question_restored"]


def test_locking_and_moving_a_question_are_audited_and_resolve_reports(app_ctx):
    adviser, member = factories.make_user(role="adviser"), factories.make_user()
    old_theme, new_theme = factories.make_theme(name="Onderwijs"), factories.make_theme(name="Werk")
    question = make_question(themes=[old_theme])
    moderation.report_post(member, question, "Verkeerd thema")
    moderation.move_question(adviser, question, [new_theme.id])
    assert [t.name for t in db.session.get(Question, question.id).themes] == ["Werk"]
    moderation.set_locked(adviser, question, True)
    assert question.is_locked
    moderation.set_locked(adviser, question, False)
    assert not question.is_locked
    assert _actions()[-3:] == ["question_moved", "question_locked", "question_unlocked"]
    assert db.session.scalar(select(PostReport)).resolution == "moved"


def test_dismissing_a_report_leaves_the_post_alone(app_ctx):
    adviser, member = factories.make_user(role="adviser"), factories.make_user()
    question = make_question()
    report = moderation.report_post(member, question, "Twijfel")
    moderation.dismiss_report(adviser, report)
    assert report.resolution == "dismissed" and not question.is_hidden
    assert "post_report_dismissed" in _actions()
