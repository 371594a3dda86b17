"""The unified search page: one list over every type, only what the member may see, in Dutch."""

import re

import pytest
from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.search import sync
from servicecentrum.search.models import SearchMiss, SearchOutboxEntry
from tests import factories
from tests.conftest import open_session_for

from .doctypes import add_practice


@pytest.fixture
def member(search_app):
    """Return a logged-in client and its user id."""
    client = search_app.test_client()
    with search_app.app_context():
        user = factories.make_user()
        open_session_for(search_app, client, user)
        return client, user.id


def index(app, *practices):
    with app.app_context():
        for title, fields in practices:
            add_practice(title, **fields)
        sync.drain()


def page(client, query_string: str) -> str:
    response = client.get("/zoeken?" + query_string)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def misses(app) -> list[str]:
    with app.app_context():
        return db.session.scalars(select(SearchMiss.query)).all()


def test_an_empty_query_explains_how_to_search(search_app, member):
    client, _ = member
    html = page(client, "q=")
    assert "<h1>Zoeken</h1>" in html and "Zoektips" in html
    assert misses(search_app) == []


def test_results_show_highlighted_titles_type_and_link(search_app, member):
    client, _ = member
    index(search_app, ("Stageplaatsen voor jongeren", {"body": "Werkgevers in het mkb doen mee."}))
    html = page(client, "q=stageplaats")
    assert "1 resultaat voor ‘stageplaats’" in html
    assert "<mark>Stageplaatsen</mark> voor jongeren" in html
    assert "Testpraktijk" in html and 'href="/praktijken/1"' in html


def test_no_results_gives_tips_a_suggestion_and_records_the_miss(search_app, member):
    client, _ = member
    index(search_app, ("Schooluitval voorkomen", {}))
    html = page(client, "q=schooluitvl")
    assert "Geen resultaten voor ‘schooluitvl’" in html
    assert "Bedoelde u:" in html and "?q=schooluitval" in html
    assert "Zoektips" in html
    assert misses(search_app) == ["schooluitvl"]


def test_a_recorded_miss_is_trimmed_and_holds_nothing_personal(search_app, member):
    client, _ = member
    index(search_app)
    page(client, "q=" + "onvindbaar " * 40)
    (stored,) = misses(search_app)
    assert len(stored) == 200 and stored.startswith("onvindbaar")
    assert {c.name for c in SearchMiss.__table__.columns} == {"id", "query", "created_at"}


@pytest.mark.parametrize("query, message", [
    ('"werk en inkomen', "Er ontbreekt een afsluitend aanhalingsteken"),
    ("(werk OF inkomen", "De haakjes in uw zoekvraag zijn niet in evenwicht"),
    ("werk OF", "EN, OF of NIET staat niet tussen twee zoekwoorden"),
    ("NIET werk", "Met alleen NIET of een minteken vinden we niets"),
    ("%%% ***", "Uw zoekvraag bevat geen woorden"),
])
def test_query_syntax_problems_are_explained_not_failed(search_app, member, query, message):
    client, _ = member
    index(search_app, ("Werk en inkomen", {}))
    from urllib.parse import quote

    assert message in page(client, "q=" + quote(query))


def test_drafts_are_shown_only_to_their_author_and_advisers(search_app):
    with search_app.app_context():
        author = factories.make_user()
        other = factories.make_user()
        adviser = factories.make_user(role="adviser")
        ids = (author.id, other.id, adviser.id)
        add_practice("Mantelzorg concept", status="draft", author=author)
        add_practice("Mantelzorg gepubliceerd", status="published")
        sync.drain()
    seen = {}
    for user_id in ids:
        client = search_app.test_client()
        open_session_for(search_app, client, user_id)
        seen[user_id] = page(client, "q=mantelzorg")
    assert "</mark> concept" in seen[ids[0]] and "2 resultaten" in seen[ids[0]]
    assert "</mark> concept" not in seen[ids[1]] and "1 resultaat voor" in seen[ids[1]]
    assert "</mark> gepubliceerd" in seen[ids[1]]
    assert "</mark> concept" in seen[ids[2]]


def test_results_mix_types_and_filter_by_type(search_app, member, test_types):
    client, _ = member
    test_types.docs[7] = ("Notitie over inburgering", "Een korte notitie.")
    with search_app.app_context():
        db.session.add(SearchOutboxEntry(doc_type="note", doc_id=7))
        db.session.commit()
    index(search_app, ("Inburgering in de wijk", {}))
    html = page(client, "q=inburgering")
    assert "Notitie over" in html and "in de wijk" in html
    assert "Notitie (1)" in html and "Testpraktijk (1)" in html
    only_notes = page(client, "q=inburgering&type=note")
    assert "Notitie over" in only_notes and "in de wijk" not in only_notes


def test_facets_filter_and_count(search_app, member):
    client, _ = member
    index(search_app, ("Taalles in 2006", {"year": 2006}), ("Taalles in 2007", {"year": 2007}),
          ("Taalles zonder jaar", {}))
    html = page(client, "q=taalles")
    assert "<h3>Jaar</h3>" in html and "2006 (1)" in html and "2007 (1)" in html
    assert "<h3>Soort praktijk</h3>" in html and "Goede praktijk (3)" in html
    filtered = page(client, "q=taalles&f=year:2006")
    assert "1 resultaat voor" in filtered and "</mark> in 2006" in filtered


def test_results_are_paginated(search_app, member):
    client, _ = member
    index(search_app, *[(f"Wijkaanpak deel {n}", {}) for n in range(25)])
    first = page(client, "q=wijkaanpak")
    assert "25 resultaten" in first and "Pagina 1 van 2" in first
    second = page(client, "q=wijkaanpak&page=2")
    assert len(re.findall(r'<li class="card">', second)) == 5
    beyond = page(client, "q=wijkaanpak&page=9")
    assert "Pagina 2 van 2" in beyond


def test_titles_are_escaped(search_app, member):
    client, _ = member
    index(search_app, ("<script>alert(1)</script> schooluitval", {}))
    html = page(client, "q=schooluitval")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_odd_parameters_never_fail(search_app, member):
    client, _ = member
    index(search_app, ("Werk", {}))
    for query in ("q=werk&page=abc", "q=werk&page=-4", "q=werk&type=onbekend", "q=werk&f=geen-dubbele-punt",
                  "q=werk&f=:leeg", "q=" + "(" * 300, "q=%00werk", "q=werk&page=99999999999999999999"):
        assert client.get("/zoeken?" + query).status_code == 200, query
