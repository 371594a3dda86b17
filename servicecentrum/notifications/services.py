"""Queue e-mails in the outbox, inside the transaction of the change that causes them."""

from email.utils import make_msgid, parseaddr

from flask import current_app, render_template
from jinja2 import Template, TemplateNotFound

from ..extensions import db
from .models import OutboxMail


def queue_mail(to_address: str, subject: str, template: str, attachments: list[dict] | None = None,
               **context) -> OutboxMail:
    """Render an e-mail and add it to the outbox, leaving the commit to the caller.

    ``attachments``: text files as ``{"filename", "content_type", "content"}`` (a calendar
    invitation, say).
    """
    body_text = render_template(f"email/{template}.txt", **context)
    html_template = _optional_template(f"email/{template}.html")
    body_html = render_template(html_template, **context) if html_template else None
    mail = OutboxMail(
        to_address=to_address,
        subject=" ".join(subject.split()),  # a line break would make the header invalid
        body_text=body_text,
        body_html=body_html,
        attachments=attachments or None,
        message_id=make_msgid(domain=sender_domain()),
    )
    # No commit: the caller's commit stores the mail with the change it reports, and the
    # caller's rollback drops it, so nobody gets mail about something that did not happen.
    db.session.add(mail)
    return mail


def sender_domain() -> str:
    """Return the domain of MAIL_DEFAULT_SENDER, for Message-IDs."""
    _name, address = parseaddr(current_app.config["MAIL_DEFAULT_SENDER"])
    domain = address.rpartition("@")[2]
    return domain or "localhost"


def _optional_template(name: str) -> Template | None:
    """Load a template if its file exists, else return None."""
    # Only the file itself is looked up here; a missing include or parent still fails
    # loudly when the template is rendered.
    try:
        return current_app.jinja_env.get_template(name)
    except TemplateNotFound:
        return None
