"""Turn a parsed query into a match plan both backends carry out the same way.

The plan holds folded surface words; each backend stems them with its own (identical)
Snowball Dutch stemmer. A word becomes "any of": itself (as a stem prefix when long
enough), its other inflected or derived forms, and the token of its synonym group.
Compounds are split on the index side only (see prepare.py): "achterstand" finds
"taalachterstand" there, and a query-side split would match far too much ("werk").
"""

from dataclasses import dataclass, field

from . import synonyms
from .dutch import compound_parts, is_stopword, prefix_ok, stem, variants
from .query import And, Not, Or, ParsedQuery, Phrase, Word


@dataclass(frozen=True)
class Term:
    """Match a word (its stem, and longer words sharing it when prefix is set)."""

    word: str  # folded surface word
    prefix: bool = False  # also match longer words that start with its stem
    boost: float = 1.0


@dataclass(frozen=True)
class Key:
    """Match documents that use any form of a synonym group."""

    token: str  # a synonym group token, held in the documents' expansion field


@dataclass(frozen=True)
class Seq:
    """Match words next to each other."""

    words: tuple[str, ...]  # a phrase


@dataclass(frozen=True)
class All:
    """Match documents that match every item."""

    items: tuple


@dataclass(frozen=True)
class Any:
    """Match documents that match at least one item."""

    items: tuple


@dataclass(frozen=True)
class Exclude:
    """Leave out documents that match the item."""

    item: object


@dataclass
class Highlight:
    """The stems to mark in titles and snippets."""

    exact: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    _seen: dict = field(default_factory=dict, repr=False, compare=False)

    def matches(self, word: str) -> bool:
        """Tell whether a folded word from a text should be marked."""
        found = self._seen.get(word)
        if found is None:
            stemmed = stem(word)
            found = (stemmed in self.exact or any(stemmed.startswith(p) for p in self.prefixes)
                     or any(self.matches(part) for part in compound_parts(word)))
            self._seen[word] = found
        return found

    def words(self) -> list[str]:
        """Every stem to mark, prefixes last (for the PostgreSQL headline query)."""
        return sorted(self.exact) + sorted(self.prefixes)


@dataclass
class Plan:
    """What to match (None: nothing to search) and what to mark."""

    root: object | None
    highlight: Highlight


def build(parsed: ParsedQuery) -> Plan:
    """Expand the parsed query into a plan; root is None when nothing can be searched."""
    highlight = Highlight()
    root = _expand(parsed.tree, highlight) if parsed.searchable else None
    return Plan(root=root, highlight=highlight)


def _expand(node, hl: Highlight):
    if node is None:
        return None
    if isinstance(node, Word):
        return _word(node, hl)
    if isinstance(node, Phrase):
        return _phrase(node.words, hl)
    if isinstance(node, Not):
        inner = _expand(node.item, Highlight())  # excluded words are not marked
        return Exclude(inner) if inner is not None else None
    if isinstance(node, Or):
        return _any([_expand(item, hl) for item in node.items])
    if isinstance(node, And):
        return _all(_and_items(node.items, hl))
    return None


def _word(node: Word, hl: Highlight):
    word = node.text
    if is_stopword(word) and not node.prefix:
        return None
    as_prefix = node.prefix or prefix_ok(word)
    (hl.prefixes if as_prefix else hl.exact).add(stem(word))
    options: list = [Term(word, prefix=as_prefix, boost=1.0)]
    if not node.prefix:
        for form, form_prefix in variants(word):
            options.append(Term(form, prefix=form_prefix, boost=0.3))
            (hl.prefixes if form_prefix else hl.exact).add(stem(form))
        for _start, _end, group in synonyms.find([word]):
            options.append(_group_key(group, hl))
    return _any(options)


def _phrase(words: tuple[str, ...], hl: Highlight):
    if all(is_stopword(w) for w in words):
        return None
    hl.exact.update(stem(w) for w in words if not is_stopword(w))
    seq = Seq(words)
    found = synonyms.find(list(words))
    if len(found) == 1 and found[0][:2] == (0, len(words)):
        return Any((seq, _group_key(found[0][2], hl)))
    return seq


def _and_items(items, hl: Highlight) -> list:
    """Expand the items of an AND; a run of plain words may spell a synonym's full form."""
    expanded = []
    run: list[str] = []

    def flush():
        found = synonyms.find(run)
        covered = {i for start, end, _g in found if end - start > 1 for i in range(start, end)}
        i = 0
        while i < len(run):
            span = next(((s, e, g) for s, e, g in found if s == i and e - s > 1), None)
            if span:
                start, end, group = span
                words = _all([_word(Word(w), hl) for w in run[start:end]])
                expanded.append(_any([words, _group_key(group, hl)]))
                i = end
            else:
                if i not in covered:
                    expanded.append(_word(Word(run[i]), hl))
                i += 1
        run.clear()

    for item in items:
        if isinstance(item, Word) and not item.prefix:
            run.append(item.text)
            continue
        flush()
        expanded.append(_expand(item, hl))
    flush()
    return expanded


def _group_key(group: synonyms.SynonymGroup, hl: Highlight) -> Key:
    for form in group.forms:
        hl.exact.update(stem(w) for w in form if not is_stopword(w))
    return Key(group.token)


def _any(items):
    items = [i for i in items if i is not None]
    if not items:
        return None
    return items[0] if len(items) == 1 else Any(tuple(items))


def _all(items):
    items = [i for i in items if i is not None]
    if not items:
        return None
    if all(isinstance(i, Exclude) for i in items):
        return None  # nothing left to rank: "de NIET vve" after dropping the stop word
    return items[0] if len(items) == 1 else All(tuple(items))
