"""The refine panel's links: ticking or unticking one facet value keeps the query, type and other facets."""

import re

from tests.search.test_views import index, member, page  # noqa: F401 (member is a fixture)


def _link(html: str, label: str) -> str:
    found = re.search(r'<a href="([^"]*)"[^>]*>(?:<span class="visually-hidden">[^<]*</span>)?'
                      + re.escape(label), html)
    assert found, label
    return found.group(1).replace("&amp;", "&")


def test_facet_links_tick_and_untick_one_value_and_keep_the_rest(search_app, member):  # noqa: F811
    client, _ = member
    index(search_app, ("Taalles in 2006", {"year": 2006}), ("Taalles in 2007", {"year": 2007}))
    html = page(client, "q=taalles&type=testpractice")
    tick = _link(html, "2006 (1)")
    assert tick == "/zoeken?q=taalles&type=testpractice&f=year:2006"
    ticked = page(client, tick.split("?", 1)[1])
    assert "1 resultaat voor" in ticked
    both = _link(ticked, "2007 (1)")  # counted as if the year filter were off
    assert both == "/zoeken?q=taalles&type=testpractice&f=year:2006&f=year:2007"
    untick = _link(ticked, "2006 (1)")
    assert untick == "/zoeken?q=taalles&type=testpractice" and 'aria-current="true"' in ticked
    assert _link(ticked, "Alle soorten") == "/zoeken?q=taalles&f=year:2006"
