"""Servicecentrum Integratie: the application factory."""

import os
from pathlib import Path

from flask import Flask

from . import config as settings
from .extensions import csrf, db, limiter, login_manager, migrate

ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: settings, extensions, blueprints, error pages, helpers, CLI."""
    instance_path = (test_config or {}).get("INSTANCE_PATH") or os.environ.get(
        "SERVICECENTRUM_INSTANCE_PATH", str(ROOT / "instance")
    )
    app = Flask(
        __name__,
        instance_path=instance_path,
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    _load_settings(app, test_config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    _init_extensions(app)
    _register_blueprints(app)

    from . import cli, errors, i18n, security, static_files, tallies, templating

    static_files.init_app(app)
    tallies.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    i18n.init_app(app)
    templating.init_app(app)
    cli.init_app(app)
    return app


def _load_settings(app: Flask, test_config: dict | None) -> None:
    app.config.from_object(settings.Defaults)
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.update(settings.settings_from_environment())
    else:
        app.config.update(test_config)

    if not app.config["SECRET_KEY"]:
        if app.debug or app.testing:
            app.config["SECRET_KEY"] = "dev-only-not-secret"  # noqa: S105
        else:
            raise RuntimeError(
                "SECRET_KEY is not set. Set the SECRET_KEY environment variable or put "
                "SECRET_KEY = '...' in instance/config.py (make run writes one for you)."
            )

    url = app.config["DATABASE_URL"] or f"sqlite:///{Path(app.instance_path) / 'servicecentrum.db'}"
    app.config["SQLALCHEMY_DATABASE_URI"] = _sqlalchemy_url(url)
    if not app.config["SEARCH_INDEX_DIR"]:
        app.config["SEARCH_INDEX_DIR"] = str(Path(app.instance_path) / "search-index")
    app.config["MAX_CONTENT_LENGTH"] = (int(app.config["UPLOAD_MAX_MB"]) + 1) * 1024 * 1024


def _sqlalchemy_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs given in the common short forms."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _init_extensions(app: Flask) -> None:
    from . import models  # noqa: F401  (register every table)
    from .database import tune_sqlite

    db.init_app(app)
    with app.app_context():
        tune_sqlite(db.engine, app.config["SQLITE_BUSY_TIMEOUT_MS"])
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    csrf.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)
    if app.config["PROXY_FIX_X_FOR"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXY_FIX_X_FOR"], x_proto=1)


def _register_blueprints(app: Flask) -> None:
    from .account import bp as account_bp
    from .admin import bp as admin_bp
    from .auth import bp as auth_bp
    from .directory import bp as directory_bp
    from .events import bp as events_bp
    from .forum import bp as forum_bp
    from .helpdesk import bp as helpdesk_bp
    from .library import bp as library_bp
    from .main import bp as main_bp
    from .notifications.views import bp as notifications_bp
    from .reports import bp as reports_bp
    from .search import bp as search_bp

    for blueprint in (main_bp, auth_bp, account_bp, admin_bp, library_bp, search_bp, forum_bp,
                      directory_bp, helpdesk_bp, reports_bp, events_bp, notifications_bp):
        app.register_blueprint(blueprint)
