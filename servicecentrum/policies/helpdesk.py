"""Helpdesk rules: who files, reads, handles and pays for tickets.

A ticket is for its requester, for colleagues of the requester's organisation when that
organisation shares its tickets, and for FORUM staff handling it: advisers of the ticket's
programme and admins. Internal notes, time entries and history marked internal are for the
handlers only. Views answer 404 to everyone else, so ticket ids cannot be probed.
"""

from . import is_member

__all__ = [
    "can_answer_survey", "can_convert_ticket", "can_decide_quote", "can_download_ticket_attachment",
    "can_edit_canned_replies", "can_file_ticket", "can_handle_ticket", "can_manage_routing",
    "can_mark_signal", "can_post_to_thread", "can_reply_ticket", "can_view_declarations",
    "can_view_queue", "can_view_ticket", "is_programme_adviser",
    "can_mark_ticket_signal", "can_view_signals",
    "can_publish_ticket", "can_set_publish_consent", "can_unpublish_ticket", "can_view_published_answer",
]


def is_programme_adviser(user, programme_id: int | None) -> bool:
    """An active adviser who belongs to the programme."""
    return (is_member(user) and user.is_adviser
            and any(p.id == programme_id for p in user.programmes))


def can_file_ticket(user) -> bool:
    """Officers of member organisations put questions to FORUM."""
    return is_member(user) and user.role == "officer"


def can_handle_ticket(user, ticket) -> bool:
    """Advisers of the ticket's programme, and admins, answer and manage it."""
    if not is_member(user):
        return False
    return user.is_admin or is_programme_adviser(user, ticket.programme_id)


def _shared_with(user, ticket) -> bool:
    organisation = ticket.organisation
    return (ticket.organisation_id is not None and user.organisation_id == ticket.organisation_id
            and organisation is not None and organisation.shares_tickets)


def can_view_ticket(user, ticket) -> bool:
    """The requester, colleagues when their organisation shares tickets, and the handlers."""
    if not is_member(user):
        return False
    if ticket.requester_id is not None and ticket.requester_id == user.id:
        return True
    return _shared_with(user, ticket) or can_handle_ticket(user, ticket)


def can_reply_ticket(user, ticket) -> bool:
    """Whoever may read an unclosed ticket may add a public reply to it."""
    return ticket.status != "closed" and can_view_ticket(user, ticket)


def can_view_queue(user) -> bool:
    """Advisers see their programmes' queues; admins see every queue."""
    return is_member(user) and user.is_staff


def can_manage_routing(user) -> bool:
    """Admins keep the routing rules."""
    return is_member(user) and user.is_admin


def can_edit_canned_replies(user, programme) -> bool:
    """A programme's advisers (and admins) keep its canned replies."""
    return is_member(user) and (user.is_admin or is_programme_adviser(user, programme.id))


def can_answer_survey(user, ticket) -> bool:
    """Only the requester rates a resolved or closed ticket (once: the service checks that)."""
    return (is_member(user) and ticket.requester_id is not None and ticket.requester_id == user.id
            and ticket.status in ("resolved", "closed"))


def can_decide_quote(user, quote) -> bool:
    """Someone of the ticket's organisation accepts or declines a quote that is still open."""
    ticket = quote.ticket
    return (is_member(user) and quote.status == "sent" and ticket.organisation_id is not None
            and user.organisation_id == ticket.organisation_id and not user.is_staff)


def can_view_declarations(user) -> bool:
    """FORUM staff see hours spent and billable per organisation."""
    return is_member(user) and user.is_staff


def can_mark_signal(user) -> bool:
    """Advisers (and admins) mark tickets and threads as signals for the ministry."""
    return is_member(user) and user.is_staff


def can_convert_ticket(user, ticket) -> bool:
    """A handler turns a resolved ticket into a draft practice, once."""
    return (can_handle_ticket(user, ticket) and ticket.status in ("resolved", "closed")
            and ticket.practice_id is None)


def can_post_to_thread(user, message) -> bool:
    """A handler posts a public reply of a thread-linked ticket back into the thread, once."""
    ticket = message.ticket
    return (can_handle_ticket(user, ticket) and ticket.question_id is not None
            and message.kind == "reply" and message.answer_id is None
            and message.author is not None and message.author.is_staff)


def can_download_ticket_attachment(user, attachment) -> bool:
    """Internal attachments are for handlers; the rest for whoever reads the ticket."""
    if attachment.is_internal:
        return can_handle_ticket(user, attachment.ticket)
    return can_view_ticket(user, attachment.ticket)


def can_mark_ticket_signal(user, ticket) -> bool:
    """Staff who handle the ticket mark it as a signal for the ministry."""
    return can_mark_signal(user) and can_handle_ticket(user, ticket)


def can_view_signals(user) -> bool:
    """FORUM staff see the list of signals (anonymised, for the reports to the ministry)."""
    return is_member(user) and user.is_staff


# --- Consent and publication of answers (conversion) ------------------------------------------


def can_set_publish_consent(user, ticket) -> bool:
    """Only the requester decides whether the answer to their question may be published."""
    return is_member(user) and ticket.requester_id is not None and ticket.requester_id == user.id


def can_publish_ticket(user, ticket) -> bool:
    """A handler publishes the answer of a resolved ticket whose requester consented."""
    return (can_handle_ticket(user, ticket) and ticket.status in ("resolved", "closed")
            and ticket.publish_consent and ticket.published_at is None)


def can_unpublish_ticket(user, ticket) -> bool:
    """A handler takes a published answer offline again."""
    return can_handle_ticket(user, ticket) and ticket.published_at is not None


def can_view_published_answer(user, ticket) -> bool:
    """Every member reads an answer that was published with the requester's consent."""
    return is_member(user) and ticket.published_at is not None and ticket.publish_consent


# --- Reports (appended by the reports issue) ------------------------------------------------


def can_view_reports(user) -> bool:
    """FORUM staff (advisers and admins) see the reports, such as the signals report for the ministry."""
    return is_member(user) and user.is_staff


__all__.append("can_view_reports")
