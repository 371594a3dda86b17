"""Deliver due outbox mails over SMTP (or to the console), each at most once, retrying failures later."""

import smtplib
import ssl
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime

from flask import current_app
from sqlalchemy import select, update

from ..database import utcnow
from ..extensions import db
from .models import OutboxMail

RETRY_BASE = timedelta(minutes=1)
RETRY_CAP = timedelta(hours=6)
MAX_ERROR_LENGTH = 500

SmtpFactory = Callable[[], smtplib.SMTP]


@dataclass
class SendReport:
    """Count what one run did: sent, failed (retried later) and given up for good."""

    sent: int = 0
    failed: int = 0
    given_up: int = 0


def send_due(limit: int = 100, now: datetime | None = None,
             smtp_factory: SmtpFactory | None = None) -> SendReport:
    """Send the mails that are due over one SMTP connection and report the outcome."""
    now = now or utcnow()
    report = SendReport()
    connection = _Connection(smtp_factory or default_factory())
    try:
        for mail_id in _due_ids(now, limit):
            if not _claim(mail_id, now):
                continue  # another sender claimed it between our select and our update
            server_reachable = _deliver(connection, mail_id, now, report)
            db.session.commit()
            if not server_reachable:
                break  # the other due mails wait, untouched, for the next run
    finally:
        connection.close()
    return report


def default_factory() -> SmtpFactory:
    """Return how to connect: SMTP, or the console when no mail server is configured."""
    from .console import connect_console, mail_backend

    return connect_console if mail_backend() == "console" else connect_smtp


def retry_delay(attempts: int) -> timedelta:
    """Return the wait after a mail's n-th failed attempt: doubling, capped at six hours."""
    return min(RETRY_BASE * 2 ** min(max(attempts - 1, 0), 20), RETRY_CAP)


def connect_smtp() -> smtplib.SMTP:
    """Open a logged-in SMTP connection as the MAIL_* settings describe."""
    config = current_app.config
    host, port, timeout = config["MAIL_SERVER"], config["MAIL_PORT"], config["MAIL_TIMEOUT"]
    if config["MAIL_USE_SSL"]:
        smtp = smtplib.SMTP_SSL(host, port, timeout=timeout, context=ssl.create_default_context())
    else:
        smtp = smtplib.SMTP(host, port, timeout=timeout)
    try:
        if config["MAIL_USE_TLS"] and not config["MAIL_USE_SSL"]:
            smtp.starttls(context=ssl.create_default_context())
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
    except BaseException:
        smtp.close()
        raise
    return smtp


def _due_ids(now: datetime, limit: int) -> list[int]:
    """Return the ids of pending mails whose time has come, longest waiting first."""
    ids = db.session.scalars(
        select(OutboxMail.id)
        .where(OutboxMail.status == "pending", OutboxMail.next_attempt_at <= now)
        .order_by(OutboxMail.next_attempt_at, OutboxMail.id)
        .limit(limit)
    ).all()
    db.session.commit()  # end the read transaction (on SQLite it holds the write lock)
    return list(ids)


def _claim(mail_id: int, now: datetime) -> bool:
    """Mark a due mail as 'sending' for this run only; return whether we got it."""
    # The conditional UPDATE is atomic: of two senders racing for one row, exactly one
    # sees rowcount 1. The claim is committed before sending, so a crash after this point
    # leaves the row in 'sending'. Such a row is never picked up again automatically:
    # the mail may already have been delivered, and sending it twice is worse than
    # an administrator looking at a stuck row.
    result = db.session.execute(
        update(OutboxMail)
        .where(OutboxMail.id == mail_id, OutboxMail.status == "pending",
               OutboxMail.next_attempt_at <= now)
        .values(status="sending", claimed_at=now)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount == 1


def _deliver(connection: "_Connection", mail_id: int, now: datetime,
             report: SendReport) -> bool:
    """Send one claimed mail and record the outcome; return False if no server answered."""
    try:
        smtp = connection.open()
    except Exception as exc:
        _record_failure(db.session.get(OutboxMail, mail_id), exc, now, report)
        return False
    mail = db.session.get(OutboxMail, mail_id)
    try:
        message = _build_message(mail, now)
        db.session.commit()  # hold no transaction (on SQLite: the write lock) while SMTP talks
        smtp.send_message(message)
    except Exception as exc:  # one bad mail must not stop the queue
        connection.close()  # the next mail gets a fresh connection, whatever state this one is in
        _record_failure(mail, exc, now, report)
    else:
        mail.status, mail.sent_at = "sent", now
        report.sent += 1
    return True


def _build_message(mail: OutboxMail, now: datetime) -> EmailMessage:
    """Turn an outbox row into a MIME message: text, an HTML alternative and attachments if any."""
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    message["To"] = mail.to_address
    message["Subject"] = mail.subject
    message["Message-ID"] = mail.message_id
    message["Date"] = format_datetime(now)
    message.set_content(mail.body_text)
    if mail.body_html:
        message.add_alternative(mail.body_html, subtype="html")
    for attachment in mail.attachments or []:
        maintype, _slash, subtype = attachment["content_type"].partition("/")
        message.add_attachment(attachment["content"].encode("utf-8"), maintype=maintype,
                               subtype=subtype or "plain", filename=attachment["filename"])
    return message


def _record_failure(mail: OutboxMail, exc: Exception, now: datetime, report: SendReport) -> None:
    """Count a failed attempt: back to pending with back-off, or failed after the last one."""
    mail.attempts += 1
    mail.last_error = _describe(exc)
    if mail.attempts >= current_app.config["MAIL_MAX_ATTEMPTS"]:
        mail.status = "failed"
        report.given_up += 1
    else:
        mail.status, mail.next_attempt_at = "pending", now + retry_delay(mail.attempts)
        report.failed += 1
    current_app.logger.warning("Mail %s, attempt %s failed: %s",
                               mail.id, mail.attempts, mail.last_error)


def _describe(exc: Exception) -> str:
    """Summarise an SMTP error in one short line that never contains the password."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        detail = "; ".join(f"{address}: {code} {_text(reply)}"
                           for address, (code, reply) in exc.recipients.items())
    elif isinstance(exc, smtplib.SMTPResponseException):
        detail = f"{exc.smtp_code} {_text(exc.smtp_error)}"
    else:
        detail = str(exc)
    summary = f"{type(exc).__name__}: {detail}"
    if password := current_app.config.get("MAIL_PASSWORD"):
        summary = summary.replace(password, "***")
    return summary[:MAX_ERROR_LENGTH]


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply


class _Connection:
    """One SMTP session per run: opened on first use, dropped after a failed send."""

    def __init__(self, factory: SmtpFactory) -> None:
        self.factory, self.smtp = factory, None

    def open(self) -> smtplib.SMTP:
        if self.smtp is None:
            self.smtp = self.factory()
        return self.smtp

    def close(self) -> None:
        smtp, self.smtp = self.smtp, None
        if smtp is not None:
            with suppress(Exception):
                smtp.quit()
