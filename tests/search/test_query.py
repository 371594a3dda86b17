"""The query parser reads what members type and never fails on odd input."""

import random
import string

import pytest

from servicecentrum.search import query
from servicecentrum.search.plan import build
from servicecentrum.search.postgres_backend import tsquery
from servicecentrum.search.query import And, Not, Or, Phrase, Word, parse


def test_words_are_all_required_and_folded():
    assert parse("Financiële Steun").tree == And((Word("financiele"), Word("steun")))


def test_phrases_operators_and_parentheses():
    tree = parse('("werk en inkomen" OF WWB) EN jongeren NIET stage*').tree
    assert tree == And((
        Or((Phrase(("werk", "en", "inkomen")), Word("wwb"))),
        Word("jongeren"),
        Not(Word("stage", prefix=True)),
    ))


def test_operators_count_only_in_capitals():
    assert parse("werk en inkomen").tree == And((Word("werk"), Word("en"), Word("inkomen")))
    assert parse("werk of inkomen").tree == And((Word("werk"), Word("of"), Word("inkomen")))


def test_a_leading_minus_excludes():
    assert parse("onderwijs -vve").tree == And((Word("onderwijs"), Not(Word("vve"))))


def test_a_hyphenated_word_is_a_phrase_of_its_parts():
    assert parse("sociaal-economisch").tree == Phrase(("sociaal", "economisch"))


@pytest.mark.parametrize("text, problem", [
    ('"werk en inkomen', query.UNCLOSED_QUOTE),
    ("(werk OF inkomen", query.UNBALANCED_PARENS),
    ("werk) inkomen", query.UNBALANCED_PARENS),
    ("werk OF", query.DANGLING_OPERATOR),
    ("EN werk", query.DANGLING_OPERATOR),
    ("NIET werk", query.ONLY_NEGATIVE),
    ("-werk -inkomen", query.ONLY_NEGATIVE),
    ("werk " * 200, query.TOO_LONG),
    ("(" * 30 + "werk" + ")" * 30, query.TOO_LONG),
    ("!!! ???", query.NO_WORDS),
])
def test_odd_input_is_repaired_and_named(text, problem):
    parsed = parse(text)
    assert problem in parsed.problems


def test_repaired_queries_still_search_the_words():
    assert parse('"werk en inkomen').tree == Phrase(("werk", "en", "inkomen"))
    assert parse("(werk OF inkomen").tree == Or((Word("werk"), Word("inkomen")))
    assert parse("werk OF").tree == Word("werk")


def test_an_empty_query_is_not_a_problem():
    assert parse("   ").problems == []
    assert parse("").tree is None


ALPHABET = string.ascii_letters + string.digits + ' "()*-:!&|<>\'\\éëü€\t\n' + "ENOFNIETANDORNOT"


@pytest.mark.parametrize("seed", range(400))
def test_the_parser_and_plan_never_raise_on_random_input(seed):
    rng = random.Random(seed)
    pieces = [rng.choice(["EN", "OF", "NIET", "AND", "OR", "NOT", "(", ")", '"', "-", "*", "vve",
                          "werk", "de", "taalachterstand", "schooluitvallers", " "])
              for _ in range(rng.randint(0, 12))]
    noise = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40)))
    text = " ".join(pieces) + noise if seed % 2 else noise + "".join(pieces)
    parsed = parse(text)
    plan = build(parsed)
    assert isinstance(parsed.problems, list)
    if plan.root is not None:
        compiled = tsquery(plan.root)
        assert compiled.count("(") == compiled.count(")")
