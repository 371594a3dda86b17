"""The library pages pass axe-core for officers and advisers: list with facets, a practice,
the proposal form with errors, the edit page with attachments and the version history."""

import re

import pytest

from servicecentrum.extensions import db
from servicecentrum.library import services
from tests import factories
from tests.library.helpers import make_attachment, make_practice

from .conftest import assert_accessible, csp_violations, login_as, make_member

BODY = """Zo pakten wij het aan.

## Aanpak
1. Werf ouders via de school.
2. Train hen in drie avonden.

| Jaar | Deelnemers |
|---|---|
| 2005 | 12 |
| 2006 | 34 |
"""


def _library(live_server, author_email: str) -> dict:
    """Published practices across the facets, one of them by the member and edited once by an adviser."""
    with live_server.app.app_context():
        author = db.session.scalar(db.select(factories.User).where(factories.User.email == author_email))
        adviser = factories.make_user(role="adviser", name="Ravi Adviseur")
        themes = [factories.make_theme(name=name) for name in ("Onderwijs", "Werk", "Participatie en zorg")]
        spearhead = factories.make_spearhead(name="Toerusting")
        organisations = [factories.make_organisation(name=f"Gemeente {name}", region=region, size_class=size)
                         for name, region, size in (("Noord", "Groningen", "100k-250k"),
                                                    ("Zuid", "Limburg", "20k-50k"))]
        mine = make_practice(author=author, title="Ouders in de medezeggenschapsraad", body=BODY,
                             themes=themes[:1], spearhead=spearhead, organisations=organisations[:1],
                             target_groups=["ouders"], contact_name="Sanne", contact_email="sanne@noord.test")
        make_attachment(mine, filename="trainingsprogramma.pdf")
        for n in range(5):
            make_practice(author=adviser, title=f"Voorbeeldpraktijk {n}", themes=[themes[n % 3]],
                          organisations=[organisations[n % 2]], year=2004 + n,
                          kind=("methode", "praktijk")[n % 2])
        make_practice(author=author, title="Mijn concept", status="draft")
        make_practice(author=adviser, title="Wacht op oordeel", status="review")
        data = services.PracticeData(title=mine.title, summary=mine.summary,
                                     body=BODY.replace("drie", "vier"),
                                     theme_ids=[themes[0].id, themes[1].id], year=2006,
                                     change_note="Aantal avonden aangepast")
        services.update_practice(adviser, db.session.get(type(mine), mine.id), data)
        return {"practice": mine.id}


@pytest.mark.parametrize("role", ["officer", "adviser"])
def test_library_pages_are_accessible(live_server, page, console_messages, role):
    email, password = make_member(live_server, role)
    ids = _library(live_server, email)
    login_as(page, live_server, email, password)
    base, practice = live_server.url, ids["practice"]
    pages = ["/praktijken", "/praktijken?theme=thema-1&region=Groningen&sort=title", "/praktijken?view=mine",
             f"/praktijken/{practice}", f"/praktijken/{practice}/geschiedenis",
             f"/praktijken/{practice}/bewerken", "/praktijken/nieuw"]
    if role == "adviser":
        pages.append("/praktijken?view=review")
    for path in pages:
        response = page.goto(base + path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)

    page.goto(f"{base}/praktijken")
    assert page.locator("fieldset legend", has_text="Thema").count() == 1
    assert page.get_by_label(re.compile(r"^Onderwijs \(\d+\)$")).count() == 1

    page.goto(f"{base}/praktijken/{practice}/geschiedenis")
    assert page.locator("ins").count() >= 1 and page.locator("del").count() >= 1

    page.goto(f"{base}/praktijken/nieuw")
    page.get_by_label("Titel").fill("Een titel")
    with page.expect_navigation():
        page.get_by_role("button", name="Concept opslaan").click()
    assert page.locator(".error-summary").is_visible()
    assert page.get_by_label("Titel").input_value() == "Een titel"
    assert_accessible(page)
    assert not csp_violations(console_messages)
