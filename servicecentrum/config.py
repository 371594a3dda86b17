"""Settings: defaults, then instance/config.py, then the environment."""

import os

ENV_PREFIX = "SERVICECENTRUM_"

# Settings that may come from the environment, with the type to parse them as.
ENVIRONMENT_SETTINGS = {
    "SECRET_KEY": str,
    "DATABASE_URL": str,
    "SEARCH_BACKEND": str,
    "SEARCH_INDEX_DIR": str,
    "MAIL_BACKEND": str,
    "MAIL_SERVER": str,
    "MAIL_PORT": int,
    "MAIL_USE_TLS": bool,
    "MAIL_USE_SSL": bool,
    "MAIL_USERNAME": str,
    "MAIL_PASSWORD": str,
    "MAIL_DEFAULT_SENDER": str,
    "MAIL_TIMEOUT": int,
    "RATELIMIT_STORAGE_URI": str,
    "UPLOAD_MAX_MB": int,
    "SESSION_COOKIE_SECURE": bool,
    "SESSION_IDLE_MINUTES": int,
    "TALLY_REDIS_URL": str,
    "TALLY_FLUSH_SECONDS": int,
    "SETTINGS_CACHE_SECONDS": int,
    "LIST_CACHE_SECONDS": int,
    "SESSION_LIFETIME_HOURS": int,
    "PROXY_FIX_X_FOR": int,
    "SERVER_NAME": str,
    "BASE_URL": str,
    "PREFERRED_URL_SCHEME": str,
}


class Defaults:
    """Safe defaults for every setting; nothing here is secret."""

    SECRET_KEY = None
    BASE_URL = "http://127.0.0.1:5000"  # used for links in e-mails sent outside a request
    DATABASE_URL = None  # None means SQLite in instance/
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    SEARCH_BACKEND = "whoosh"
    SEARCH_INDEX_DIR = None  # None means instance/search-index
    SEARCH_DRAIN_WAIT_SECONDS = 0.5  # how long a request waits for the index lock before leaving it to cron
    SEARCH_REBUILD_IN_REQUEST_MAX = 2000  # a broken index this small is rebuilt during the request
    MAIL_BACKEND = None  # "smtp" or "console"; None: smtp when MAIL_SERVER is set, else console
    MAIL_SERVER = None  # no SMTP server: mails are printed to the console (development)
    MAIL_PORT = 25
    MAIL_USE_TLS = False
    MAIL_USE_SSL = False
    MAIL_USERNAME = None
    MAIL_PASSWORD = None
    MAIL_DEFAULT_SENDER = "Servicecentrum Integratie <noreply@servicecentrum.example>"
    MAIL_TIMEOUT = 30
    MAIL_MAX_ATTEMPTS = 8
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    LOGIN_FAILURE_LIMIT = "10 per 15 minutes"
    SIGNUP_LIMIT = "10 per hour"
    SESSION_IDLE_MINUTES = 60
    # Views and "last seen" stamps are buffered (a GET never writes) and written in batches:
    # in each process's memory by default, in Redis (shared by every worker) when set.
    TALLY_REDIS_URL = None
    TALLY_FLUSH_SECONDS = 15
    STATIC_BUILD_DIR = None  # hashed copies of static/; None means instance/static-build
    SETTINGS_CACHE_SECONDS = 30  # site settings kept in each process's memory this long
    LIST_CACHE_SECONDS = 60  # themes, programmes: kept per process, forgotten on a change (0: off)
    SESSION_LIFETIME_HOURS = 12
    PROXY_FIX_X_FOR = 0  # number of trusted proxies in front of the app (X-Forwarded-For)
    UPLOAD_MAX_MB = 20
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "sci_session"
    REMEMBER_COOKIE_HTTPONLY = True
    BABEL_DEFAULT_LOCALE = "nl"
    BABEL_DEFAULT_TIMEZONE = "Europe/Amsterdam"
    LANGUAGES = ("nl", "en")
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session
    SQLITE_BUSY_TIMEOUT_MS = 15000


def parse_env_value(kind, raw: str):
    """Turn an environment string into the setting's type."""
    if kind is bool:
        return raw.strip().lower() in {"1", "true", "yes", "on", "ja"}
    if kind is int:
        return int(raw)
    return raw


def settings_from_environment(environ=None) -> dict:
    """Read the documented settings from the environment (plain or prefixed name)."""
    environ = os.environ if environ is None else environ
    found = {}
    for name, kind in ENVIRONMENT_SETTINGS.items():
        for key in (name, ENV_PREFIX + name):
            if environ.get(key) not in (None, ""):
                found[name] = parse_env_value(kind, environ[key])
    return found
