"""Dutch text analysis shared by every backend: folding, words, stems, inflections, compounds.

Both backends stem with the Snowball Dutch algorithm (Whoosh's Python port and PostgreSQL's
``dutch`` configuration agree word for word). What Snowball misses is handled here, in Python,
so the backends stay in step:

* accent folding (``financiële`` = ``financiele``, ``café`` = ``cafe``);
* inflections and derived forms, on the query side: ``stageplaatsen`` also asks for
  ``stageplaats``, ``schooluitvallers`` for ``schooluitval``, ``inburgering`` for
  ``inburger``, each as a prefix of its stem;
* compounds, on the index side: ``taalachterstand`` also indexes ``taal`` and
  ``achterstand``, split against the maintained word list in ``compounds.txt``.
"""

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from whoosh.lang import stemmer_for_language, stopwords_for_language

DATA_DIR = Path(__file__).resolve().parent
WORD_RE = re.compile(r"[^\W_]+")
STOPWORDS = frozenset(stopwords_for_language("nl"))
MIN_PREFIX_STEM = 4  # shorter stems match exactly only (no "ou*" flooding the query)
MIN_PART = 3  # shortest compound part ("wet", "les")
MIN_COMPOUND = 7  # shorter words are not split
LINKERS = ("", "s", "en", "e")  # Dutch linking sounds: inburgering-s-cursus, kind-er-opvang

# Suffixes stripped on the query side, longest first: inflections, then derivations.
SUFFIXES = (
    "ingen", "heden", "aties", "eren", "ische", "lijke", "iteit", "aars", "ing", "ers", "atie",
    "aar",
    "heid", "isch", "lijk", "en", "er", "s", "e",
)
MIN_BASE = 4
MIN_VARIANT_STEM = 5  # a shorter stem of another form would match far too much ("proc*")
VOWELS = "aeiou"

_stem = stemmer_for_language("nl")


def fold(text: str) -> str:
    """Lower-case the text and remove accents (é -> e, ë -> e)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Split text into folded words (letters and digits; hyphens and punctuation separate)."""
    return WORD_RE.findall(fold(text))


def word_spans(text: str):
    """Yield (start, end, folded word) for every word in the original, unfolded text."""
    for match in WORD_RE.finditer(text):
        folded = fold(match.group())
        # Folding never joins or splits words, but it may change a character into two.
        for word in WORD_RE.findall(folded):
            yield match.start(), match.end(), word


def is_stopword(word: str) -> bool:
    """Tell whether the folded word is a Dutch stop word (the Snowball list)."""
    return word in STOPWORDS


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Return the Snowball Dutch stem of a folded word."""
    return _stem(word)


@lru_cache(maxsize=50_000)
def variants(word: str) -> tuple[tuple[str, bool], ...]:
    """Return other forms of a folded query word whose stems Snowball keeps apart.

    Both directions count: ``stageplaatsen`` -> ``stageplaats`` (a shorter stem) and
    ``stageplaats`` -> ``stageplaatsen`` (whose stem ``stageplaats`` is not a prefix-match of
    ``stageplat``). Each form comes with whether its stem is long enough to be used as a
    prefix; forms already covered by a shorter stem used as a prefix are left out.
    """
    forms = []
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_BASE:
            base = word[: -len(suffix)]
            forms.append(base)
            if len(base) > 2 and base[-1] == base[-2] and base[-1] not in VOWELS:
                forms.append(base[:-1])  # uitvall(ers) -> uitval
            if suffix[0] in VOWELS and _open_syllable(base):
                forms.append(base[:-1] + base[-2] + base[-1])  # schol(en) -> school
    if word.isalpha():
        forms += [word + "en", word + "s"]
        if _short_closed_syllable(word):
            forms.append(word + word[-1] + "en")  # uitval -> uitvallen
        if len(word) > 3 and word[-2] == word[-3] and word[-2] in VOWELS and word[-1] not in VOWELS:
            forms.append(word[:-3] + word[-2] + word[-1] + "en")  # school -> scholen
    own = stem(word)
    stems = {form: stem(form) for form in forms}
    kept: list[tuple[str, bool]] = []
    prefixes = [own] if len(own) >= MIN_PREFIX_STEM else []
    exact = {own}
    for form in sorted(dict.fromkeys(forms), key=lambda f: (len(stems[f]), f)):
        candidate = stems[form]
        if len(candidate) < MIN_BASE or candidate in exact:
            continue
        if any(candidate.startswith(p) for p in prefixes):
            continue
        as_prefix = len(candidate) >= MIN_VARIANT_STEM
        kept.append((form, as_prefix))
        exact.add(candidate)
        if as_prefix:
            prefixes.append(candidate)
    return tuple(kept[:4])


def _open_syllable(base: str) -> bool:
    """Consonant, single vowel, consonant at the end: the vowel was long before the ending."""
    if len(base) < 3:
        return False
    a, b, c = base[-3:]
    return a not in VOWELS and b in VOWELS and c not in VOWELS and b != "i"


def _short_closed_syllable(word: str) -> bool:
    """Single vowel and one consonant at the end, so an ending doubles it (val -> vallen)."""
    if len(word) < 3:
        return False
    a, b, c = word[-3:]
    return a not in VOWELS and b in VOWELS and c not in VOWELS + "wjy"


def prefix_ok(word: str) -> bool:
    """Tell whether the word's stem is long enough to match other words as a prefix."""
    return len(stem(word)) >= MIN_PREFIX_STEM


def _load_lexicon() -> frozenset[str]:
    lines = (DATA_DIR / "compounds.txt").read_text(encoding="utf-8").splitlines()
    entries = set()
    for line in lines:
        line = line.split("#", 1)[0]
        entries.update(fold(w) for w in line.split())
    return frozenset(w for w in entries if len(w) >= MIN_PART)


LEXICON = _load_lexicon()


def _is_part(word: str) -> bool:
    if word in LEXICON:
        return True
    return any(form in LEXICON for form, _prefix in variants(word))


@lru_cache(maxsize=200_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """Split a folded compound into known parts (``taalachterstand`` -> taal, achterstand).

    Returns () for words that are not compounds of the word list in ``compounds.txt``.
    """
    if len(word) < MIN_COMPOUND or not word.isalpha():
        return ()
    parts = _split(word, depth=0)
    return tuple(parts) if parts and len(parts) > 1 else ()


def _split(word: str, depth: int) -> list[str] | None:
    if depth > 3:
        return None
    # Longest head first: "ouderbetrokkenheid" -> "ouder" + "betrokkenheid", not "oud" + ...
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head = word[:cut]
        if head not in LEXICON:
            continue
        rest = word[cut:]
        for linker in LINKERS:
            if not rest.startswith(linker):
                continue
            tail = rest[len(linker):]
            if len(tail) < MIN_PART:
                continue
            if _is_part(tail):
                return [head, tail]
            deeper = _split(tail, depth + 1)
            if deeper:
                return [head, *deeper]
    return None


def analysis_version() -> str:
    """Return a short fingerprint of the word lists, so an index built with older lists is stale."""
    import hashlib

    digest = hashlib.sha256()
    for name in ("compounds.txt", "synonyms.txt"):
        digest.update((DATA_DIR / name).read_bytes())
    digest.update(b"analysis-1")
    return digest.hexdigest()[:12]
