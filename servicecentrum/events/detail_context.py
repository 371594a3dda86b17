"""Extra context for the event detail page (see page_context.py): registration, attendance, ..."""

from ..page_context import PageContext

event_page = PageContext()
provider = event_page.provider
collect = event_page.collect
