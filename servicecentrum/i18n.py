"""Languages: Dutch by default, English on request."""

from contextlib import contextmanager

from flask import Flask, current_app, has_request_context, session
from flask_babel import get_locale

from .extensions import babel


def select_locale() -> str:
    """Use the language the visitor chose; otherwise Dutch."""
    chosen = session.get("lang") if has_request_context() else None
    if chosen in current_app.config["LANGUAGES"]:
        return chosen
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def select_timezone() -> str:
    """Show times in the logged-in member's time zone; otherwise in Europe/Amsterdam."""
    default = current_app.config["BABEL_DEFAULT_TIMEZONE"]
    if not has_request_context():
        return default
    from flask_login import current_user

    from .notifications.preferences import member_time_zone

    if getattr(current_user, "is_authenticated", False):
        return member_time_zone(current_user)
    return default


@contextmanager
def times_for(user):
    """Format times for this member (their zone) while rendering something for them, such as a mail."""
    from flask_babel import _get_current_context
    from pytz import timezone

    from .notifications.preferences import member_time_zone

    ctx = _get_current_context()
    if ctx is None:
        yield
        return
    missing = object()
    before = getattr(ctx, "babel_tzinfo", missing)
    ctx.babel_tzinfo = timezone(member_time_zone(user))
    try:
        yield
    finally:
        if before is missing:
            del ctx.babel_tzinfo
        else:
            ctx.babel_tzinfo = before


def current_language() -> str:
    return str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])


def init_app(app: Flask) -> None:
    """Bind Flask-Babel to our translations folder and locale choice."""
    from . import ROOT

    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(ROOT / "translations"))
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    app.jinja_env.globals["current_language"] = current_language
    app.jinja_env.install_gettext_callables(gettext=_template_gettext, ngettext=_template_ngettext,
                                            newstyle=True)


# Templates call gettext dozens to hundreds of times a page with a few hundred distinct
# strings: remember each translation per language instead of walking Flask-Babel's context
# and domain lookups for every call. force_locale (mails in the recipient's language) still
# works: the language is read from the current context on every call.
_translated: dict[tuple[str, str], str] = {}  # (language, msgid) → translation (we have nl, en)


def _language() -> str:
    from flask_babel import _get_current_context

    ctx = _get_current_context()
    locale = getattr(ctx, "babel_locale", None) if ctx is not None else None
    locale = locale or get_locale()
    return locale.language if locale is not None else ""


def _template_gettext(string: str) -> str:
    key = (_language(), string)
    try:
        return _translated[key]
    except KeyError:
        from flask_babel import get_translations

        _translated[key] = translated = get_translations().ugettext(string)
        return translated


def _template_ngettext(singular: str, plural: str, n: int) -> str:
    from flask_babel import get_translations

    return get_translations().ungettext(singular, plural, n)
