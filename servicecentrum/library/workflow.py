"""The review workflow: draft -> review -> published -> archived, with remarks and e-mail.

Each step writes a PracticeComment, tells the author by e-mail when someone else took it,
refreshes the search index and commits once. Publishing and archiving are audited.
"""

from flask_babel import gettext as _

from ..audit.services import record
from ..database import utcnow
from ..extensions import db
from ..notifications.services import queue_mail
from ..search.outbox import enqueue
from ..urls import absolute_url
from .models import Practice
from .services import WrongStatus, add_step, lock
from .versions import record_version

MAIL_SUBJECTS = {
    "comment": lambda title: _("Nieuwe opmerking bij uw praktijk '%(title)s'", title=title),
    "changes_requested": lambda title: _("Wijzigingen gevraagd voor uw praktijk '%(title)s'", title=title),
    "published": lambda title: _("Uw praktijk '%(title)s' is gepubliceerd", title=title),
    "archived": lambda title: _("Uw praktijk '%(title)s' is gearchiveerd", title=title),
}


def _notify_author(practice: Practice, actor, action: str, body: str) -> None:
    author = practice.author
    if author is None or author.id == getattr(actor, "id", None) or not author.is_active:
        return  # nobody is mailed about what they just did themselves
    queue_mail(author.email, MAIL_SUBJECTS[action](practice.title), f"library_{action}",
               practice=practice, author=author, actor=actor, body=body,
               url=absolute_url("library.practice_detail", practice_id=practice.id))


def _expect(practice: Practice, *statuses: str) -> None:
    lock(practice)
    if practice.status not in statuses:
        raise WrongStatus(practice.status)


def _finish(practice: Practice) -> None:
    enqueue("practice", practice.id)
    db.session.commit()


def submit(actor, practice: Practice, note: str = "") -> None:
    """Offer the author's draft for review."""
    _expect(practice, "draft")
    practice.status = "review"
    practice.submitted_at = utcnow()
    add_step(practice, actor, "submitted", note)
    _finish(practice)


def comment(actor, practice: Practice, body: str) -> None:
    """Add a remark to the review conversation."""
    lock(practice)
    add_step(practice, actor, "comment", body)
    _notify_author(practice, actor, "comment", body)
    _finish(practice)


def request_changes(actor, practice: Practice, body: str) -> None:
    """Send the practice back to its author as a draft, with the remark saying what to change."""
    _expect(practice, "review")
    practice.status = "draft"
    add_step(practice, actor, "changes_requested", body)
    _notify_author(practice, actor, "changes_requested", body)
    _finish(practice)


def publish(actor, practice: Practice, note: str = "", ip_address: str | None = None) -> None:
    """Publish the practice as a new version; the reviewer's name goes with it.

    Someone else's draft is not published before its author submits it; staff may publish
    their own draft at once.
    """
    _expect(practice, "draft", "review", "archived")
    if practice.status == "draft" and practice.author_id != actor.id:
        raise WrongStatus(practice.status)
    practice.status = "published"
    practice.reviewer_id = actor.id
    practice.published_at = practice.published_at or utcnow()
    version = record_version(practice, actor, note)
    add_step(practice, actor, "published", note)
    record("practice_published", actor=actor, target=practice, ip_address=ip_address,
           version=version.number if version else None)
    _notify_author(practice, actor, "published", note)
    _finish(practice)


def archive(actor, practice: Practice, note: str = "", ip_address: str | None = None) -> None:
    """Take the practice out of the library; its page stays readable for members, marked as archived."""
    _expect(practice, "draft", "review", "published")
    previous = practice.status
    practice.status = "archived"
    add_step(practice, actor, "archived", note)
    record("practice_archived", actor=actor, target=practice, ip_address=ip_address, previous=previous)
    _notify_author(practice, actor, "archived", note)
    _finish(practice)
