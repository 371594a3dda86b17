"""While the index is rebuilt: a plain database search on titles, so members still find things."""

from markupsafe import Markup

from . import highlight
from .backend import Hit
from .dutch import fold, is_stopword
from .query import ParsedQuery, positive_words
from .registry import REGISTRY

MAX_WORDS = 5
SCAN_LIMIT = 2000  # titles scanned per type that offers no find_by_title


def title_search(user, parsed: ParsedQuery, doc_types: list[str] | None, limit: int) -> tuple[list[Hit], int]:
    """Return the documents the member may see whose titles contain every query word."""
    words = [w for w in positive_words(parsed.tree) if not is_stopword(w)][:MAX_WORDS]
    if not words:
        return [], 0
    hits: list[Hit] = []
    for name, kind in REGISTRY.items():
        if doc_types and name not in doc_types:
            continue
        ids = _find(kind, words, limit)
        visible = kind.visible_ids(user, ids) if ids else set()
        ids = [i for i in ids if i in visible]
        docs = kind.load(ids) if ids else {}
        for doc_id in ids:
            doc = docs.get(doc_id)
            if doc is None:
                continue
            title = _mark(doc.title, words)
            body = doc.body[:240] + ("…" if len(doc.body) > 240 else "")
            hits.append(Hit(name, doc_id, 0.0, title, Markup.escape(body)))
    return hits[:limit], len(hits)


def _find(kind, words: list[str], limit: int) -> list[int]:
    if kind.find_by_title is not None:
        return list(kind.find_by_title(words, limit))
    found = []
    ids = list(kind.all_ids())[:SCAN_LIMIT]
    for start in range(0, len(ids), 500):
        for doc_id, doc in kind.load(ids[start:start + 500]).items():
            title = fold(doc.title)
            if all(w in title for w in words):
                found.append(doc_id)
    return found[:limit]


def _mark(title: str, words: list[str]) -> Markup:
    spans = []
    folded = fold(title)
    if len(folded) == len(title):  # offsets line up: mark the words as typed
        for word in words:
            start = folded.find(word)
            while start >= 0:
                spans.append((start, start + len(word)))
                start = folded.find(word, start + len(word))
    return highlight.render_spans(title, spans) if spans else Markup.escape(title)
