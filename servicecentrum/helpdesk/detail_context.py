"""Extra context for the ticket detail page (see page_context.py): billing, survey, ..."""

from ..page_context import PageContext

ticket_page = PageContext()
provider = ticket_page.provider
collect = ticket_page.collect
