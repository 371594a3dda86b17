"""Extra context for a detail page, contributed by the feature's parts.

A detail page (a ticket, an event) has one ``PageContext``; each part registers a function
``(obj, user) -> dict`` and its partial template reads what it returns. A part must load what
it shows with a fixed number of queries.
"""

from collections.abc import Callable


class PageContext:
    """The context builders of one detail page."""

    def __init__(self) -> None:
        self.providers: list[Callable] = []

    def provider(self, build: Callable) -> Callable:
        """Register a context builder (usable as a decorator)."""
        self.providers.append(build)
        return build

    def collect(self, obj, user) -> dict:
        context: dict = {}
        for build in self.providers:
            context.update(build(obj, user))
        return context
