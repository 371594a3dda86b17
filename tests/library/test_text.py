"""Member-written Markdown becomes safe HTML; scripts and tricks never reach the page."""

from html.parser import HTMLParser

import pytest

from servicecentrum.text import render_markdown, strip_markdown
from tests import factories
from tests.library.helpers import make_practice

ATTACKS = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    "[klik](javascript:alert(1))",
    '<a href="javascript:alert(1)">klik</a>',
    "<iframe src='https://kwaad.example'></iframe>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
]


class _Elements(HTMLParser):
    """Collect the real elements and attributes of an HTML fragment (escaped text is not one)."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(html)
    return parser.found


@pytest.mark.parametrize("attack", ATTACKS)
def test_dangerous_markup_is_shown_as_text_or_removed(attack):
    html = str(render_markdown(f"Tekst vooraf.\n\n{attack}\n\nTekst erna."))
    for tag, attrs in elements(html):
        assert tag in {"p", "a"}, html
        assert not any(name.startswith("on") or name == "style" for name in attrs), html
        assert attrs.get("href", "https://").startswith(("https://", "http://", "mailto:")), html
    assert "Tekst erna." in html


def test_markdown_becomes_headings_lists_emphasis_and_safe_links():
    html = str(render_markdown("# Aanpak\n\n1. Eerst **dit**\n2. Dan *dat*\n\n[FORUM](https://www.forum.nl)"))
    assert "<h2>Aanpak</h2>" in html  # the page title is the only <h1>
    nested = str(render_markdown("## Aanpak\n\n### Stap 1\n\n#### Detail"))
    assert "<h2>Aanpak</h2>" in nested and "<h3>Stap 1</h3>" in nested and "<h4>Detail</h4>" in nested
    assert "<ol>" in html and "<strong>dit</strong>" in html and "<em>dat</em>" in html
    assert '<a href="https://www.forum.nl" rel="noopener noreferrer nofollow">FORUM</a>' in html


def test_tables_keep_their_header_cells():
    html = str(render_markdown("| Jaar | Bereik |\n|---|---|\n| 2005 | 55% |"))
    assert "<th>Jaar</th>" in html and "<td>55%</td>" in html


def test_strip_markdown_keeps_only_the_words():
    text = strip_markdown("## Aanpak\n\n- **VVE** voor [iedereen](https://x.nl)")
    assert text == "Aanpak VVE voor iedereen"
    assert strip_markdown(None) == ""


def test_a_script_in_a_practice_body_never_reaches_its_page(app, client, login):
    with app.app_context():
        practice = make_practice(body="Goede aanpak.\n\n<script>document.cookie</script>\n\n"
                                      '<img src=x onerror="alert(1)">')
        login(client, factories.make_user())
        practice_id = practice.id
    html = client.get(f"/praktijken/{practice_id}").get_data(as_text=True)
    assert "<script>document.cookie" not in html
    assert "&lt;script&gt;document.cookie&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert "Goede aanpak." in html
