"""Development mail: print each mail to the console instead of an SMTP server."""

import sys
from email.message import EmailMessage

from flask import current_app

RULE = "-" * 72


def mail_backend(config=None) -> str:
    """Return "smtp" or "console": MAIL_BACKEND, else console when no MAIL_SERVER is set."""
    config = config if config is not None else current_app.config
    backend = (config.get("MAIL_BACKEND") or "").strip().lower()
    if backend in ("smtp", "console"):
        return backend
    return "smtp" if config.get("MAIL_SERVER") else "console"


class ConsoleMailer:
    """Stands in for an SMTP connection: writes every message to stdout."""

    def __init__(self, stream=None) -> None:
        self.stream = stream

    def send_message(self, message: EmailMessage) -> None:
        """Print the headers that matter, the text body (with its links) and attachment names."""
        stream = self.stream or sys.stdout
        lines = [RULE, f"E-mail (console, not sent to anyone) — Message-ID {message['Message-ID']}",
                 f"From:    {message['From']}", f"To:      {message['To']}",
                 f"Subject: {message['Subject']}", ""]
        body = message.get_body(preferencelist=("plain",))
        lines.append(body.get_content().rstrip() if body is not None else "")
        names = [part.get_filename() for part in message.iter_attachments()]
        if names:
            lines += ["", "Attachments: " + ", ".join(name or "?" for name in names)]
        lines += [RULE, ""]
        stream.write("\n".join(lines) + "\n")
        stream.flush()

    def quit(self) -> None:
        """Nothing to close."""


def connect_console() -> ConsoleMailer:
    """Return a console "connection" (the smtp_factory of the console backend)."""
    return ConsoleMailer()


# --- in development: deliver to the console right after the request that queued mail ----

PENDING = "outbox_mail_pending"


def init_blueprint(bp) -> None:
    """With the console backend, send mail queued by a request as soon as the request ends."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    if not event.contains(Session, "before_flush", _note_mail_rows):
        event.listen(Session, "before_flush", _note_mail_rows)
        event.listen(Session, "after_commit", _on_commit)
        event.listen(Session, "after_rollback", _on_rollback)
    bp.after_app_request(_send_after_request)


def _note_mail_rows(session, _flush_context, _instances) -> None:
    from .models import OutboxMail

    if any(isinstance(obj, OutboxMail) for obj in session.new):
        session.info[PENDING] = True


def _on_commit(session) -> None:
    from flask import g, has_app_context

    if session.info.pop(PENDING, False) and has_app_context():
        g.outbox_mail_committed = True


def _on_rollback(session) -> None:
    session.info.pop(PENDING, None)


def _send_after_request(response):
    from flask import g

    if g.pop("outbox_mail_committed", False) and mail_backend() == "console":
        from ..extensions import db
        from .sender import send_due

        try:
            send_due()
        except Exception:  # the mail stays in the outbox for `flask mail send`
            db.session.rollback()
            current_app.logger.exception("mail: printing the outbox after a request failed")
    return response
