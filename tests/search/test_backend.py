"""One backend suite, run against Whoosh and (on PostgreSQL) the PostgreSQL backend.

The relevance cases are what officers type: inflections, derived forms, compounds, accents,
the field's abbreviations, phrases, EN/OF/NIET, misspellings.
"""

import pytest

from servicecentrum.search.backend import make_backend
from servicecentrum.search.prepare import fingerprint
from servicecentrum.search.registry import IndexedDoc


def doc(doc_id, title, body, **facets):
    return IndexedDoc("memo", doc_id, title, body, facets={k: list(v) for k, v in facets.items()})


CORPUS = [
    doc(1, "Stageplaatsen voor jongeren", "Ondernemers uit het mkb bieden vmbo-leerlingen een stage.",
        theme=["werk"], year=["2006"]),
    doc(2, "Schooluitval voorkomen", "Mentoren begeleiden leerlingen die dreigen te stoppen met school.",
        theme=["onderwijs"], year=["2006"]),
    doc(3, "Een tweede kans", "Een project dat schooluitvallers terug naar een opleiding begeleidt.",
        theme=["onderwijs"], year=["2007"]),
    doc(4, "Taalachterstand bij peuters", "Met voor- en vroegschoolse educatie halen peuters veel in.",
        theme=["onderwijs"]),
    doc(5, "Ouderbetrokkenheid op de basisschool", "Scholen zoeken moeders en vaders thuis op.",
        theme=["onderwijs"]),
    doc(6, "Inburgeraars aan het werk", "Een traject met taalcursus en werkervaring.", theme=["inburgering"]),
    doc(7, "Mantelzorg in migrantengezinnen",
        "Wat de Wet maatschappelijke ondersteuning van gemeenten vraagt.", theme=["zorg"]),
    doc(8, "Financiële steun voor zelforganisaties", "Subsidie voor een café als ontmoetingsplek.",
        theme=["participatie"]),
    doc(9, "Jongeren zonder baan", "Zij schrijven zich in bij het Centrum voor Werk en Inkomen.",
        theme=["werk"]),
    doc(10, "Participatieplaatsen", "De Wet werk en bijstand geeft gemeenten ruimte voor activering.",
        theme=["werk"]),
    doc(11, "NT2 op het ROC", "Lessen voor volwassen nieuwkomers.", theme=["inburgering"]),
    doc(12, "Wijkaanpak in de G30", "Buurtbewoners werken samen aan leefbaarheid.", theme=["wonen"]),
    doc(14, "Meer peuters naar de VVE", "Consultatiebureaus verwijzen gezinnen door.", theme=["onderwijs"]),
    doc(15, "Huishoudelijke hulp", "De WMO verandert de thuiszorg.", theme=["zorg"]),
    doc(16, "Werken met behoud van uitkering", "Een proef binnen de WWB.", theme=["werk"]),
    doc(17, "Inschrijven bij het CWI", "Jongeren melden zich bij het loket.", theme=["werk"]),
    doc(18, "Leerbanen in het midden- en kleinbedrijf", "Bedrijven en scholen werken samen.", theme=["werk"]),
    doc(19, "De Wet inburgering uitgelegd", "Wat verandert er voor gemeenten.", theme=["inburgering"]),
    doc(20, "Inburgering in de praktijk", "Ervaringen van consulenten.", theme=["inburgering"]),
    doc(21, "Taalles bij het regionaal opleidingencentrum", "Nederlands als tweede taal in de avond.",
        theme=["inburgering"]),
    doc(22, "<script>alert('x')</script> & zo", "Een titel met tekens die ontsnapt moeten worden.",
        theme=["overig"]),
]


@pytest.fixture
def backend(search_app, backend_name):
    with search_app.app_context():
        engine = make_backend(backend_name, search_app)
        engine.upsert(CORPUS)
        yield engine


def found(backend, query, **kwargs) -> list[int]:
    return [hit.doc_id for hit in backend.search(query, limit=50, **kwargs).hits]


@pytest.mark.parametrize("query, expected", [
    ("stageplaats", {1}),
    ("stageplaatsen", {1}),
    ("schooluitval", {2, 3}),
    ("schooluitvallers", {2, 3}),
    ("inburgering", {6, 19, 20}),  # derived: inburgeraars
    ("inburgeraar", {6}),
    ("participeren", {10}),  # derived: participatieplaatsen
    ("scholen", {2, 5, 18}),  # school, scholen
])
def test_inflections_and_derived_forms_find_each_other(backend, query, expected):
    assert expected <= set(found(backend, query))


def test_the_form_typed_ranks_first(backend):
    assert found(backend, "schooluitvallers")[0] == 3
    assert found(backend, "schooluitval")[0] == 2


@pytest.mark.parametrize("query, expected", [
    ("achterstand", 4),
    ("taal achterstand", 4),
    ("betrokkenheid ouders", 5),
    ("ouders betrokkenheid", 5),
    ("taalachterstand", 4),
])
def test_compounds_are_found_by_their_parts(backend, query, expected):
    assert expected in found(backend, query)


@pytest.mark.parametrize("query", ["financiele", "financiële", "FINANCIELE"])
def test_accents_do_not_matter(backend, query):
    assert found(backend, query) == [8]


def test_cafe_finds_cafe_with_accent(backend):
    assert found(backend, "cafe") == [8]


@pytest.mark.parametrize("query, expected", [
    ("VVE", {4, 14}),
    ("voor- en vroegschoolse educatie", {4, 14}),
    ('"voor- en vroegschoolse educatie"', {4, 14}),
    ("WMO", {7, 15}),
    ("wet maatschappelijke ondersteuning", {7, 15}),
    ("WWB", {10, 16}),
    ("Wet werk en bijstand", {10, 16}),
    ("CWI", {9, 17}),
    ("centrum voor werk en inkomen", {9, 17}),
    ("MKB", {1, 18}),
    ("midden- en kleinbedrijf", {1, 18}),
    ("WI", {19, 20}),
    ("ROC", {11, 21}),
    ("NT2", {11, 21}),
    ("G30", {12}),
])
def test_abbreviations_and_full_names_find_each_other(backend, query, expected):
    assert expected <= set(found(backend, query))


def test_a_phrase_needs_its_words_together(backend):
    assert set(found(backend, '"werk en inkomen"')) == {9}
    assert set(found(backend, "werk inkomen")) >= {9}


@pytest.mark.parametrize("query, expected", [
    ("peuters EN educatie", {4}),
    ("peuters AND educatie", {4}),
    ("WMO OF WWB", {7, 10, 15, 16}),
    ("WMO OR WWB", {7, 10, 15, 16}),
    ("peuters NIET VVE", set()),
    ("peuters NOT consultatiebureaus", {4}),
    ("peuters -consultatiebureaus", {4}),
    ("(mantelzorg OF thuiszorg) EN WMO", {7, 15}),
])
def test_boolean_operators_in_dutch_and_english(backend, query, expected):
    assert set(found(backend, query)) == expected


def test_lower_case_en_is_an_ordinary_word(backend):
    assert set(found(backend, "moeders en vaders")) == {5}


def test_a_prefix_with_a_star(backend):
    assert {6, 9, 10, 16, 18} <= set(found(backend, "werk*"))


def test_a_misspelling_gets_a_suggestion(backend):
    results = backend.search("schooluitvl")
    assert results.total == 0
    assert results.suggestion == "schooluitval"
    assert backend.search("inburgring voorkomen").suggestion == "inburgering voorkomen"


def test_no_suggestion_when_results_are_found(backend):
    assert backend.search("schooluitval").suggestion is None


def test_snippets_mark_the_matches(backend):
    hit = backend.search("mentoren")
    assert "<mark>Mentoren</mark>" in str(hit.hits[0].snippet_html)
    title = backend.search("schooluitval").hits[0].title_html
    assert "<mark>Schooluitval</mark>" in str(title)


def test_titles_and_snippets_are_escaped(backend):
    hit = backend.search("ontsnapt").hits[0]
    assert "<script>" not in str(hit.title_html)
    assert "&lt;script&gt;" in str(hit.title_html)
    assert "<mark>ontsnapt</mark>" in str(hit.snippet_html)


def test_a_title_match_ranks_above_a_body_match(backend):
    assert found(backend, "peuters")[:2] in ([4, 14], [14, 4])


def test_filters_by_type_and_facet(backend):
    assert set(found(backend, "peuters", facets={"theme": ["onderwijs"]})) == {4, 14}
    assert found(backend, "peuters", facets={"theme": ["werk"]}) == []
    assert found(backend, "peuters", doc_types=["other"]) == []


def test_allowed_hides_documents_from_results_and_counts(backend):
    results = backend.search("peuters", allowed=lambda keys: {k for k in keys if k[1] != 14})
    assert [h.doc_id for h in results.hits] == [4]
    assert results.total == 1
    assert results.type_counts == {"memo": 1}
    assert results.facet_counts["theme"] == {"onderwijs": 1}


def test_facet_counts_ignore_their_own_filter(backend):
    results = backend.search("jongeren", facets={"theme": ["werk"]}, allowed=lambda keys: set(keys))
    assert results.total == 3
    assert results.facet_counts["theme"]["werk"] == 3


def test_paging(backend):
    first = backend.search("werk OF onderwijs OF peuters", limit=3)
    second = backend.search("werk OF onderwijs OF peuters", limit=3, offset=3)
    assert first.total == second.total > 6
    assert not {h.doc_id for h in first.hits} & {h.doc_id for h in second.hits}


def test_delete_removes_and_upsert_replaces(backend):
    backend.delete([("memo", 2)])
    assert 2 not in found(backend, "mentoren")
    backend.upsert([doc(3, "Een tweede kans", "Nu over voortijdig schoolverlaten.")])
    assert found(backend, "schooluitvallers") == []
    assert found(backend, "schoolverlaten") == [3]


def test_keys_with_fingerprints_match_the_documents(backend):
    assert backend.keys_with_fingerprints() == {("memo", d.doc_id): fingerprint(d) for d in CORPUS}


def test_rebuild_replaces_everything(backend, backend_name):
    with backend.write_lock() as held:
        assert held
        count = backend.rebuild(iter([doc(30, "Nieuw", "Alleen dit document")]), progress=None)
        if backend.stores_in_database:
            from servicecentrum.extensions import db

            db.session.commit()
    assert count == 1
    assert set(backend.keys_with_fingerprints()) == {("memo", 30)}
    assert found(backend, "document") == [30]


@pytest.mark.parametrize("query", ["", "   ", "de het een", "NIET peuters", '"', "()", "OF"])
def test_queries_without_anything_to_find_return_nothing_quietly(backend, query):
    results = backend.search(query)
    assert results.total == 0
    assert results.hits == []


def test_random_input_never_fails_in_the_engine(backend):
    import random

    rng = random.Random(4)
    pieces = ["EN", "OF", "NIET", "(", ")", '"', "-", "*", "peuters", "vve", "de", "wmo", "'", "\\",
              ":", "&", "|", "!", "<->", "café", "werk*", "a", "x" * 60]
    for _ in range(80):
        query = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        results = backend.search(query, allowed=lambda keys: set(keys))
        assert results.total >= 0, query
