"""The library of good practices, methods and instruments."""

from flask import Blueprint

from ..text import render_markdown

bp = Blueprint("library", __name__, url_prefix="/praktijken")
# App-wide, so any template can render member-written Markdown safely: {{ text|markdown }}.
bp.add_app_template_filter(render_markdown, "markdown")

from . import attachment_views, member_data, search_docs, views, workflow_views  # noqa: E402,F401
