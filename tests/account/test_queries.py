"""The account pages cost the same number of queries however many sessions a member has."""

from tests import factories
from tests.account.helpers import add_sessions

PAGES = ("/account", "/account/e-mail", "/account/wachtwoord", "/account/sessies", "/account/export",
         "/account/verwijderen")


def _query_counts(client, count_queries, csrf_token) -> dict[str, int]:
    counts = {}
    for page in PAGES:
        client.get(page)  # warm up: the first visit may refresh the session record
        with count_queries() as stats:
            assert client.get(page).status_code == 200
        counts[page] = stats.count
    token = csrf_token(client, "/account/export")
    with count_queries() as stats:
        assert client.post("/account/export", data={"csrf_token": token}).status_code == 200
    counts["download"] = stats.count
    return counts


def test_account_pages_issue_the_same_number_of_queries_for_2_and_50_sessions(
        app, client, login, count_queries, csrf_token):
    with app.app_context():
        factories.make_theme()
        factories.make_theme()
        user = factories.make_user(expertise=[factories.make_theme()])
        login(client, user)
        add_sessions(user.id, 1)
        user_id = user.id
    with_two = _query_counts(client, count_queries, csrf_token)
    with app.app_context():
        add_sessions(user_id, 48)
    with_fifty = _query_counts(client, count_queries, csrf_token)
    assert with_two == with_fifty
    assert max(n for page, n in with_two.items() if page != "download") <= 12
    assert with_two["download"] <= 30  # the export: a few queries per feature's section
