"""What the question page shows for each answer, worked out once per page in Python.

A long thread rendered every answer's rights, date and "nuttig" line through template calls
(three policy calls through the ``current_user`` proxy, a Babel date, a plural and three
``url_for`` per answer). Here each rule is still asked per answer, once, of the plain user
object; dates and plurals are formatted once per distinct value and the action URLs built once
per page; the template only prints the result.
"""

from collections.abc import Callable
from dataclasses import dataclass

from flask import url_for
from flask_babel import get_timezone, ngettext
from flask_babel import gettext as _
from sqlalchemy.orm.attributes import set_committed_value

from ..dates import format_date
from ..policies import can_accept_answer, can_edit_post, can_vote
from .models import Answer, PostAttachment

_ID_MARK = 918273645  # an id no real URL part contains; replaced by each answer's id


@dataclass(frozen=True, slots=True)
class AnswerRow:
    """One answer as this member sees it: what to print and which buttons they get (a URL or None)."""

    answer: Answer
    author_name: str
    date_text: str
    useful_text: str
    files: list[PostAttachment] | None
    voted: bool
    vote_url: str | None
    accept_url: str | None
    edit_url: str | None


class _Once(dict):
    """Remember a formatted value per key (a thread has few distinct days and vote counts)."""

    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, key):
        self[key] = value = self.make(key)
        return value


def answer_url(endpoint: str) -> Callable[[int], str]:
    """Return a function that gives the endpoint's URL for an answer id, with one ``url_for`` in all."""
    before, after = url_for(endpoint, answer_id=_ID_MARK).split(str(_ID_MARK))
    return lambda answer_id: f"{before}{answer_id}{after}"


def answer_rows(user, question, thread) -> list[AnswerRow]:
    """Return the thread's answers with their texts and the member's rights, in the thread's order."""
    former_member = _("voormalig lid")
    zone = get_timezone()
    days = _Once(lambda day: format_date(day, "long"))  # a date, not a datetime: no second zone change
    useful = _Once(lambda count: ngettext("%(num)s lid vond dit nuttig", "%(num)s leden vonden dit nuttig",
                                          count))
    vote_url, accept_url, edit_url = (answer_url(f"forum.answer_{action}")
                                      for action in ("vote", "accept", "edit"))
    files = thread.files["answer"]
    rows = []
    for answer in thread.answers:
        # The answers belong to this question: say so, rather than have every rule look it up again.
        set_committed_value(answer, "question", question)
        author = answer.author
        rows.append(AnswerRow(
            answer=answer, author_name=author.name if author else former_member,
            date_text=days[answer.created_at.astimezone(zone).date()],
            useful_text=useful[answer.useful_count], files=files.get(answer.id),
            voted=answer.id in thread.voted,
            vote_url=vote_url(answer.id) if can_vote(user, answer) else None,
            accept_url=accept_url(answer.id) if can_accept_answer(user, answer) else None,
            edit_url=edit_url(answer.id) if can_edit_post(user, answer) else None))
    return rows
