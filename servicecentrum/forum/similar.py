"""Similar content before asking: questions and practices the unified search finds for a title."""

import re

from ..search.service import search

SIMILAR_LIMIT = 5
MIN_WORD = 4
MAX_WORDS = 8
_WORD = re.compile(r"\w+", re.UNICODE)


def similar_query(title: str) -> str:
    """Turn a title into a query that finds documents with any of its longer words."""
    found: list[str] = []
    for word in _WORD.findall((title or "").lower()):
        if len(word) >= MIN_WORD and word not in found:
            found.append(word)
    return " OF ".join(found[:MAX_WORDS])


def similar_items(user, title: str, limit: int = SIMILAR_LIMIT) -> list:
    """Return at most `limit` results the member may see for the title, best first, one per thread."""
    text = similar_query(title)
    if not text:
        return []
    items, seen = [], set()
    for item in search(user, text, per_page=limit * 3).items:
        page = item.url.split("#", 1)[0]  # answers lead to their question: show each thread once
        if page not in seen:
            seen.add(page)
            items.append(item)
    return items[:limit]
