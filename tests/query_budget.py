"""Issue 14's query budget: a GET page issues at most 12 queries, its own work at most 11.

"Own" queries are those beyond what a plain page costs the same member (the login check and
the header's bell, measured on the accessibility statement), so the budget of a page does not
move when the login check gets cheaper or dearer.
"""

PAGE_BUDGET = 12  # every query of a GET, the login check included
OWN_BUDGET = 11  # what the page itself asks
PLAIN_PAGE = "/toegankelijkheid"


def queries_of(client, count_queries, path: str, warm: bool = True) -> int:
    """Count the queries of one GET (after a first visit that may fill caches or a session)."""
    if warm:
        client.get(path)
    with count_queries() as stats:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return stats.count


def own_queries(client, count_queries, path: str) -> int:
    """Count what the page asks beyond a plain page for the same member; check the page budget."""
    total = queries_of(client, count_queries, path)
    assert total <= PAGE_BUDGET, f"{path}: {total} queries"
    return total - queries_of(client, count_queries, PLAIN_PAGE)
