"""Public pages, the overview, health, error pages, headers and language choice."""

import re

from flask import abort

from servicecentrum.extensions import db
from tests import factories
from tests.query_budget import PAGE_BUDGET, queries_of


def _h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))


def test_landing_page_explains_the_service_in_dutch(client):
    response = client.get("/")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<html lang="nl">' in html
    for pillar in ("Vragen aan collega's", "Bibliotheek van goede praktijken", "Helpdesk", "Bijeenkomsten"):
        assert pillar in html
    assert 'href="/inloggen"' in html
    assert _h1_count(html) == 1


def test_every_page_has_skip_link_landmarks_and_one_heading(app, client, login):
    with app.app_context():
        login(client, factories.make_user())
    for path in ("/", "/toegankelijkheid", "/overzicht", "/bestaat-niet"):
        html = client.get(path).get_data(as_text=True)
        assert 'class="skip-link" href="#inhoud"' in html, path
        assert '<main id="inhoud"' in html and "<header" in html and "<footer" in html, path
        assert _h1_count(html) == 1, path


def test_accessibility_statement_names_the_standard(client):
    html = client.get("/toegankelijkheid").get_data(as_text=True)
    assert "Toegankelijkheidsverklaring" in html
    assert "WCAG" in html and "2.1" in html


def test_overview_lists_programmes_with_their_advisers(app, client, login):
    with app.app_context():
        adviser = factories.make_user(role="adviser", name="Carla Veldman")
        factories.make_programme(name="Sociale Cohesie", advisers=[adviser])
        login(client, factories.make_user(name="Sanne Jansen"))
    html = client.get("/overzicht").get_data(as_text=True)
    assert "Welkom, Sanne Jansen" in html
    assert "Sociale Cohesie" in html and "Carla Veldman" in html


def test_overview_issues_the_same_queries_for_few_and_many_programmes(app, client, login, count_queries):
    app.config["LIST_CACHE_SECONDS"] = 0  # load the programmes every time: their loading is measured
    with app.app_context():
        member = factories.make_user()
        login(client, member)
        for _ in range(3):
            factories.make_programme(advisers=[factories.make_user(role="adviser")])
    few = queries_of(client, count_queries, "/overzicht")
    with app.app_context():
        for _ in range(30):
            factories.make_programme(advisers=[factories.make_user(role="adviser")])
    many = queries_of(client, count_queries, "/overzicht")
    assert few == many <= PAGE_BUDGET


def test_healthz_reports_ok_when_database_and_index_folder_work(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "checks": {"database": "ok", "search_index": "ok"}}


def test_healthz_names_the_failing_part_with_503(app, client, tmp_path):
    blocker = tmp_path / "een-bestand"
    blocker.write_text("geen map")
    app.config["SEARCH_INDEX_DIR"] = str(blocker / "search-index")
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "error"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["search_index"] != "ok"


def test_healthz_reports_a_database_that_does_not_answer(tmp_path):
    from servicecentrum import create_app
    from tests.conftest import base_config

    config = base_config(tmp_path, f"sqlite:///{tmp_path}/geen-map/db.sqlite")
    response = create_app(config).test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["checks"]["database"].startswith("database unavailable")


def test_unknown_page_gets_a_dutch_404(client):
    response = client.get("/bestaat-niet")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.get_data(as_text=True)


def test_wrong_method_gets_a_dutch_405_with_allow_header(client):
    response = client.put("/toegankelijkheid")
    assert response.status_code == 405
    assert "Handeling niet toegestaan" in response.get_data(as_text=True)
    assert "GET" in response.headers["Allow"]


def test_oversized_request_gets_a_dutch_413(app, client):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    response = client.post("/inloggen", data={"email": "x" * 5000})
    assert response.status_code == 413
    assert "Bestand te groot" in response.get_data(as_text=True)


def _app_with_failing_routes(tmp_path, database_url):
    from servicecentrum import create_app
    from tests.conftest import base_config

    config = base_config(tmp_path, database_url or "sqlite://")
    config["PROPAGATE_EXCEPTIONS"] = False
    application = create_app(config)

    @application.route("/_test/kapot")
    def broken():
        raise RuntimeError("boom")

    @application.route("/_test/verboden")
    def forbidden():
        abort(403)

    @application.route("/_test/te-vaak")
    def too_many():
        abort(429)

    return application


def test_error_pages_for_403_429_and_500_are_dutch_and_keep_the_status(app, tmp_path, database_url, login):
    application = _app_with_failing_routes(tmp_path, database_url)
    client = application.test_client()
    with application.app_context():
        db.create_all() if not database_url else None
        login(client, factories.make_user())
    expected = {"/_test/kapot": (500, "Er ging iets mis"), "/_test/verboden": (403, "Geen toegang"),
                "/_test/te-vaak": (429, "Te veel verzoeken")}
    for path, (status, title) in expected.items():
        response = client.get(path)
        assert response.status_code == status, path
        html = response.get_data(as_text=True)
        assert title in html and "boom" not in html


def test_responses_carry_security_headers_and_a_csp_without_inline_scripts(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]
    assert "Strict-Transport-Security" not in response.headers
    assert "Strict-Transport-Security" in client.get("/", base_url="https://localhost").headers


def test_pages_contain_no_inline_scripts_or_styles(app, client, login):
    with app.app_context():
        login(client, factories.make_user())
    for path in ("/", "/toegankelijkheid", "/overzicht", "/inloggen", "/bestaat-niet"):
        html = client.get(path).get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), path
        assert " style=" not in html and "<style" not in html, path
        assert not re.search(r"\son[a-z]+=", html), path


def test_member_switches_to_english_and_back(client, post_form):
    response = post_form(client, "/taal", {"lang": "en", "next": "/toegankelijkheid"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/toegankelijkheid"
    html = client.get("/toegankelijkheid").get_data(as_text=True)
    assert '<html lang="en">' in html
    assert "Accessibility statement" in html
    post_form(client, "/taal", {"lang": "nl"})
    assert "Toegankelijkheidsverklaring" in client.get("/toegankelijkheid").get_data(as_text=True)


def test_language_switch_ignores_unknown_languages_and_foreign_redirects(client, post_form):
    response = post_form(client, "/taal", {"lang": "fr", "next": "https://elders.example/"})
    assert response.headers["Location"] == "/"
    assert '<html lang="nl">' in client.get("/").get_data(as_text=True)
