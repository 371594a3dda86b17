"""Delivering the outbox over SMTP: once per mail, retried with back-off, safe under races."""

import smtplib
import socket
import threading
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from servicecentrum.notifications.sender import connect_smtp, retry_delay, send_due
from servicecentrum.notifications.services import queue_mail
from tests.conftest import app_for
from tests.factories import make_outbox_mail

REFUSED_ADDRESS = "bestaat-niet@proefstad.test"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RecordingHandler:
    """Accept every message except those for REFUSED_ADDRESS, and remember them."""

    def __init__(self):
        self.envelopes = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == REFUSED_ADDRESS:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        envelope.peer = session.peer
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


class SmtpServer:
    """A real SMTP server on loopback that a test can stop and start again."""

    def __init__(self):
        self.handler = RecordingHandler()
        self.port = free_port()
        self.controller = None

    @property
    def messages(self):
        return [message_from_bytes(e.original_content, policy=policy.default)
                for e in self.handler.envelopes]

    def start(self):
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp_server(app):
    """Run an SMTP server for the test and point the app's MAIL_* settings at it."""
    server = SmtpServer()
    server.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=server.port)
    yield server
    server.stop()


def reload(mail: OutboxMail) -> OutboxMail:
    db.session.expire_all()
    return db.session.get(OutboxMail, mail.id)


def queue_committed(to_address="an@proefstad.test", subject="Welkom") -> OutboxMail:
    mail = queue_mail(to_address, subject, "test_message", name="An de Vries")
    db.session.commit()
    return mail


def test_mail_send_delivers_a_queued_mail_over_smtp_exactly_once(app_ctx, smtp_server, runner):
    mail = queue_committed()

    result = runner.invoke(args=["mail", "send"])

    assert result.exit_code == 0, result.output
    assert "Sent: 1, failed: 0, given up: 0" in result.output
    [received] = smtp_server.messages
    assert received["To"] == "an@proefstad.test"
    assert received["Subject"] == "Welkom"
    assert received["Message-ID"] == mail.message_id
    assert received["From"] == app_ctx.config["MAIL_DEFAULT_SENDER"]
    assert received["Date"]
    text = received.get_body(("plain",)).get_content()
    html = received.get_body(("html",)).get_content()
    assert "Dit is een testbericht van Servicecentrum Integratie voor An de Vries." in text
    assert "<p>Dit is een testbericht van Servicecentrum Integratie voor An de Vries.</p>" in html
    sent = reload(mail)
    assert sent.status == "sent"
    assert sent.sent_at is not None

    again = runner.invoke(args=["mail", "send"])

    assert "Sent: 0, failed: 0, given up: 0" in again.output
    assert len(smtp_server.messages) == 1


def test_text_only_mail_is_sent_without_html_part(app_ctx, smtp_server):
    make_outbox_mail(body_text="Alleen tekst.")

    assert send_due().sent == 1

    [received] = smtp_server.messages
    assert not received.is_multipart()
    assert received.get_content().strip() == "Alleen tekst."


def test_all_mails_of_a_run_share_one_smtp_connection(app_ctx, smtp_server):
    for n in range(3):
        queue_committed(subject=f"Bericht {n}")

    assert send_due().sent == 3

    assert len(smtp_server.handler.envelopes) == 3
    assert len({envelope.peer for envelope in smtp_server.handler.envelopes}) == 1


def test_run_sends_oldest_due_mails_first_and_at_most_the_limit(app_ctx, smtp_server):
    now = utcnow()
    newest = make_outbox_mail(subject="Nieuwst", next_attempt_at=now - timedelta(minutes=1))
    oldest = make_outbox_mail(subject="Oudst", next_attempt_at=now - timedelta(minutes=3))
    middle = make_outbox_mail(subject="Midden", next_attempt_at=now - timedelta(minutes=2))

    assert send_due(limit=2, now=now).sent == 2

    assert [m["Subject"] for m in smtp_server.messages] == ["Oudst", "Midden"]
    assert [reload(m).status for m in (oldest, middle, newest)] == ["sent", "sent", "pending"]


def test_mail_that_is_not_due_yet_is_not_sent(app_ctx, smtp_server):
    mail = make_outbox_mail(next_attempt_at=utcnow() + timedelta(minutes=5))

    assert send_due().sent == 0

    assert smtp_server.messages == []
    assert reload(mail).status == "pending"


def test_unreachable_server_puts_the_mail_back_with_back_off_without_crashing(
    app_ctx, smtp_server, runner
):
    mail = queue_committed()
    smtp_server.stop()  # connection refused from now on
    before = utcnow()

    result = runner.invoke(args=["mail", "send"])

    assert result.exit_code == 0, result.output
    assert "Sent: 0, failed: 1, given up: 0" in result.output
    failed = reload(mail)
    assert failed.status == "pending"
    assert failed.attempts == 1
    assert failed.next_attempt_at >= before + retry_delay(1)
    assert failed.last_error.startswith("ConnectionRefusedError")


def test_failed_mail_is_not_retried_before_its_next_attempt_and_is_sent_after(
    app_ctx, smtp_server
):
    mail = queue_committed()
    smtp_server.stop()
    now = utcnow()
    assert send_due(now=now).failed == 1
    retry_at = reload(mail).next_attempt_at
    assert retry_at == now + timedelta(minutes=1)
    smtp_server.start()

    early = send_due(now=retry_at - timedelta(seconds=1))

    assert (early.sent, early.failed) == (0, 0)
    assert smtp_server.messages == []
    assert reload(mail).attempts == 1

    assert send_due(now=retry_at).sent == 1

    assert len(smtp_server.messages) == 1
    assert reload(mail).status == "sent"


def test_unreachable_server_ends_the_run_and_leaves_the_other_mails_untouched(
    app_ctx, smtp_server
):
    mails = [queue_committed(subject=f"Bericht {n}") for n in range(3)]
    smtp_server.stop()

    report = send_due()

    assert (report.sent, report.failed, report.given_up) == (0, 1, 0)
    assert sorted(reload(m).attempts for m in mails) == [0, 0, 1]
    assert {reload(m).status for m in mails} == {"pending"}


def test_mail_is_given_up_after_max_attempts(app_ctx, smtp_server):
    app_ctx.config["MAIL_MAX_ATTEMPTS"] = 3
    mail = queue_committed()
    smtp_server.stop()
    now = utcnow()

    reports = []
    for _ in range(3):
        reports.append(send_due(now=now))
        now = reload(mail).next_attempt_at

    assert [(r.failed, r.given_up) for r in reports] == [(1, 0), (1, 0), (0, 1)]
    given_up = reload(mail)
    assert given_up.status == "failed"
    assert given_up.attempts == 3
    smtp_server.start()
    assert send_due(now=now + timedelta(days=30)).sent == 0
    assert smtp_server.messages == []


def test_back_off_doubles_per_attempt_and_is_capped_at_six_hours():
    assert [retry_delay(n) for n in (1, 2, 3, 4)] == [
        timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4), timedelta(minutes=8)
    ]
    assert retry_delay(9) == timedelta(minutes=256)
    assert retry_delay(10) == timedelta(hours=6)
    assert retry_delay(1000) == timedelta(hours=6)


def test_refused_recipient_counts_as_failed_and_is_retried_later(app_ctx, smtp_server):
    refused = queue_committed(to_address=REFUSED_ADDRESS)
    accepted = queue_committed(to_address="an@proefstad.test")
    now = utcnow()

    report = send_due(now=now)

    assert (report.sent, report.failed, report.given_up) == (1, 1, 0)
    assert [m["To"] for m in smtp_server.messages] == ["an@proefstad.test"]
    assert reload(accepted).status == "sent"
    retry = reload(refused)
    assert retry.status == "pending"
    assert retry.attempts == 1
    assert retry.next_attempt_at == now + timedelta(minutes=1)
    assert "550" in retry.last_error
    assert "Mailbox unavailable" in retry.last_error

    assert send_due(now=retry.next_attempt_at).failed == 1
    assert reload(refused).attempts == 2


def test_error_message_never_contains_the_smtp_password(app_ctx):
    app_ctx.config["MAIL_PASSWORD"] = "geheim-wachtwoord"
    mail = make_outbox_mail()

    def login_fails():
        raise smtplib.SMTPAuthenticationError(535, b"5.7.8 Bad credentials: geheim-wachtwoord")

    assert send_due(smtp_factory=login_fails).failed == 1

    error = reload(mail).last_error
    assert "535" in error
    assert "geheim-wachtwoord" not in error


def test_mail_claimed_by_another_sender_is_skipped(app_ctx, smtp_server):
    claimed = make_outbox_mail(status="sending", claimed_at=utcnow())

    report = send_due()

    assert (report.sent, report.failed, report.given_up) == (0, 0, 0)
    assert smtp_server.messages == []
    assert reload(claimed).status == "sending"


def test_second_sender_finds_nothing_to_do_while_the_first_is_sending(app_ctx, smtp_server):
    mail = queue_committed()
    second_reports = []

    def connect_after_a_rival_run():
        # The first sender has claimed the mail and is about to talk SMTP: a second
        # sender starting right now must leave the mail alone.
        second_reports.append(send_due(smtp_factory=connect_smtp))
        return connect_smtp()

    first = send_due(smtp_factory=connect_after_a_rival_run)

    [second] = second_reports
    assert (second.sent, second.failed, second.given_up) == (0, 0, 0)
    assert first.sent == 1
    assert len(smtp_server.messages) == 1
    assert reload(mail).status == "sent"


def test_mail_left_in_sending_after_a_crash_is_never_sent_again(app_ctx, smtp_server):
    mail = queue_committed()

    class Crash(BaseException):
        pass

    def crash_after_claim():
        raise Crash  # the process dies between claiming and delivering

    with pytest.raises(Crash):
        send_due(smtp_factory=crash_after_claim)
    db.session.rollback()
    assert reload(mail).status == "sending"

    report = send_due(now=utcnow() + timedelta(days=7))

    assert report.sent == 0
    assert smtp_server.messages == []
    assert reload(mail).status == "sending"


def test_two_concurrent_senders_deliver_every_mail_exactly_once(tmp_path, database_url):
    # Each thread needs its own database connection: a file instead of in-memory SQLite.
    file_db = {} if database_url else {"DATABASE_URL": f"sqlite:///{tmp_path / 'race.db'}"}
    server = SmtpServer()
    server.start()
    try:
        with app_for(tmp_path, database_url, MAIL_PORT=server.port, **file_db) as app:
            with app.app_context():
                queued = [queue_committed(subject=f"Bericht {n}").message_id for n in range(30)]
            start = threading.Barrier(2)
            reports = []

            def sender():
                with app.app_context():
                    start.wait()
                    reports.append(send_due())

            threads = [threading.Thread(target=sender) for _ in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)

            assert sum(r.sent for r in reports) == 30
            message_ids = [m["Message-ID"] for m in server.messages]
            assert sorted(message_ids) == sorted(queued)
            with app.app_context():
                statuses = db.session.scalars(select(OutboxMail.status)).all()
            assert set(statuses) == {"sent"}
    finally:
        server.stop()
