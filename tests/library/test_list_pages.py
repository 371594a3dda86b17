"""The practice list at scale: facet counts in one query that also give the total, no COUNT, pages."""

import pytest
from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.library import facets
from servicecentrum.library.facets import ListQuery
from servicecentrum.taxonomy.models import Theme
from tests import factories
from tests.library.helpers import make_practice
from tests.list_pages import assert_odd_pages_never_fail, html, list_counts, next_link


@pytest.fixture
def shelf(app):
    """Three themes, two provinces and 23 published practices over them, plus a draft."""
    with app.app_context():
        themes = [factories.make_theme(slug=s, name=s.capitalize()) for s in ("onderwijs", "werk", "zorg")]
        provinces = [factories.make_organisation(region=r) for r in ("Utrecht", "Zeeland")]
        for n in range(23):
            make_practice(title=f"Praktijk {n:02d}", themes=[themes[n % 3]], organisations=[provinces[n % 2]],
                          kind=("methode", "praktijk")[n % 2], year=2004 + n % 3)
        make_practice(title="Concept", status="draft", themes=themes)
        return factories.make_user().id


@pytest.mark.parametrize("selected", [
    {}, {"theme": ("onderwijs",)}, {"theme": ("onderwijs", "werk"), "region": ("Zeeland",)},
    {"kind": ("methode",), "year": ("2005",)}, {"kind": ("methode", "instrument"), "theme": ("zorg",)},
    {"year": ("1999",)},
])
def test_the_facet_counts_come_from_one_query_and_give_the_total(app, shelf, count_queries, selected):
    with app.app_context():
        member = db.session.get(factories.User, shelf)
        query = ListQuery(selected=selected, sort="title")
        with count_queries() as queries:
            options = facets.facet_counts(member, query)
        assert queries.count == 1
        matches = facets.list_practices(member, query, per_page=100).items
        assert facets.total_of(options, query) == len(matches)
        # Each theme's count is what ticking it (alone, with the other facets kept) would show.
        for option in options["theme"]:
            alone = ListQuery(selected={**selected, "theme": (option.value,)}, sort="title")
            assert option.count == len(facets.list_practices(member, alone, per_page=100).items), option


def test_twenty_practices_have_no_next_link_and_twenty_one_have_one(app, client, login, shelf):
    login(client, shelf)
    filtered = html(client.get("/praktijken?theme=onderwijs&theme=werk&sort=title"))  # 16 practices
    assert "16 praktijken gevonden." in filtered and next_link(filtered) is None
    first = html(client.get("/praktijken?sort=title"))
    assert "23 praktijken gevonden." in first and "Pagina 1 van 2" in first
    assert "sort=title" in next_link(first)
    second = html(client.get(next_link(first)))
    assert next_link(second) is None and "Praktijk 22" in second and "Praktijk 19" not in second


def test_the_list_counts_nothing_beyond_its_facets(app, client, login, shelf, count_queries):
    login(client, shelf)
    client.get("/praktijken")  # warm up
    # The whole library's counts are the same for everyone: kept per process after the warm-up.
    for url, facet_queries in (("/praktijken", 0), ("/praktijken?theme=werk&region=Utrecht&page=2", 1),
                               ("/praktijken?sort=useful", 0)):
        with count_queries() as queries:
            assert client.get(url).status_code == 200
        assert list_counts(queries.statements) == [], url
        assert sum(" UNION ALL " in statement for statement in queries.statements) == facet_queries, url
        assert queries.count <= 12, url


def test_the_kept_counts_of_the_whole_library_follow_a_new_practice_at_once(app, client, login, shelf):
    login(client, shelf)
    before = html(client.get("/praktijken"))
    assert '<label for="theme-0">Onderwijs (8)</label>' in before
    with app.app_context():
        education = db.session.scalar(select(Theme).where(Theme.slug == "onderwijs"))
        make_practice(status="published", themes=[education])  # the commit forgets the kept counts
    assert '<label for="theme-0">Onderwijs (9)</label>' in html(client.get("/praktijken"))


def test_the_facet_checkboxes_keep_their_ids_labels_and_state(app, client, login, shelf):
    login(client, shelf)
    page = html(client.get("/praktijken?theme=werk"))
    assert '<legend class="field__label">Thema</legend>' in page
    assert ('<input class="input" id="theme-1" name="theme" type="checkbox" value="werk" checked>'
            in page)
    assert '<label for="theme-0">Onderwijs (8)</label>' in page
    assert '<label for="theme-1">Werk (8)</label>' in page


def test_page_numbers_outside_the_list_show_the_first_or_last_page(app, client, login, shelf):
    login(client, shelf)
    assert_odd_pages_never_fail(client, "/praktijken?sort=title", past_end="3", last_page_text="Praktijk 22")
