"""The review workflow: each step's status, remark, e-mail, audit entry, version and index update."""

import pytest
from sqlalchemy import select

from servicecentrum.audit.models import AuditEvent
from servicecentrum.extensions import db
from servicecentrum.library import workflow
from servicecentrum.library.models import PracticeComment, PracticeVersion
from servicecentrum.library.services import WrongStatus
from servicecentrum.notifications.models import OutboxMail
from tests import factories
from tests.library.helpers import make_practice, outbox_ids


def _mails():
    return db.session.scalars(select(OutboxMail).order_by(OutboxMail.id)).all()


def _steps(practice):
    query = (select(PracticeComment).where(PracticeComment.practice_id == practice.id)
             .order_by(PracticeComment.id))
    return [(c.action, c.body) for c in db.session.scalars(query)]


@pytest.fixture
def people(app_ctx):
    return factories.make_user(name="Sanne Auteur"), factories.make_user(role="adviser", name="Ravi Adviseur")


def test_the_author_submits_a_draft_for_review_without_mailing_themselves(people):
    author, _adviser = people
    practice = make_practice(author=author, status="draft")
    workflow.submit(author, practice, "Klaar voor beoordeling")
    assert practice.status == "review" and practice.submitted_at is not None
    assert _steps(practice) == [("submitted", "Klaar voor beoordeling")]
    assert _mails() == []
    assert outbox_ids() == [practice.id]


def test_a_second_submit_is_refused_as_a_wrong_status(people):
    author, _adviser = people
    practice = make_practice(author=author, status="review")
    with pytest.raises(WrongStatus) as refused:
        workflow.submit(author, practice)
    assert refused.value.status == "review"


def test_asking_for_changes_returns_the_draft_with_the_remark_by_mail(people):
    author, adviser = people
    practice = make_practice(author=author, status="review", title="Brede school")
    workflow.request_changes(adviser, practice, "Voeg de kosten per kind toe.")
    assert practice.status == "draft"
    assert _steps(practice) == [("changes_requested", "Voeg de kosten per kind toe.")]
    [mail] = _mails()
    assert mail.to_address == author.email
    assert "Brede school" in mail.subject
    assert "Voeg de kosten per kind toe." in mail.body_text
    assert f"/praktijken/{practice.id}" in mail.body_text


def test_publishing_keeps_a_version_names_the_reviewer_audits_and_tells_the_author(people):
    author, adviser = people
    practice = make_practice(author=author, status="review")
    workflow.publish(adviser, practice, "Mooi voorbeeld", ip_address="192.0.2.7")
    assert practice.status == "published" and practice.published_at is not None
    assert practice.reviewer_id == adviser.id
    [version] = db.session.scalars(select(PracticeVersion)).all()
    assert (version.number, version.title, version.changed_by_id) == (1, practice.title, adviser.id)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "practice_published"))
    assert (event.actor_id, event.target_type, event.target_id) == (adviser.id, "practice", practice.id)
    assert event.ip_address == "192.0.2.7" and event.details["version"] == 1
    [mail] = _mails()
    assert mail.to_address == author.email and "gepubliceerd" in mail.subject
    assert outbox_ids() == [practice.id]


def test_republishing_an_unchanged_practice_adds_no_empty_version(people):
    author, adviser = people
    practice = make_practice(author=author, status="published")
    workflow.archive(adviser, practice)
    workflow.publish(adviser, practice)
    assert db.session.scalars(select(PracticeVersion.number)).all() == [1]


def test_archiving_takes_a_practice_out_of_the_library_audited_and_mailed(people):
    author, adviser = people
    practice = make_practice(author=author, status="published")
    workflow.archive(adviser, practice, "Verouderd", ip_address="192.0.2.8")
    assert practice.status == "archived"
    assert _steps(practice) == [("archived", "Verouderd")]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "practice_archived"))
    assert event.details["previous"] == "published"
    assert "De reden:\nVerouderd" in _mails()[0].body_text
    with pytest.raises(WrongStatus):
        workflow.archive(adviser, practice)


def test_remarks_mail_the_author_unless_the_author_wrote_them(people):
    author, adviser = people
    practice = make_practice(author=author, status="review")
    workflow.comment(author, practice, "Is dit zo duidelijk?")
    assert _mails() == []
    workflow.comment(adviser, practice, "Ja, maar noem de doelgroep.")
    [mail] = _mails()
    assert "Ja, maar noem de doelgroep." in mail.body_text and "Ravi Adviseur" in mail.body_text
    assert _steps(practice) == [("comment", "Is dit zo duidelijk?"),
                                ("comment", "Ja, maar noem de doelgroep.")]


def test_a_disabled_author_gets_no_mail(people):
    author, adviser = people
    author.status = "disabled"
    db.session.commit()
    practice = make_practice(author=author, status="review")
    workflow.publish(adviser, practice)
    assert _mails() == []


def test_staff_publish_their_own_draft_but_not_someone_elses_unsubmitted_one(people):
    author, adviser = people
    theirs = make_practice(author=author, status="draft")
    with pytest.raises(WrongStatus):
        workflow.publish(adviser, theirs)
    own = make_practice(author=adviser, status="draft")
    workflow.publish(adviser, own)
    assert (theirs.status, own.status) == ("draft", "published")
