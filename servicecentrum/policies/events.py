"""Event rules: who sees, registers for, organises and evaluates events, and who proposes topics.

Published and cancelled events are visible to every member, so nobody misses what exists;
registering is for the event's audience. Drafts are for staff only (views answer 404).
"""

from . import is_member

__all__ = [
    "can_cancel_registration", "can_create_event", "can_evaluate_event", "can_manage_event",
    "can_manage_topics", "can_propose_topic", "can_register_event", "can_respond_to_offer",
    "can_support_topic", "can_view_event", "in_event_audience",
]


def can_create_event(user) -> bool:
    """FORUM staff organise events."""
    return is_member(user) and user.is_staff


def can_manage_event(user, event) -> bool:
    """Admins, and the event's organising advisers, edit it and manage its attendees."""
    if not is_member(user) or not user.is_staff:
        return False
    return user.is_admin or any(o.id == user.id for o in event.organisers)


def can_view_event(user, event) -> bool:
    """Members see published and cancelled events; drafts are for staff."""
    if not is_member(user):
        return False
    return event.status != "draft" or user.is_staff


def in_event_audience(user, event) -> bool:
    """Whether the member belongs to the event's audience (all, G30 only, chosen kinds)."""
    if event.audience == "all":
        return True
    organisation = user.organisation
    if organisation is None:
        return False
    if event.audience == "g30":
        return organisation.is_g30
    return organisation.kind in event.audience_kind_list


def can_register_event(user, event) -> bool:
    """Members of the audience register for a published event (the window is checked by the service)."""
    return is_member(user) and event.status == "published" and in_event_audience(user, event)


def can_cancel_registration(user, registration, now) -> bool:
    """Members cancel their own registration or waitlist place until the event starts."""
    return (is_member(user) and registration.user_id == user.id
            and registration.status in ("confirmed", "waitlisted", "offered")
            and now < registration.event.starts_at)


def can_respond_to_offer(user, registration) -> bool:
    """Only the member a freed seat is offered to accepts or declines it."""
    return is_member(user) and registration.user_id == user.id and registration.status == "offered"


def can_evaluate_event(user, registration, now) -> bool:
    """Attendees (confirmed registrations) evaluate an event once it has ended."""
    return (is_member(user) and registration is not None and registration.user_id == user.id
            and registration.status == "confirmed" and registration.event.ends_at <= now
            and registration.event.status == "published")


def can_propose_topic(user) -> bool:
    """Every member proposes topics for future kennisateliers and masterclasses."""
    return is_member(user)


def can_support_topic(user, proposal) -> bool:
    """Members support open proposals of others (one vote each; the service checks that)."""
    return is_member(user) and proposal.status == "open" and proposal.proposer_id != user.id


def can_manage_topics(user) -> bool:
    """FORUM staff rank proposals and turn them into events."""
    return is_member(user) and user.is_staff
