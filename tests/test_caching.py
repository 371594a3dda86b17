"""Shared lists kept per process: loaded once, shown changed at once here, and within a minute elsewhere."""

from sqlalchemy import insert, update

from servicecentrum import caching
from servicecentrum.auth.models import User
from servicecentrum.extensions import db
from servicecentrum.taxonomy.models import Programme, Theme
from tests import factories

HOME = "/overzicht"


def _loads(statements, table: str) -> int:
    """How many statements load rows of the table (not merely mention it in a condition)."""
    return sum(1 for s in statements if s.lstrip().startswith(f"SELECT {table}."))


def _officer_client(app, login):
    client = app.test_client()
    with app.app_context():
        login(client, factories.make_user())
    return client


def test_the_start_page_loads_the_programmes_once_and_shows_a_new_one_at_once(app, login, count_queries):
    with app.app_context():
        factories.make_programme(name="Sociale Cohesie")
        factories.make_theme(name="Werk")
    client = _officer_client(app, login)
    client.get(HOME)
    with count_queries() as second:
        html = client.get(HOME).get_data(as_text=True)
    assert "Sociale Cohesie" in html and "Volg Werk" in html
    assert _loads(second.statements, "programmes") == _loads(second.statements, "themes") == 0
    with app.app_context():
        factories.make_programme(name="Jeugd en Veiligheid")
        db.session.execute(update(Theme).values(name="Onderwijs"))  # a bulk change is noticed too
        db.session.commit()
    html = client.get(HOME).get_data(as_text=True)
    assert "Jeugd en Veiligheid" in html and "Volg Onderwijs" in html


def test_an_adviser_added_to_a_programme_shows_at_once(app, login):
    with app.app_context():
        programme = factories.make_programme(name="Sociale Cohesie")
        adviser = factories.make_user(role="adviser", name="Carla Veldman")
        ids = programme.id, adviser.id
    client = _officer_client(app, login)
    assert "Carla Veldman" not in client.get(HOME).get_data(as_text=True)
    with app.app_context():
        programme = db.session.get(Programme, ids[0])
        programme.advisers.append(db.session.get(User, ids[1]))
        db.session.commit()
    assert "Carla Veldman" in client.get(HOME).get_data(as_text=True)


def test_a_change_made_by_another_process_shows_when_the_time_to_live_is_over(app, login, monkeypatch):
    with app.app_context():
        factories.make_programme(name="Sociale Cohesie")
    client = _officer_client(app, login)
    assert "Sociale Cohesie" in client.get(HOME).get_data(as_text=True)
    with app.app_context(), db.engine.begin() as connection:  # not through this process's session
        connection.execute(update(Programme.__table__).values(name="Religie en Identiteit"))
    assert "Sociale Cohesie" in client.get(HOME).get_data(as_text=True)  # still the kept list
    later = caching.time.monotonic() + caching.DEFAULT_SECONDS + 1
    monkeypatch.setattr(caching.time, "monotonic", lambda: later)
    assert "Religie en Identiteit" in client.get(HOME).get_data(as_text=True)


def test_a_theme_missing_from_the_kept_list_is_loaded_after_all(app_ctx):
    first = caching.themes()
    db.session.commit()  # one SQLite connection in the tests: end the session's transaction first
    with db.engine.begin() as connection:  # another process adds a theme
        connection.execute(insert(Theme.__table__).values(slug="werk", name="Werk", description=""))
    new_id = db.session.scalar(db.select(Theme.id).where(Theme.slug == "werk"))
    assert caching.themes() == first
    assert [theme.name for theme in caching.themes_with_ids([new_id])] == ["Werk"]


def test_without_a_time_to_live_nothing_is_kept(app, login, count_queries):
    app.config["LIST_CACHE_SECONDS"] = 0
    with app.app_context():
        factories.make_programme()
    client = _officer_client(app, login)
    client.get(HOME)
    with count_queries() as again:
        client.get(HOME)
    assert _loads(again.statements, "programmes") == 1
