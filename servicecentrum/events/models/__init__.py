"""Event tables."""

from .event import (
    AUDIENCES,
    EVENT_KINDS,
    EVENT_STATUSES,
    QUESTION_PURPOSES,
    Event,
    EventQuestion,
    event_organisers,
)
from .registration import (
    PROPOSAL_STATUSES,
    REGISTRATION_STATUSES,
    SEAT_HOLDING,
    CalendarFeed,
    Registration,
    TopicProposal,
    TopicSupport,
)

__all__ = [
    "AUDIENCES", "EVENT_KINDS", "EVENT_STATUSES", "PROPOSAL_STATUSES", "QUESTION_PURPOSES",
    "REGISTRATION_STATUSES", "SEAT_HOLDING", "CalendarFeed", "Event", "EventQuestion", "Registration",
    "TopicProposal", "TopicSupport", "event_organisers",
]
