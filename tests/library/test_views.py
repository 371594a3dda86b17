"""The library pages as members use them: list, detail, propose, edit, history, rate."""

import re

from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.library.models import Practice, PracticeRating, PracticeVersion
from tests import factories
from tests.library.helpers import make_attachment, make_practice


def _html(response) -> str:
    return response.get_data(as_text=True)


def test_the_list_shows_published_practices_with_facet_counts(app, client, login):
    with app.app_context():
        theme = factories.make_theme(name="Onderwijs")
        org = factories.make_organisation(region="Zeeland")
        make_practice(title="Brede school", themes=[theme], organisations=[org], year=2006)
        make_practice(title="Geheim concept", status="draft", themes=[theme])
        login(client, factories.make_user())
    html = _html(client.get("/praktijken"))
    assert "Brede school" in html and "Geheim concept" not in html
    assert "Onderwijs (1)" in html and "Zeeland (1)" in html and "2006 (1)" in html
    assert "<legend" in html and "1 praktijk gevonden." in html


def test_facets_combine_through_the_query_string(app, client, login):
    with app.app_context():
        onderwijs, werk = factories.make_theme(slug="onderwijs"), factories.make_theme(slug="werk")
        make_practice(title="Alleen onderwijs", themes=[onderwijs], kind="methode")
        make_practice(title="Alleen werk", themes=[werk], kind="praktijk")
        make_practice(title="Nergens", themes=[])
        login(client, factories.make_user())
    html = _html(client.get("/praktijken?theme=onderwijs&theme=werk&sort=title"))
    assert html.index("Alleen onderwijs") < html.index("Alleen werk") and "Nergens" not in html
    assert 'value="onderwijs" checked' in html or re.search(r'checked[^>]*value="onderwijs"', html)
    html = _html(client.get("/praktijken?theme=onderwijs&theme=werk&kind=praktijk"))
    assert "Alleen werk" in html and "Alleen onderwijs" not in html


def test_odd_query_strings_get_the_default_list_not_an_error(app, client, login):
    with app.app_context():
        make_practice(title="Brede school")
        login(client, factories.make_user())
    for query in ("?sort=kwaad", "?view=review", "?page=-3", "?year=abcd", "?page=99", "?theme="):
        assert client.get("/praktijken" + query).status_code == 200, query


def test_pages_link_to_the_next_page_keeping_the_filters(app, client, login):
    with app.app_context():
        theme = factories.make_theme(slug="werk")
        for n in range(23):
            make_practice(title=f"Praktijk {n:02d}", themes=[theme])
        login(client, factories.make_user())
    html = _html(client.get("/praktijken?theme=werk&sort=title"))
    assert "Praktijk 19" in html and "Praktijk 20" not in html
    assert re.search(r'href="/praktijken\?[^"]*page=2[^"]*"', html)
    assert "theme=werk" in re.search(r'href="(/praktijken\?[^"]*page=2[^"]*)"', html).group(1)
    assert "Praktijk 22" in _html(client.get("/praktijken?theme=werk&sort=title&page=2"))


def test_advisers_have_a_tab_with_practices_to_review(app, client, login):
    with app.app_context():
        make_practice(title="Wacht op oordeel", status="review")
        login(client, factories.make_user(role="adviser"))
    html = _html(client.get("/praktijken"))
    assert "Te beoordelen (1)" in html
    assert "Wacht op oordeel" in _html(client.get("/praktijken?view=review"))


def test_officers_see_their_own_drafts_and_no_review_tab(app, client, login):
    with app.app_context():
        me = factories.make_user()
        make_practice(author=me, title="Mijn concept", status="draft")
        make_practice(title="Andermans concept", status="draft")
        make_practice(title="Wacht op oordeel", status="review")
        login(client, me)
    html = _html(client.get("/praktijken?view=mine"))
    assert "Mijn concept" in html and "Andermans concept" not in html and "Mijn concepten (1)" in html
    assert "Te beoordelen" not in html
    assert "Wacht op oordeel" not in _html(client.get("/praktijken?view=review"))


def test_the_detail_page_shows_everything_about_the_practice(app, client, login):
    with app.app_context():
        theme, spearhead = factories.make_theme(name="Werk"), factories.make_spearhead(name="Toerusting")
        org = factories.make_organisation(name="Gemeente Zaanstad")
        practice = make_practice(title="Mentoren", themes=[theme], spearhead=spearhead, organisations=[org],
                                 target_groups=["jongeren", "managers"], year=2006,
                                 contact_name="Henk Schouten", contact_email="henk@zaanstad.test",
                                 body="## Aanpak\n\n1. Werven\n2. Koppelen")
        attachment = make_attachment(practice, filename="werkplan.pdf")
        login(client, factories.make_user())
        practice_id, attachment_id = practice.id, attachment.id
    html = _html(client.get(f"/praktijken/{practice_id}"))
    for text in ("Mentoren", "Werk", "Toerusting", "Gemeente Zaanstad", "jongeren, managers", "2006",
                 "Henk Schouten", 'href="mailto:henk@zaanstad.test"', "<h2>Aanpak</h2>", "<li>Werven</li>",
                 f'href="/praktijken/{practice_id}/bijlagen/{attachment_id}"', "werkplan.pdf",
                 f'href="/praktijken/{practice_id}/geschiedenis"', "Was dit nuttig?"):
        assert text in html, text
    assert "Beoordeling" not in html and "Bewerken" not in html
    assert html.count("<h1") == 1


def test_members_rate_once_and_can_change_their_answer(app, client, login, post_form):
    with app.app_context():
        practice = make_practice(author=factories.make_user())
        login(client, factories.make_user())
        url = f"/praktijken/{practice.id}"
    response = post_form(client, f"{url}/nuttig", {"helpful": "yes"}, page=url)
    assert response.status_code == 302
    assert "U vond deze praktijk nuttig." in _html(client.get(url))
    post_form(client, f"{url}/nuttig", {"helpful": "no"}, page=url)
    with app.app_context():
        practice = db.session.get(Practice, practice.id)
        assert (practice.rating_count, practice.helpful_count) == (1, 0)
        assert db.session.scalar(select(db.func.count(PracticeRating.id))) == 1
    response = post_form(client, f"{url}/nuttig", {"helpful": "misschien"}, page=url)
    assert response.status_code == 422 and "Kies uit de lijst." in _html(response)


def test_authors_are_not_asked_to_rate_their_own_practice(app, client, login):
    with app.app_context():
        me = factories.make_user()
        practice_id = make_practice(author=me).id
        login(client, me)
    assert "Was dit nuttig?" not in _html(client.get(f"/praktijken/{practice_id}"))


def test_the_create_form_starts_with_the_members_organisation(app, client, login):
    with app.app_context():
        me = factories.make_user()
        factories.make_organisation(name="Andere gemeente")
        login(client, me)
        org_id = me.organisation_id
    html = _html(client.get("/praktijken/nieuw"))
    assert re.search(rf'<option selected value="{org_id}">', html)
    assert '<fieldset id="themes"' in html and "<legend" in html


def test_a_failed_proposal_explains_in_dutch_and_keeps_what_was_typed(app, client, login, post_form):
    with app.app_context():
        login(client, factories.make_user())
    data = {"title": "Mijn aanpak", "summary": "", "body": "Tekst", "kind": "praktijk", "year": "06",
            "contact_email": "geen-adres"}
    response = post_form(client, "/praktijken/nieuw", data, page="/praktijken/nieuw")
    html = _html(response)
    assert response.status_code == 422
    for message in ("Vat de praktijk samen in een paar zinnen.", "Kies ten minste één thema.",
                    "Vul een jaartal in van vier cijfers, bijvoorbeeld 2006.",
                    "Vul een geldig e-mailadres in"):
        assert message in html, message
    assert 'value="Mijn aanpak"' in html and 'href="#summary"' in html


def test_a_valid_proposal_becomes_the_members_draft(app, client, login, post_form):
    with app.app_context():
        me = factories.make_user()
        theme = factories.make_theme()
        login(client, me)
        theme_id, org_id = theme.id, me.organisation_id
    response = post_form(client, "/praktijken/nieuw", {
        "title": "Taalcafé", "summary": "Wekelijks oefenen.", "body": "## Aanpak\n\nElke dinsdag.",
        "kind": "praktijk", "themes": str(theme_id), "organisations": str(org_id),
        "target_groups": "nieuwkomers, vrijwilligers", "year": "2006"}, page="/praktijken/nieuw")
    assert response.status_code == 302
    with app.app_context():
        practice = db.session.scalar(select(Practice))
        assert (practice.status, practice.target_groups, practice.year) == ("draft", ["nieuwkomers",
                                                                                     "vrijwilligers"], 2006)
    assert response.headers["Location"] == f"/praktijken/{practice.id}"
    assert "Indienen ter beoordeling" in _html(client.get(response.headers["Location"]))


def _edit_data(practice_id, **changes):
    practice = db.session.get(Practice, practice_id)
    data = {"title": practice.title, "summary": practice.summary, "body": practice.body,
            "kind": practice.kind, "themes": [str(t.id) for t in practice.themes],
            "year": str(practice.year or "")}
    return {**data, **changes}


def test_an_authors_edit_of_a_published_practice_goes_back_to_review(app, client, login, post_form):
    with app.app_context():
        me = factories.make_user()
        practice = make_practice(author=me, themes=[factories.make_theme()])
        login(client, me)
        url = f"/praktijken/{practice.id}/bewerken"
        assert "gaat de praktijk opnieuw langs een adviseur" in _html(client.get(url))
        data = _edit_data(practice.id, summary="Nieuwe samenvatting")
    response = post_form(client, url, data, page=url, follow_redirects=True)
    assert "Uw wijziging gaat eerst langs een adviseur." in _html(response)
    with app.app_context():
        assert db.session.get(Practice, practice.id).status == "review"


def test_an_advisers_edit_publishes_a_version_whose_changes_the_history_shows(app, client, login, post_form):
    with app.app_context():
        practice = make_practice(body="Eerste alinea.\n\nWe werven tien ouders.",
                                 themes=[factories.make_theme(name="Onderwijs")])
        login(client, factories.make_user(role="adviser"))
        url = f"/praktijken/{practice.id}/bewerken"
        data = _edit_data(practice.id, body="Eerste alinea.\n\nWe werven twintig ouders.",
                          change_note="Aantal bijgewerkt")
    response = post_form(client, url, data, page=url)
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalars(select(PracticeVersion.number)).all() == [1, 2]
    html = _html(client.get(f"/praktijken/{practice.id}/geschiedenis"))
    assert "Versie 2" in html and "Aantal bijgewerkt" in html
    assert re.search(r"<del><span class=\"visually-hidden\">\[verwijderd:\] </span>tien", html)
    assert re.search(r"<ins><span class=\"visually-hidden\">\[toegevoegd:\] </span>twintig", html)
    assert "De eerste gepubliceerde versie." in html


def test_a_failed_edit_is_422_and_keeps_the_changes(app, client, login, post_form):
    with app.app_context():
        me = factories.make_user()
        practice = make_practice(author=me, status="draft", themes=[factories.make_theme()])
        login(client, me)
        url = f"/praktijken/{practice.id}/bewerken"
        data = _edit_data(practice.id, title="", summary="Mijn nieuwe samenvatting")
    response = post_form(client, url, data, page=url)
    assert response.status_code == 422
    assert "Geef de praktijk een titel." in _html(response) and "Mijn nieuwe samenvatting" in _html(response)


def test_advisers_review_from_the_detail_page(app, client, login, post_form):
    with app.app_context():
        practice = make_practice(status="review", author=factories.make_user())
        login(client, factories.make_user(role="adviser"))
        url = f"/praktijken/{practice.id}"
    html = _html(client.get(url))
    assert "Beoordeling" in html and "Publiceren" in html and "Wijzigingen vragen" in html
    response = post_form(client, f"{url}/wijzigingen-vragen", {"body": " "}, page=url)
    assert response.status_code == 422 and "Schrijf wat de auteur moet aanpassen." in _html(response)
    response = post_form(client, f"{url}/publiceren", {"body": "Prima"}, page=url, follow_redirects=True)
    assert "De praktijk is gepubliceerd." in _html(response)
    again = post_form(client, f"{url}/publiceren", {}, page=url, follow_redirects=True)
    assert "Dat kan nu niet: de praktijk heeft de status &#39;Gepubliceerd&#39;." in _html(again)


def test_the_author_follows_the_review_and_submits(app, client, login, post_form):
    with app.app_context():
        me = factories.make_user()
        practice = make_practice(author=me, status="draft")
        login(client, me)
        url = f"/praktijken/{practice.id}"
    response = post_form(client, f"{url}/indienen", {"body": ""}, page=url, follow_redirects=True)
    html = _html(response)
    assert "Uw praktijk is ingediend." in html and "Ingediend ter beoordeling" in html
    with app.app_context():
        assert db.session.get(Practice, practice.id).status == "review"


def test_an_archived_practice_leaves_the_list_but_its_page_says_it_is_archived(app, client, login):
    with app.app_context():
        practice_id = make_practice(title="Oude aanpak", status="archived").id
        login(client, factories.make_user())
    assert "Oude aanpak" not in _html(client.get("/praktijken"))
    html = _html(client.get(f"/praktijken/{practice_id}"))
    assert "Deze praktijk is gearchiveerd." in html and "Was dit nuttig?" not in html
