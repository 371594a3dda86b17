"""Mark the matched words in a title or a snippet: HTML-escaped text with <mark> only."""

from markupsafe import Markup, escape

from .dutch import word_spans
from .plan import Highlight
from .prepare import MARK_CLOSE, MARK_OPEN

SNIPPET_WORDS = 32
SNIPPET_CHARS = 260
SCAN_CHARS = 20_000  # snippets come from the start of long texts (PDF attachments)
SCAN_WORDS = 1_500  # without a match this far in, the snippet shows the opening words


def mark_all(text: str, highlight: Highlight) -> Markup:
    """Return the whole text, escaped, with every matching word in <mark>."""
    spans = [(s, e) for s, e, word in word_spans(text) if highlight.matches(word)]
    return render_spans(text, spans)


def snippet(text: str, highlight: Highlight) -> Markup:
    """Return a short passage from just before the first match, escaped, with <mark>."""
    spans: list[tuple[int, int, str]] = []
    first = None
    for span in word_spans(text[:SCAN_CHARS]):
        spans.append(span)
        if first is None:
            if highlight.matches(span[2]):
                first = len(spans) - 1
            elif len(spans) > SCAN_WORDS:
                break
        elif len(spans) >= first + SNIPPET_WORDS:
            break
    if not spans:
        return Markup("")
    start_word = max(0, (first or 0) - 4)
    window = spans[start_word:start_word + SNIPPET_WORDS]
    start, end = window[0][0], window[-1][1]
    if end - start > SNIPPET_CHARS:  # a window of very long words
        end = start + SNIPPET_CHARS
    marked = [(s - start, min(e, end) - start) for s, e, word in window
              if s < end and highlight.matches(word)]
    html = render_spans(text[start:end], marked)
    before = "… " if start > 0 else ""
    after = " …" if end < len(text.rstrip()) else ""
    return escape(before) + html + escape(after)


def render_spans(text: str, spans: list[tuple[int, int]]) -> Markup:
    """Escape the text and wrap each (start, end) span in <mark>."""
    parts = []
    pos = 0
    for start, end in sorted(set(spans)):
        if start < pos:
            continue
        parts.append(escape(text[pos:start]))
        parts.append(Markup("<mark>") + escape(text[start:end]) + Markup("</mark>"))
        pos = end
    parts.append(escape(text[pos:]))
    return Markup("").join(parts)


def from_headline(text: str) -> Markup:
    """Turn a PostgreSQL headline (marked with the marker characters) into safe HTML."""
    html = str(escape(text))
    html = html.replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>")
    if html.count("<mark>") != html.count("</mark>"):
        html = html.replace("<mark>", "").replace("</mark>", "")
    return Markup(html)  # noqa: S704 (escaped above; only <mark> tags were put back)
