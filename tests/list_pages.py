"""Checks every list page shares: the pager, COUNT statements, and page numbers outside the list."""

import re

NEXT = "Volgende pagina"
# A COUNT of a list's rows is a count over a subquery: db.paginate's full count and
# paging.count_upto's capped one alike (the bell's and the tabs' counts are not).
LIST_COUNT = re.compile(r"count\(\*\)\s+AS\s+\w+\s+FROM\s+\(SELECT", re.IGNORECASE)
ODD_PAGES = ("0", "-1", "abc", "1e3", str(10**30))


def html(response) -> str:
    return response.get_data(as_text=True)


def list_counts(statements: list[str]) -> list[str]:
    """The statements that count a list's rows."""
    return [statement for statement in statements if LIST_COUNT.search(statement)]


def next_link(page_html: str) -> str | None:
    """The href of the pager's "Volgende pagina" link, or None when there is none."""
    found = re.search(r'<a href="([^"]*)" rel="next">' + NEXT, page_html)
    return found.group(1).replace("&amp;", "&") if found else None


def get_page(client, url: str, page: str):
    """GET the list with ?page= (or &page=) added."""
    return client.get(f"{url}{'&' if '?' in url else '?'}page={page}")


def assert_odd_pages_never_fail(client, url: str, past_end: str, last_page_text: str | None):
    """0, negative, rubbish and huge page numbers answer 200 or the Dutch 404, never a 500.

    ``past_end`` is a page number just past the end: with ``last_page_text`` the list shows its
    last page (which contains that text); without, it answers the Dutch 404.
    """
    first = html(client.get(url))
    for page in ODD_PAGES[:4]:
        response = get_page(client, url, page)
        assert response.status_code == 200, page
    beyond = [past_end, ODD_PAGES[4]]
    for page in beyond:
        response = get_page(client, url, page)
        if last_page_text is None:
            assert response.status_code == 404, page
            assert "Pagina niet gevonden" in html(response), page
        else:
            assert response.status_code == 200, page
            assert last_page_text in html(response), page
    return first
