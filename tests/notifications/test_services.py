"""Queueing e-mails: rendered from templates, stored only with the caller's commit."""

import pytest
from jinja2 import ChoiceLoader, DictLoader, TemplateNotFound
from sqlalchemy import func, select

from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from servicecentrum.notifications.services import queue_mail


def count_mails() -> int:
    return db.session.scalar(select(func.count()).select_from(OutboxMail))


def test_queued_mail_disappears_when_the_callers_transaction_rolls_back(app_ctx):
    queue_mail("an@proefstad.test", "Welkom", "test_message", name="An")
    db.session.flush()  # the row is written inside the caller's transaction ...
    assert count_mails() == 1

    db.session.rollback()  # ... and goes with it

    assert count_mails() == 0


def test_queued_mail_is_stored_with_rendered_text_and_html_when_the_caller_commits(app_ctx):
    queue_mail("an@proefstad.test", "Welkom", "test_message", name="An de Vries")
    db.session.commit()

    mail = db.session.scalars(select(OutboxMail)).one()
    assert mail.to_address == "an@proefstad.test"
    assert mail.subject == "Welkom"
    assert "Dit is een testbericht van Servicecentrum Integratie voor An de Vries." in mail.body_text
    assert "<p>Dit is een testbericht van Servicecentrum Integratie voor An de Vries.</p>" in (
        mail.body_html
    )
    assert mail.status == "pending"
    assert mail.attempts == 0
    assert mail.sent_at is None


def test_html_part_is_escaped_and_text_part_is_left_as_written(app_ctx):
    mail = queue_mail("an@proefstad.test", "Welkom", "test_message", name="Jansen & <Zn>")

    assert "voor Jansen & <Zn>." in mail.body_text
    assert "voor Jansen &amp; &lt;Zn&gt;." in mail.body_html


def test_mail_without_html_template_is_text_only(app):
    app.jinja_env.loader = ChoiceLoader(
        [DictLoader({"email/alleen_tekst.txt": "Hallo {{ name }}."}), app.jinja_env.loader]
    )
    with app.app_context():
        mail = queue_mail("an@proefstad.test", "Tekst", "alleen_tekst", name="An")

    assert mail.body_text == "Hallo An."
    assert mail.body_html is None


def test_unknown_template_is_refused_and_queues_nothing(app_ctx):
    with pytest.raises(TemplateNotFound):
        queue_mail("an@proefstad.test", "Welkom", "bestaat_niet")

    assert count_mails() == 0


def test_every_mail_gets_its_own_message_id_on_the_sender_domain(app_ctx):
    app_ctx.config["MAIL_DEFAULT_SENDER"] = "Servicecentrum <noreply@forum.example>"
    first = queue_mail("an@proefstad.test", "Een", "test_message", name="An")
    second = queue_mail("an@proefstad.test", "Twee", "test_message", name="An")
    db.session.commit()

    assert first.message_id != second.message_id
    for mail in (first, second):
        assert mail.message_id.startswith("<")
        assert mail.message_id.endswith("@forum.example>")


def test_line_breaks_in_a_subject_are_folded_into_one_line(app_ctx):
    mail = queue_mail("an@proefstad.test", "Vraag over\r\ninburgering ", "test_message", name="An")

    assert mail.subject == "Vraag over inburgering"
