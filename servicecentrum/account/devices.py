"""Turn a browser's User-Agent header into a short description a member recognises."""

from flask_babel import gettext as _

# Order matters: many browsers also call themselves "Chrome" or "Safari".
BROWSERS = (
    ("Edg/", "Edge"),
    ("EdgA/", "Edge"),
    ("EdgiOS/", "Edge"),
    ("OPR/", "Opera"),
    ("Opera", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Vivaldi/", "Vivaldi"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
    ("MSIE ", "Internet Explorer"),
    ("Trident/", "Internet Explorer"),
)

# iOS and Android before macOS and Linux: their headers mention those too.
SYSTEMS = (
    ("iPhone", "iOS"),
    ("iPad", "iPadOS"),
    ("Android", "Android"),
    ("CrOS", "ChromeOS"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("Macintosh", "macOS"),
    ("Linux", "Linux"),
)


def _first_match(user_agent: str, table) -> str | None:
    return next((name for marker, name in table if marker in user_agent), None)


def describe_user_agent(user_agent: str | None) -> str:
    """Return "Firefox op Windows" and the like; a plain phrase when the header is unknown."""
    user_agent = user_agent or ""
    browser = _first_match(user_agent, BROWSERS)
    system = _first_match(user_agent, SYSTEMS)
    if browser and system:
        return _("%(browser)s op %(system)s", browser=browser, system=system)
    if browser:
        return browser
    if system:
        return _("Onbekende browser op %(system)s", system=system)
    return _("Onbekend apparaat")
