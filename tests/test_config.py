"""Settings: defaults, then instance/config.py, then the environment."""

import pytest

from servicecentrum import create_app
from servicecentrum.config import settings_from_environment


def test_missing_secret_key_outside_debug_and_testing_stops_start_up(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("SERVICECENTRUM_SECRET_KEY", raising=False)
    monkeypatch.setenv("SERVICECENTRUM_INSTANCE_PATH", str(tmp_path))
    with pytest.raises(RuntimeError, match="SECRET_KEY is not set"):
        create_app()


def test_instance_config_is_read_and_environment_wins(tmp_path, monkeypatch):
    (tmp_path / "config.py").write_text("SECRET_KEY = 'uit-instance'\nUPLOAD_MAX_MB = 5\n")
    monkeypatch.setenv("SERVICECENTRUM_INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("UPLOAD_MAX_MB", "7")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/ander.db")
    app = create_app()
    assert app.config["SECRET_KEY"] == "uit-instance"
    assert app.config["UPLOAD_MAX_MB"] == 7
    assert app.config["MAX_CONTENT_LENGTH"] == 8 * 1024 * 1024
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/ander.db"


def test_default_database_and_search_index_live_in_instance(tmp_path, monkeypatch):
    for name in ("DATABASE_URL", "SEARCH_INDEX_DIR", "SERVICECENTRUM_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SERVICECENTRUM_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.setenv("SECRET_KEY", "x")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/instance/servicecentrum.db"
    assert app.config["SEARCH_INDEX_DIR"] == str(tmp_path / "instance" / "search-index")
    assert (tmp_path / "instance").is_dir()


def test_postgres_urls_use_psycopg_3(tmp_path):
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path),
                      "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test"})
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql+psycopg://")


def test_environment_values_are_parsed_to_their_types():
    found = settings_from_environment(
        {"MAIL_PORT": "587", "MAIL_USE_TLS": "true", "SESSION_COOKIE_SECURE": "0", "UNRELATED": "x"}
    )
    assert found == {"MAIL_PORT": 587, "MAIL_USE_TLS": True, "SESSION_COOKIE_SECURE": False}
