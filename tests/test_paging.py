"""paging.paginate: one query a page, a next page known from one extra row, counts capped."""

import pytest
from sqlalchemy import select

from servicecentrum import paging
from servicecentrum.paging import PageNotFound, paginate
from servicecentrum.taxonomy.models import Theme
from tests import factories


def _themes(count: int):
    for n in range(count):
        factories.make_theme(slug=f"thema-{n:02d}", name=f"Thema {n:02d}")
    return select(Theme).order_by(Theme.name)


def test_a_list_without_total_knows_a_next_page_from_one_extra_row(app_ctx, count_queries):
    statement = _themes(21)
    with count_queries() as queries:
        first = paginate(statement, 1, 10)
    assert queries.count == 1 and "count(" not in queries.statements[0].lower()
    assert [t.name for t in first.items] == [f"Thema {n:02d}" for n in range(10)]
    assert first.has_next and not first.has_prev and first.total is None and first.pages is None
    last = paginate(statement, 3, 10)
    assert [t.name for t in last.items] == ["Thema 20"] and not last.has_next
    assert (last.first, last.last, last.known_total, last.pages) == (21, 21, 21, 3)


def test_exactly_a_page_full_has_no_next_page(app_ctx):
    page = paginate(_themes(10), 1, 10)
    assert len(page.items) == 10 and not page.has_next and page.known_total == 10


@pytest.mark.parametrize("asked", [0, -3, "abc", None])
def test_page_zero_negative_or_rubbish_is_the_first_page(app_ctx, asked):
    assert paginate(_themes(3), asked, 10).page == 1


@pytest.mark.parametrize("asked", [4, 10**30])
def test_past_the_end_of_an_uncounted_list_is_not_found(app_ctx, asked, count_queries):
    statement = _themes(21)
    with count_queries() as queries, pytest.raises(PageNotFound):
        paginate(statement, asked, 10)
    assert queries.count == (0 if asked > paging.MAX_PAGE else 1)  # a huge offset is never asked


def test_a_counted_list_shows_its_last_page_for_a_page_past_the_end(app_ctx):
    page = paginate(_themes(21), 10**30, 10, count=True)
    assert (page.page, page.total, page.pages, page.capped) == (3, 21, 3, False)
    assert [t.name for t in page.items] == ["Thema 20"]
    nothing = paginate(select(Theme).where(Theme.slug == "bestaat-niet"), 5, 10, count=True)
    assert (nothing.page, nothing.items, nothing.total, nothing.has_next) == (1, [], 0, False)


def test_the_count_stops_past_the_limit(app_ctx, monkeypatch, count_queries):
    monkeypatch.setattr(paging, "COUNT_LIMIT", 5)
    statement = _themes(8)
    with count_queries() as queries:
        page = paginate(statement, 1, 3, count=True)
    assert (page.total, page.capped, page.pages, page.has_next) == (5, True, None, True)
    counted = next(s for s in queries.statements if "count(" in s.lower())
    assert "LIMIT" in counted  # COUNT over a LIMIT subquery, not over the whole table
    assert paginate(statement, 3, 3, count=True).items[-1].name == "Thema 07"
    with pytest.raises(PageNotFound):
        paginate(statement, 4, 3, count=True)


def test_iter_pages_leaves_gaps_like_flask_sqlalchemy(app_ctx):
    page = paginate(_themes(30), 8, 2, count=True)
    assert list(page.iter_pages()) == [1, None, 6, 7, 8, 9, 10, 11, None, 15]
