"""A "bedoelde u …?" suggestion: replace unknown words by the nearest frequent index word."""

import re
from functools import cached_property

from .dutch import fold, is_stopword, stem
from .query import AND_WORDS, NOT_WORDS, OR_WORDS

OPERATORS = AND_WORDS | OR_WORDS | NOT_WORDS
RAW_WORD_RE = re.compile(r"[^\W_]+")


class Vocabulary:
    """Folded words of the indexed texts; `frequency(word)` tells in how many documents.

    Frequencies are asked only for the few candidates of a suggestion, so a backend need not
    read them for every word.
    """

    def __init__(self, words, frequency):
        self.frequencies = words  # a set or dict of the words
        self.frequency = frequency

    def __contains__(self, word: str) -> bool:
        return word in self.frequencies

    @cached_property
    def _buckets(self) -> dict[tuple[str, int], list[str]]:
        buckets: dict[tuple[str, int], list[str]] = {}
        for word in self.frequencies:
            buckets.setdefault((word[:2], len(word)), []).append(word)
        return buckets

    def nearest(self, word: str) -> str | None:
        """Return the most frequent word within a small edit distance, or None.

        Words that start with the same two letters are tried first (few typos are made there);
        only when none is close enough are all words with the same first letter compared.
        """
        found = self._nearest(word, [word[:2]])
        if found is None and len(word) > 1:
            seconds = {key[0] for key in self._buckets if key[0][:1] == word[0] and key[0] != word[:2]}
            found = self._nearest(word, sorted(seconds))
        return found

    def _nearest(self, word: str, prefixes: list[str]) -> str | None:
        limit = 1 if len(word) <= 5 else 2
        best, best_key = None, None
        for prefix in prefixes:
            for length in range(len(word) - limit, len(word) + limit + 1):
                for candidate in self._buckets.get((prefix, length), ()):
                    distance = edit_distance(word, candidate, limit)
                    if distance > limit:
                        continue
                    if best_key is not None and distance > best_key[0]:
                        continue
                    key = (distance, -self.frequency(candidate), candidate)
                    if best_key is None or key < best_key:
                        best, best_key = candidate, key
        return best


class StemVocabulary(Vocabulary):
    """Stems with their document counts; `surface` turns a stem back into a word from a text.

    PostgreSQL can list the lexemes of its tsvectors cheaply, but they are stems.
    """

    def __init__(self, frequencies: dict[str, int], surface):
        super().__init__(frequencies, frequencies.__getitem__)
        self.surface = surface

    def __contains__(self, word: str) -> bool:
        return stem(word) in self.frequencies

    def nearest(self, word: str) -> str | None:
        """Return a word from the texts whose stem is nearest to the word's stem."""
        found = super().nearest(stem(word))
        return self.surface(found) if found else None


def edit_distance(a: str, b: str, limit: int) -> int:
    """Return the Damerau-Levenshtein distance, or limit + 1 once it is certainly larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2 = None
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (previous2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2]
                    and a[i - 2] == b[j - 1]):
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def suggest(text: str, vocabulary: Vocabulary) -> str | None:
    """Return the query with misspelt words corrected, or None when nothing was changed."""
    pieces = []
    pos = 0
    changed = False
    for match in RAW_WORD_RE.finditer(text):
        raw = match.group()
        word = fold(raw)
        replacement = None
        if (raw not in OPERATORS and len(word) >= 3 and word.isalpha()
                and not is_stopword(word) and word not in vocabulary):
            replacement = vocabulary.nearest(word)
        pieces.append(text[pos:match.start()])
        pieces.append(replacement or raw)
        changed = changed or bool(replacement)
        pos = match.end()
    pieces.append(text[pos:])
    return "".join(pieces) if changed else None
