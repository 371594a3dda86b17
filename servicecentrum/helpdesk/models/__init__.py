"""Helpdesk tables."""

from .billing import QUOTE_STATUSES, Quote, TimeEntry
from .routing import CannedReply, RoutingRule
from .ticket import (
    MESSAGE_KINDS,
    OPEN_STATUSES,
    PRIORITIES,
    SERVICE_LEVELS,
    STATUSES,
    Ticket,
    TicketAttachment,
    TicketChange,
    TicketMessage,
)

__all__ = [
    "MESSAGE_KINDS", "OPEN_STATUSES", "PRIORITIES", "QUOTE_STATUSES", "SERVICE_LEVELS", "STATUSES",
    "CannedReply", "Quote", "RoutingRule", "Ticket", "TicketAttachment", "TicketChange",
    "TicketMessage", "TimeEntry",
]
