"""Render member-written Markdown as safe HTML, or strip it to plain text for the index."""

import html

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

# What Markdown may produce; anything else (script, style, iframe, on* attributes) is removed.
ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "del",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto"}


def _parser() -> MarkdownIt:
    # Raw HTML in the source is shown as text, not passed through: nh3 is the second guard.
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable(["table", "strikethrough"])
    parser.add_render_rule("heading_open", _shifted_heading)
    parser.add_render_rule("heading_close", _shifted_heading)
    return parser


def _shifted_heading(self, tokens, idx, options, env):
    """Make the text's highest heading an <h2>: the page's title is its only <h1>."""
    token = tokens[idx]
    level = min(max(int(token.tag[1]) + env.get("heading_shift", 0), 2), 6)
    token.tag = f"h{level}"
    return self.renderToken(tokens, idx, options, env)


def _render(source: str) -> str:
    tokens = _PARSER.parse(source)
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    env = {"heading_shift": 2 - min(levels) if levels else 0}
    return _PARSER.renderer.render(tokens, _PARSER.options, env)


_PARSER = _parser()


def render_markdown(source: str | None) -> Markup:
    """Return the Markdown as sanitised HTML, safe to put in a page as it is."""
    if not source:
        return Markup("")
    rendered = _render(source)
    cleaned = nh3.clean(rendered, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                        url_schemes=URL_SCHEMES, link_rel="noopener noreferrer nofollow")
    return Markup(cleaned)  # noqa: S704 (nh3 has just sanitised it)


def strip_markdown(source: str | None) -> str:
    """Return the text of the Markdown without markup, for search and e-mail."""
    if not source:
        return ""
    rendered = _render(source)
    text = nh3.clean(rendered, tags=set(), attributes={})
    return " ".join(html.unescape(text).split())
