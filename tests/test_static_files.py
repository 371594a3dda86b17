"""Static files are served as a CDN would: hashed names, a year of immutable caching, no app work."""

import re
from pathlib import Path

from sqlalchemy import event

from servicecentrum.extensions import db
from servicecentrum.static_files import build_static_files
from tests import factories

HASHED_CSS = re.compile(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"')


def _stylesheet_url(client) -> str:
    match = HASHED_CSS.search(client.get("/").get_data(as_text=True))
    assert match, "the page links the stylesheet under a hashed name"
    return match.group(1)


def test_pages_link_static_files_by_a_hash_of_their_content(app, client):
    url = _stylesheet_url(client)
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.get_data() == (Path(app.static_folder) / "css" / "site.css").read_bytes()


def test_a_static_file_needs_no_session_and_no_query_even_for_a_logged_in_member(app, client, login):
    with app.app_context():
        login(client, factories.make_user())
        engine = db.engine
    url = _stylesheet_url(client)
    statements = []

    def note(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        response = client.get(url)
    finally:
        event.remove(engine, "before_cursor_execute", note)
    assert response.status_code == 200
    assert statements == []
    assert "Cookie" not in response.headers.get("Vary", "")
    assert "Set-Cookie" not in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_plain_name_still_answers_with_a_short_cache(client):
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert "immutable" not in response.headers["Cache-Control"]


def test_gzip_is_served_to_browsers_that_accept_it(client):
    url = _stylesheet_url(client)
    response = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert response.headers.get("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in response.headers.get("Vary", "")


def test_a_changed_file_gets_a_new_name_and_imports_follow_the_hashed_names(tmp_path):
    source, build = tmp_path / "static", tmp_path / "build"
    (source / "js").mkdir(parents=True)
    (source / "vendor").mkdir()
    (source / "vendor" / "lib.js").write_text("export const a = 1;\n")
    (source / "js" / "app.js").write_text('import "../vendor/lib.js";\nimport { b } from "./b.js";\n')
    (source / "js" / "b.js").write_text("export const b = 2;\n")
    first = build_static_files(source, build)
    app_js = (build / first["js/app.js"]).read_text()
    assert f'import "../{first["vendor/lib.js"]}"' in app_js
    assert f'"./{first["js/b.js"].split("/")[-1]}"' in app_js

    (source / "vendor" / "lib.js").write_text("export const a = 3;\n")
    second = build_static_files(source, build)
    assert second["vendor/lib.js"] != first["vendor/lib.js"]
    assert second["js/app.js"] != first["js/app.js"]  # its import changed, so its name did too
    assert second["js/b.js"] == first["js/b.js"]
    assert (build / first["vendor/lib.js"]).read_text() == "export const a = 1;\n"  # old pages keep working


def test_an_unknown_static_file_is_a_404(client):
    assert client.get("/static/css/bestaat-niet.css").status_code == 404
