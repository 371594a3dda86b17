"""The maintained synonym list (synonyms.txt): abbreviations and their full forms."""

from dataclasses import dataclass
from functools import lru_cache

from .dutch import DATA_DIR, stem, words

KEY_PREFIX = "syn"  # group tokens in the index, e.g. "synvve"; no Dutch word looks like that


@dataclass(frozen=True)
class SynonymGroup:
    """Forms that mean the same; each form is a tuple of folded words."""

    name: str
    forms: tuple[tuple[str, ...], ...]

    @property
    def token(self) -> str:
        """The word the index holds for every document that uses one of the forms."""
        return KEY_PREFIX + "".join(ch for ch in self.name if ch.isalnum())


def _load() -> tuple[SynonymGroup, ...]:
    groups = []
    for line in (DATA_DIR / "synonyms.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        forms = tuple(dict.fromkeys(tuple(words(f)) for f in line.split("|") if words(f)))
        if forms:
            groups.append(SynonymGroup(name="".join(forms[0]), forms=forms))
    return tuple(groups)


GROUPS = _load()


@lru_cache(maxsize=1)
def _by_first_stem() -> dict[str, list[tuple[tuple[str, ...], SynonymGroup]]]:
    index: dict[str, list[tuple[tuple[str, ...], SynonymGroup]]] = {}
    for group in GROUPS:
        for form in group.forms:
            stems = tuple(stem(w) for w in form)
            index.setdefault(stems[0], []).append((stems, group))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))  # longest form first
    return index


def find(word_list: list[str]) -> list[tuple[int, int, SynonymGroup]]:
    """Find the forms in a list of folded words: (start, end, group), not overlapping."""
    index = _by_first_stem()
    stems = [stem(w) for w in word_list]
    found = []
    i = 0
    while i < len(stems):
        match = None
        for form_stems, group in index.get(stems[i], ()):
            end = i + len(form_stems)
            if tuple(stems[i:end]) == form_stems:
                match = (i, end, group)
                break
        if match:
            found.append(match)
            i = match[1]
        else:
            i += 1
    return found


def group_tokens(word_list: list[str]) -> list[str]:
    """Return the group token of every synonym form in the words (once per group)."""
    return list(dict.fromkeys(group.token for _s, _e, group in find(word_list)))
