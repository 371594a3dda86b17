"""Prepare a document for either backend: folded words, expansions, facets, fingerprint."""

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, unquote

from . import synonyms
from .dutch import analysis_version, compound_parts, words
from .registry import IndexedDoc

# Only the start of very long documents (PDF attachments) is indexed; PostgreSQL refuses
# a tsvector over 1 MB, and both backends must hold the same text.
MAX_BODY_CHARS = 200_000
# Characters that mark highlights in PostgreSQL headlines; removed from the stored text.
MARK_OPEN, MARK_CLOSE = "\u2983", "\u2984"

DocKey = tuple[str, int]


@dataclass(frozen=True)
class PreparedDoc:
    """One document as both backends index it."""

    key: DocKey
    title: str  # original text, for display and highlighting
    body: str
    title_words: str  # folded words, space-separated: what the backends tokenise
    body_words: str
    extra_words: str  # compound parts and synonym group tokens
    facet_tokens: tuple[str, ...]
    fingerprint: str


@lru_cache(maxsize=1)
def _version() -> str:
    return analysis_version()


def clean(text: str) -> str:
    """Drop NUL and the highlight marker characters from a text before it is stored."""
    return (text or "").replace("\x00", " ").replace(MARK_OPEN, "").replace(MARK_CLOSE, "")


def fingerprint(doc: IndexedDoc) -> str:
    """Return a hash of everything the index holds of the document (and of the word lists)."""
    facets = {name: sorted(values) for name, values in sorted(doc.facets.items())}
    payload = json.dumps(
        [_version(), doc.doc_type, int(doc.doc_id), doc.title, doc.body, facets],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def facet_token(name: str, value: str) -> str:
    """Encode one facet value as a single index token (no spaces)."""
    return f"{quote(name, safe='')}={quote(str(value), safe='')}"


@lru_cache(maxsize=50_000)
def parse_facet_token(token: str) -> tuple[str, str] | None:
    """Decode a facet token back into (name, value)."""
    name, sep, value = token.partition("=")
    return (unquote(name), unquote(value)) if sep else None


def prepare(doc: IndexedDoc) -> PreparedDoc:
    """Return the document's folded words, expansions and facet tokens."""
    title = clean(doc.title)
    body = clean(doc.body)[:MAX_BODY_CHARS]
    title_words = words(title)
    body_words = words(body)
    everything = title_words + body_words
    extras: dict[str, None] = {}
    for word in dict.fromkeys(everything):
        for part in compound_parts(word):
            extras[part] = None
    for token in synonyms.group_tokens(everything):
        extras[token] = None
    facet_tokens = tuple(
        facet_token(name, value) for name, values in sorted(doc.facets.items()) for value in values
    )
    return PreparedDoc(
        key=(doc.doc_type, int(doc.doc_id)),
        title=title,
        body=body,
        title_words=" ".join(title_words),
        body_words=" ".join(body_words),
        extra_words=" ".join(extras),
        facet_tokens=facet_tokens,
        fingerprint=fingerprint(doc),
    )
