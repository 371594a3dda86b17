"""Facets: counts per value from aggregate SQL, combinable filters, tabs, sorting and pages."""

from servicecentrum.library import facets
from servicecentrum.library.facets import ListQuery
from tests import factories
from tests.library.helpers import make_practice


def _world():
    """Four published practices, one draft and one in review, spread over the facets."""
    onderwijs, werk = factories.make_theme(slug="onderwijs", name="Onderwijs"), \
        factories.make_theme(slug="werk", name="Werk")
    toerusting = factories.make_spearhead(slug="toerusting", name="Toerusting")
    utrecht = factories.make_organisation(region="Utrecht", size_class="vanaf-250k")
    zeeland = factories.make_organisation(region="Zeeland", size_class="20k-50k")
    author = factories.make_user()
    make_practice(author=author, title="Alfa", themes=[onderwijs], organisations=[utrecht], year=2005,
                  spearhead=toerusting, kind="methode", helpful_count=1, rating_count=3)
    make_practice(author=author, title="Bravo", themes=[onderwijs, werk], organisations=[zeeland], year=2006,
                  helpful_count=5, rating_count=5)
    make_practice(author=author, title="Charlie", themes=[werk], organisations=[utrecht, zeeland], year=2006)
    make_practice(author=author, title="Delta", year=None)
    make_practice(author=author, title="Echo", status="draft", themes=[onderwijs])
    make_practice(author=author, title="Foxtrot", status="review", themes=[werk])
    return author


def _counts(options, facet):
    return {o.value: o.count for o in options[facet]}


def test_each_facet_counts_the_published_practices_per_value(app_ctx):
    member = _world()
    options = facets.facet_counts(member, ListQuery())
    assert _counts(options, "theme") == {"onderwijs": 2, "werk": 2}
    assert _counts(options, "spearhead") == {"toerusting": 1}
    assert _counts(options, "region") == {"Utrecht": 2, "Zeeland": 2}
    assert _counts(options, "size") == {"vanaf-250k": 2, "20k-50k": 2}
    assert _counts(options, "year") == {"2006": 2, "2005": 1}
    assert _counts(options, "kind") == {"praktijk": 3, "methode": 1}
    assert [o.label for o in options["size"]] == ["20.000 tot 50.000 inwoners", "250.000 inwoners of meer"]


def test_values_of_one_facet_widen_and_different_facets_narrow(app_ctx):
    member = _world()
    both_themes = ListQuery(selected={"theme": ("onderwijs", "werk")})
    assert {p.title for p in facets.list_practices(member, both_themes).items} == {"Alfa", "Bravo", "Charlie"}
    narrowed = ListQuery(selected={"theme": ("onderwijs", "werk"), "region": ("Utrecht",)}, sort="title")
    assert [p.title for p in facets.list_practices(member, narrowed).items] == ["Alfa", "Charlie"]


def test_a_facets_own_choice_does_not_shrink_its_own_counts(app_ctx):
    member = _world()
    query = ListQuery(selected={"theme": ("onderwijs",), "region": ("Zeeland",)})
    options = facets.facet_counts(member, query)
    # Theme counts respect the province but not the chosen theme; province counts the reverse.
    assert _counts(options, "theme") == {"onderwijs": 1, "werk": 2}
    assert _counts(options, "region") == {"Utrecht": 1, "Zeeland": 1}
    assert [o.value for o in options["theme"] if o.selected] == ["onderwijs"]


def test_a_chosen_value_without_results_still_shows_so_it_can_be_unticked(app_ctx):
    member = _world()
    options = facets.facet_counts(member, ListQuery(selected={"year": ("1999",), "theme": ("bestaat-niet",)}))
    assert {o.value: (o.count, o.selected) for o in options["year"]}["1999"] == (0, True)
    assert ("bestaat-niet", 0, True) in {(o.value, o.count, o.selected) for o in options["theme"]}
    assert facets.list_practices(member, ListQuery(selected={"year": ("1999",)})).total == 0


def test_sorting_by_title_and_by_usefulness(app_ctx):
    member = _world()
    by_title = facets.list_practices(member, ListQuery(sort="title"))
    assert [p.title for p in by_title.items] == ["Alfa", "Bravo", "Charlie", "Delta"]
    useful = facets.list_practices(member, ListQuery(sort="useful"))
    assert [p.title for p in useful.items][:2] == ["Bravo", "Alfa"]


def test_tabs_show_review_to_staff_only_and_each_member_their_own_drafts(app_ctx):
    author = _world()
    adviser = factories.make_user(role="adviser")
    assert facets.allowed_view(author, "review") == "published"
    assert facets.allowed_view(adviser, "review") == "review"
    assert [p.title for p in facets.list_practices(adviser, ListQuery(view="review")).items] == ["Foxtrot"]
    mine = facets.list_practices(author, ListQuery(view="mine", sort="title"))
    assert [p.title for p in mine.items] == ["Echo", "Foxtrot"]
    assert facets.tab_counts(author) == {"review": 0, "mine": 2}
    assert facets.tab_counts(adviser) == {"review": 1, "mine": 0}


def test_pages_of_twenty(app_ctx):
    author = factories.make_user()
    for n in range(25):
        make_practice(author=author, title=f"Praktijk {n:02d}")
    second = facets.list_practices(author, ListQuery(sort="title", page=2))
    assert (second.total, second.pages) == (25, 2)
    assert [p.title for p in second.items] == [f"Praktijk {n:02d}" for n in range(20, 25)]
