"""The search page in a real browser: results, no results, odd queries and a rebuilding index pass axe."""

import os
import shutil
from pathlib import Path
from urllib.parse import quote

from servicecentrum.extensions import db
from servicecentrum.library.models import Practice
from servicecentrum.search import sync
from servicecentrum.search.outbox import enqueue

from .conftest import assert_accessible, csp_violations, login_as, make_member


def publish_practices(live_server, count: int) -> None:
    """Add published practices and bring the index up to date, as the library does."""
    with live_server.app.app_context():
        for n in range(count):
            practice = Practice(
                title=f"Stageplaatsen voor jongeren in wijk {n}", status="published",
                summary="Werkgevers uit het midden- en kleinbedrijf bieden leerlingen een stage.",
                body="Met het ROC en het CWI vinden jongeren een stageplaats dicht bij huis.",
                kind="praktijk", year=2006 + n % 3,
            )
            db.session.add(practice)
            db.session.flush()
            enqueue("practice", practice.id)
        db.session.commit()
        sync.drain()


def open_search(page, live_server, query: str) -> str:
    page.goto(f"{live_server.url}/zoeken?q={quote(query)}")
    return page.locator("main").inner_text()


def test_search_pages_pass_axe(page, live_server, console_messages):
    publish_practices(live_server, 24)
    login_as(page, live_server, *make_member(live_server))

    text = open_search(page, live_server, "")
    assert "Zoektips" in text
    assert_accessible(page)

    text = open_search(page, live_server, "stageplaats")
    assert "24 resultaten voor ‘stageplaats’" in text
    assert page.locator("main mark").count() > 0
    assert_accessible(page)

    page.get_by_role("link", name="Volgende pagina").click()
    assert "Pagina 2 van 2" in page.locator("main").inner_text()
    assert_accessible(page)

    text = open_search(page, live_server, "stageplaatsn OF kleinbedrijff")
    assert "Geen resultaten" in text and "Bedoelde u:" in text
    assert_accessible(page)

    text = open_search(page, live_server, '"werk OF (jongeren')
    assert "Er ontbreekt een afsluitend aanhalingsteken" in text
    assert_accessible(page)
    assert csp_violations(console_messages) == []


def test_a_missing_index_shows_the_notice_accessibly(page, live_server):
    publish_practices(live_server, 2)
    index = Path(live_server.app.config["SEARCH_INDEX_DIR"])
    shutil.rmtree(os.path.realpath(index))
    index.unlink()
    login_as(page, live_server, *make_member(live_server))
    text = open_search(page, live_server, "stageplaatsen")
    assert "De zoekfunctie wordt opnieuw opgebouwd…" in text
    assert "Stageplaatsen voor jongeren in wijk 0" in text
    assert_accessible(page)
