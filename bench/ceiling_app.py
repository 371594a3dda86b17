"""The ceiling for bench/pages.py: a bare Flask + Jinja page of a given size, no database, no session.

    .venv/bin/gunicorn -w 2 -b 127.0.0.1:8001 bench.ceiling_app:app
    curl http://127.0.0.1:8001/pad/25000      # an HTML page of exactly 25,000 bytes

Whatever our app does on top of rendering a template of the same size (login check, queries,
the layout's helpers) shows up as the distance between its req/s and this one.
"""

from functools import cache

from flask import Flask, render_template
from jinja2 import DictLoader

PAGE = """<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main><h1>{{ title }}</h1>
<p>{{ padding }}</p>
</main></body>
</html>
"""
TITLE = "Plafond"
FILLER = "Gewoon doen: integratiebeleid in de praktijk. "

app = Flask(__name__)
app.jinja_loader = DictLoader({"page.html": PAGE})  # compiled once, like a template file


@cache
def padding_for(size: int) -> str:
    """Text that makes the rendered page exactly ``size`` bytes (as long as it is not too small)."""
    shell = len(render_page("").encode())
    missing = max(0, size - shell)
    return (FILLER * (missing // len(FILLER) + 1))[:missing]


def render_page(padding: str) -> str:
    return render_template("page.html", title=TITLE, padding=padding)


@app.get("/pad/<int:size>")
def pad(size: int):
    """Render the page padded to ``size`` bytes."""
    return render_page(padding_for(size))
