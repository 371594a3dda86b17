"""The "practice" document type: only published practices, with attachment text and facets."""

from servicecentrum.library import search_docs
from servicecentrum.search.registry import REGISTRY
from tests import factories
from tests.library.helpers import make_attachment, make_practice


def test_practices_are_registered_at_start_up(app):
    doc_type = REGISTRY["practice"]
    assert str(doc_type.label) == "Praktijk"
    with app.test_request_context():
        assert doc_type.url(7) == "/praktijken/7"
    with app.app_context():
        assert doc_type.url(8) == "/praktijken/8"


def test_the_index_holds_published_practices_with_text_attachments_and_facets(app_ctx):
    theme, spearhead = factories.make_theme(slug="werk"), factories.make_spearhead(slug="toerusting")
    org = factories.make_organisation(region="Overijssel")
    published = make_practice(title="Stages", summary="Meer stageplaatsen.",
                              body="## Aanpak\n\n**Namen** en rugnummers.", themes=[theme],
                              spearhead=spearhead, organisations=[org], year=2006, kind="instrument")
    make_attachment(published, text="Tekst uit de PDF over leerwerkplekken")
    draft = make_practice(status="draft")
    archived = make_practice(status="archived")
    docs = search_docs.load([published.id, draft.id, archived.id, 999])
    assert list(docs) == [published.id]
    doc = docs[published.id]
    assert doc.title == "Stages"
    assert "Meer stageplaatsen." in doc.body and "Namen en rugnummers." in doc.body
    assert "**" not in doc.body and "##" not in doc.body
    assert "leerwerkplekken" in doc.body
    assert doc.facets == {"theme": ["werk"], "spearhead": ["toerusting"], "kind": ["instrument"],
                          "year": ["2006"], "region": ["Overijssel"]}
    assert search_docs.all_ids() == [published.id]


def test_members_may_see_published_ids_only_and_anonymous_visitors_nothing(app_ctx):
    published, draft = make_practice(), make_practice(status="draft")
    member = factories.make_user()
    assert search_docs.visible_ids(member, [published.id, draft.id]) == {published.id}

    class Anonymous:
        is_authenticated = False

    assert search_docs.visible_ids(Anonymous(), [published.id]) == set()


def test_search_facets_show_theme_and_spearhead_names_not_slugs(app_ctx):
    from servicecentrum.library.search_docs import facet_value_label

    factories.make_theme(slug="onderwijs-x", name="Onderwijs X")
    factories.make_spearhead(slug="toerusting-x", name="Toerusting X")
    assert facet_value_label("theme", "onderwijs-x") == "Onderwijs X"
    assert facet_value_label("spearhead", "toerusting-x") == "Toerusting X"
    assert facet_value_label("kind", "methode") == "Methode"
    assert facet_value_label("theme", "bestaat-niet") is None
