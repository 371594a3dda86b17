"""The dashboard's library tables: most viewed practices and search terms that found nothing."""

from datetime import UTC, date, datetime

from servicecentrum.extensions import db
from servicecentrum.library.models import Practice, PracticeDailyViews, PracticeRating
from servicecentrum.reports.figures.library import search_gaps, top_practices
from servicecentrum.reports.tables import BUILDERS, Filters
from servicecentrum.search.models import SearchMiss
from tests.factories import make_theme, make_user

MARCH = Filters(date(2026, 3, 1), date(2026, 3, 31))


def _utc(*parts) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def _practice(title, views=(), status="published", themes=(), ratings=()):
    """A practice with (day, views) counters and ratings (True: helpful) by new members."""
    practice = Practice(title=title, status=status, themes=list(themes))
    db.session.add(practice)
    db.session.flush()
    db.session.add_all(PracticeDailyViews(practice_id=practice.id, day=day, views=n) for day, n in views)
    db.session.add_all(PracticeRating(practice_id=practice.id, user_id=make_user().id, helpful=helpful)
                       for helpful in ratings)
    db.session.commit()
    return practice


def _practices(theme):
    _practice("Alfa", [(date(2026, 3, 1), 5), (date(2026, 3, 31), 3), (date(2026, 2, 28), 100),
                       (date(2026, 4, 1), 50)], themes=[theme], ratings=[True, True, False])
    _practice("Beta", [(date(2026, 3, 10), 12)], themes=[theme], ratings=[False])
    _practice("Delta", [(date(2026, 3, 5), 8)], ratings=[True])
    _practice("Gamma", [(date(2026, 3, 5), 500)], status="archived")
    _practice("Epsilon")  # published, never viewed


def test_most_viewed_practices_with_helpful_ratings(app_ctx):
    _practices(make_theme())
    table = top_practices(MARCH)
    assert BUILDERS["top_practices"] is top_practices
    assert [c.label for c in table.columns] == ["Praktijk", "Weergaven", "Nuttig"]
    assert table.rows == [["Beta", 12, 0], ["Alfa", 8, 2], ["Delta", 8, 1]]
    assert table.chart.value_columns == [1]


def test_theme_filter_applies_to_practices(app_ctx):
    theme = make_theme()
    _practices(theme)
    assert top_practices(Filters(MARCH.start, MARCH.end, theme_id=theme.id)).rows == [
        ["Beta", 12, 0], ["Alfa", 8, 2]]
    assert top_practices(Filters(MARCH.start, MARCH.end, programme_id=1)).rows == [
        ["Beta", 12, 0], ["Alfa", 8, 2], ["Delta", 8, 1]]


def test_top_practices_stop_at_ten_in_one_query(app_ctx, count_queries):
    _practices(make_theme())
    with count_queries() as small:
        top_practices(MARCH)
    for n in range(12):
        _practice(f"Praktijk {n:02d}", [(date(2026, 3, 15), 100 + n), (date(2026, 3, 16), 1)], ratings=[True])
    with count_queries() as large:
        table = top_practices(MARCH)
    assert small.count == large.count == 1
    assert table.rows == [[f"Praktijk {n:02d}", 101 + n, 1] for n in range(11, 1, -1)]


def _miss(query, *moment):
    db.session.add(SearchMiss(query=query, created_at=_utc(*moment)))


def _misses():
    _miss("Statushouders", 2026, 3, 2, 10)
    _miss(" statushouders ", 2026, 3, 20, 12)
    _miss("STATUSHOUDERS", 2026, 3, 31, 22, 30)  # 1 April 00:30 in Amsterdam: after the period
    _miss("Taalcafe", 2026, 3, 10, 8)
    _miss("taalcafe", 2026, 3, 31, 21, 30)  # 31 March 23:30 in Amsterdam
    _miss("buurtcoach", 2026, 2, 28, 23, 30)  # 1 March 00:30 in Amsterdam: in the period
    _miss("wonen", 2026, 2, 28, 22, 30)  # 28 February 23:30 in Amsterdam: before
    _miss("   ", 2026, 3, 5, 9)  # nothing to show
    db.session.commit()


def test_search_terms_that_found_nothing(app_ctx):
    _misses()
    table = search_gaps(MARCH)
    assert BUILDERS["search_gaps"] is search_gaps
    assert [(c.label, c.kind) for c in table.columns] == [
        ("Zoekterm", "text"), ("Aantal", "int"), ("Laatst gezocht", "date")]
    assert table.rows == [["statushouders", 2, date(2026, 3, 20)], ["taalcafe", 2, date(2026, 3, 31)],
                          ["buurtcoach", 1, date(2026, 3, 1)]]
    assert search_gaps(Filters(MARCH.start, MARCH.end, programme_id=1, theme_id=1)).rows == table.rows
    first_of_april = Filters(date(2026, 4, 1), date(2026, 4, 1))
    assert search_gaps(first_of_april).rows == [["statushouders", 1, date(2026, 4, 1)]]


def test_search_gaps_stop_at_twenty_in_one_query(app_ctx, count_queries):
    _misses()
    with count_queries() as small:
        search_gaps(MARCH)
    for n in range(30):
        for _ in range(3 + n % 2):
            _miss(f"term{n:02d}", 2026, 3, 15, 12)
    db.session.commit()
    with count_queries() as large:
        table = search_gaps(MARCH)
    assert small.count == large.count == 1
    assert len(table.rows) == 20
    assert table.rows[:2] == [[f"term{n:02d}", 4, date(2026, 3, 15)] for n in (1, 3)]
    assert [row[1] for row in table.rows] == [4] * 15 + [3] * 5
