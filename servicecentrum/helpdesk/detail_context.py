"""Extra context for the ticket detail page, contributed by the helpdesk's parts.

Each part (billing, survey, conversion, ...) registers a function ``(ticket, user) -> dict``;
the detail view merges what they return, and the part's partial template reads it. A part
must load what it shows with a fixed number of queries.
"""

from collections.abc import Callable

PROVIDERS: list[Callable] = []


def provider(build: Callable) -> Callable:
    """Register a context builder for the detail page."""
    PROVIDERS.append(build)
    return build


def collect(ticket, user) -> dict:
    context: dict = {}
    for build in PROVIDERS:
        context.update(build(ticket, user))
    return context
