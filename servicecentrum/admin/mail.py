"""The e-mail outbox as admins read it: a filtered list and one mail with clickable links."""

import re

from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from sqlalchemy import select

from ..extensions import db
from ..notifications.models import OutboxMail
from ..paging import Page, paginate

PER_PAGE = 50
STATUS_LABELS = {"pending": _l("Wacht op verzending"), "sending": _l("Wordt verzonden"),
                 "sent": _l("Verzonden"), "failed": _l("Mislukt")}
LINK = re.compile(r"https?://[^\s<>\"']+")
TRAILING = ".,;:!?)]"


def list_mails(status: str | None = None, page: int = 1) -> Page:
    """Return one page of outbox mails, newest first, optionally of one status (counted up to 1,000)."""
    query = select(OutboxMail).order_by(OutboxMail.created_at.desc(), OutboxMail.id.desc())
    if status:
        query = query.where(OutboxMail.status == status)
    return paginate(query, page, PER_PAGE, count=True)


def get_mail(mail_id: int) -> OutboxMail | None:
    """Return the outbox mail with this id, or None."""
    return db.session.get(OutboxMail, mail_id)


def linkify(text: str) -> Markup:
    """Escape a plain-text body and make every http(s) address in it a link."""
    parts, last = [], 0
    for match in LINK.finditer(text or ""):
        url = match.group(0).rstrip(TRAILING)
        end = match.start() + len(url)
        parts.append(escape(text[last:match.start()]))
        parts.append(Markup('<a href="{0}">{0}</a>').format(url))
        last = end
    parts.append(escape((text or "")[last:]))
    return Markup("").join(parts)
