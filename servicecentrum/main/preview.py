"""Preview of member-written Markdown, rendered by the very function that renders saved posts."""

from flask import make_response, request
from flask_babel import gettext as _

from ..text import render_markdown
from . import bp

PREVIEW_MAX_CHARS = 50_000  # the longest text any form takes (a practice's description)
PREVIEW_MAX_BYTES = PREVIEW_MAX_CHARS * 4 + 10_000  # room for UTF-8 and the CSRF token


def _refusal(message: str, status: int):
    response = make_response(message, status)
    response.mimetype = "text/plain"
    return response


@bp.route("/voorbeeld", methods=["POST"])
def markdown_preview():
    """Return the HTML a text will have once saved (a fragment for editor.js)."""
    if (request.content_length or 0) > PREVIEW_MAX_BYTES:
        return _refusal(_("De tekst is te lang voor een voorbeeld: hoogstens 50.000 tekens."), 413)
    source = request.form.get("body")
    if source is None:
        return _refusal(_("Er is geen tekst meegestuurd om te tonen."), 400)
    if len(source) > PREVIEW_MAX_CHARS:
        return _refusal(_("De tekst is te lang voor een voorbeeld: hoogstens 50.000 tekens."), 413)
    response = make_response(str(render_markdown(source)))
    response.headers["Cache-Control"] = "no-store"
    return response
