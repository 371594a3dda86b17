"""Dutch error pages for every error a visitor can meet."""

from flask import Flask, current_app, jsonify, make_response, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

ERROR_TEXTS = {
    400: (_l("Verzoek niet begrepen"),
          _l("Uw verzoek kon niet worden verwerkt. Ga terug, controleer wat u invulde en probeer het opnieuw.")),
    403: (_l("Geen toegang"),
          _l("U heeft geen toegang tot deze pagina. Denkt u dat dit niet klopt? Neem contact op met het Servicecentrum.")),
    404: (_l("Pagina niet gevonden"),
          _l("Deze pagina bestaat niet (meer). Controleer het adres of ga naar de startpagina.")),
    405: (_l("Handeling niet toegestaan"),
          _l("Deze pagina kan niet op deze manier worden gebruikt.")),
    413: (_l("Bestand te groot"),
          _l("Wat u verstuurde is groter dan toegestaan. Kies een kleiner bestand en probeer het opnieuw.")),
    429: (_l("Te veel verzoeken"),
          _l("U heeft in korte tijd te veel verzoeken gedaan. Wacht enkele minuten en probeer het dan opnieuw.")),
    500: (_l("Er ging iets mis"),
          _l("Er ging aan onze kant iets mis. Probeer het later opnieuw; blijft het probleem, neem dan contact op met het Servicecentrum.")),
}

CSRF_TEXT = (_l("Formulier verlopen"),
             _l("Het formulier was verlopen of onvolledig. Laad de pagina opnieuw en verstuur het nog een keer."))


def init_app(app: Flask) -> None:
    """Render every HTTP error as a Dutch page with the right status."""
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected_error)


def render_error(code: int, title, message):
    """Return the error page (or JSON for clients that ask for it) with its status."""
    if request.accept_mimetypes.best == "application/json":
        body = jsonify({"error": str(title), "message": str(message)})
    else:
        body = render_template("errors/error.html", code=code, title=title, message=message)
    return make_response(body, code)


def _csrf_error(error: CSRFError):
    return render_error(400, *CSRF_TEXT)


def _http_error(error: HTTPException):
    code = error.code or 500
    title, message = ERROR_TEXTS.get(code, (error.name, error.description))
    response = render_error(code, title, message)
    if code == 405 and getattr(error, "valid_methods", None):
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response


def _unexpected_error(error: Exception):
    from .extensions import db

    if isinstance(error, HTTPException):
        return _http_error(error)
    current_app.logger.exception("Unhandled error", exc_info=error)
    db.session.rollback()
    if current_app.config.get("PROPAGATE_EXCEPTIONS"):
        raise error
    return _http_error(InternalServerError())
