"""The Dutch analysis both backends share: folding, forms, compounds and the synonym list."""

import pytest

from servicecentrum.search import dutch, synonyms
from servicecentrum.search.prepare import prepare
from servicecentrum.search.registry import IndexedDoc


def test_folding_removes_accents_and_case():
    assert dutch.words("Financiële café-eigenaar") == ["financiele", "cafe", "eigenaar"]


@pytest.mark.parametrize("word, form", [
    ("stageplaats", "stageplaatsen"),
    ("stageplaatsen", "stageplaats"),
    ("schooluitvallers", "schooluitval"),
    ("kinderen", "kind"),
    ("inburgeraars", "inburgeer"),
])
def test_query_words_bring_their_other_forms(word, form):
    assert form in [f for f, _prefix in dutch.variants(word)]


@pytest.mark.parametrize("word, parts", [
    ("taalachterstand", ("taal", "achterstand")),
    ("ouderbetrokkenheid", ("ouder", "betrokkenheid")),
    ("inburgeringscursus", ("inburgering", "cursus")),
    ("schooluitvallers", ("school", "uitvallers")),
    ("huisbezoeken", ("huis", "bezoeken")),
])
def test_compounds_split_into_listed_parts(word, parts):
    assert dutch.compound_parts(word) == parts


@pytest.mark.parametrize("word", ["onderwijs", "gemeente", "beleid", "xyzabcdefg"])
def test_ordinary_words_are_not_split(word):
    assert dutch.compound_parts(word) == ()


def test_every_abbreviation_named_in_the_issue_is_listed():
    names = {group.name for group in synonyms.GROUPS}
    assert {"vve", "wmo", "wwb", "wi", "cwi", "mkb", "g30", "roc", "nt2"} <= names


def test_an_indexed_document_carries_parts_and_synonym_tokens():
    prepared = prepare(IndexedDoc("memo", 1, "Taalachterstand", "Voor- en vroegschoolse educatie"))
    extra = prepared.extra_words.split()
    assert {"taal", "achterstand", "synvve"} <= set(extra)


def test_highlight_markers_are_stripped_from_stored_text():
    prepared = prepare(IndexedDoc("memo", 1, "a\u2983b\u2984c", "x\x00y"))
    assert prepared.title == "abc"
    assert prepared.body == "x y"
