"""The event list without a count: 'Volgende' exactly when there are more, odd page numbers."""

from datetime import timedelta

from servicecentrum.database import utcnow
from tests import factories
from tests.list_pages import assert_odd_pages_never_fail, html, list_counts, next_link


def _events(app, client, login, count: int, kind: str = "masterclass"):
    with app.app_context():
        start = utcnow().replace(microsecond=0) + timedelta(days=3)
        for n in range(count):
            factories.make_event(title=f"Bijeenkomst {n:02d}", kind=kind, starts_at=start + timedelta(days=n))
        login(client, factories.make_user())


def test_twenty_events_have_no_next_link(app, client, login):
    _events(app, client, login, 20)
    page = html(client.get("/bijeenkomsten"))
    assert next_link(page) is None and "20 bijeenkomsten gevonden." in page


def test_twenty_one_events_have_a_next_link_that_keeps_the_filter(app, client, login):
    _events(app, client, login, 21)
    first = html(client.get("/bijeenkomsten?kind=masterclass"))
    assert "Bijeenkomsten 1–20; er zijn er meer." in first
    link = next_link(first)
    assert "page=2" in link and "kind=masterclass" in link
    second = html(client.get(link))
    assert "Bijeenkomst 20" in second and next_link(second) is None and "21 bijeenkomsten gevonden." in second


def test_the_list_is_not_counted_and_odd_pages_never_fail(app, client, login, count_queries):
    _events(app, client, login, 25)
    client.get("/bijeenkomsten")  # warm up
    with count_queries() as queries:
        assert client.get("/bijeenkomsten?page=2").status_code == 200
    assert list_counts(queries.statements) == [] and queries.count <= 12
    assert_odd_pages_never_fail(client, "/bijeenkomsten", past_end="3", last_page_text=None)
