"""The public terms of use, the favicon and the contact details on the landing page."""

import re

from tests import factories


def test_anonymous_visitor_reads_the_terms_of_use(client):
    response = client.get("/voorwaarden")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<h1>Gebruiksvoorwaarden</h1>" in html
    for topic in ("goedgekeurd", "alleen zichtbaar voor andere leden", "offerte",
                  "Algemene verordening gegevensbescherming", "bibliotheek"):
        assert topic in html, topic
    assert 'href="/toegankelijkheid"' in html


def test_every_page_links_to_the_terms_in_the_footer(app, client, login):
    footer = re.compile(r"<footer.*?</footer>", re.S)
    assert 'href="/voorwaarden"' in footer.search(client.get("/inloggen").get_data(as_text=True)).group(0)
    with app.app_context():
        login(client, factories.make_user())
    assert 'href="/voorwaarden"' in footer.search(client.get("/overzicht").get_data(as_text=True)).group(0)


def test_favicon_ico_answers_with_the_svg_icon(client):
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200
    assert icon.mimetype == "image/svg+xml"
    assert b"<svg" in icon.data
    html = client.get("/").get_data(as_text=True)
    icon_link = r'<link rel="icon" href="/static/favicon\.[0-9a-f]{12}\.svg" type="image/svg\+xml">'
    assert re.search(icon_link, html)


def test_landing_page_gives_the_service_centres_contact_details_and_the_terms(client):
    html = client.get("/").get_data(as_text=True)
    assert "<address" in html
    assert "Servicecentrum Integratie van FORUM" in html and "Utrecht" in html
    assert 'href="mailto:servicecentrum@forum.example"' in html
    assert re.search(r'href="tel:\+3130\d+"', html)
    main = re.search(r"<main.*?</main>", html, re.S).group(0)
    assert 'href="/voorwaarden"' in main


def test_registration_form_links_to_the_terms(client):
    html = client.get("/registreren").get_data(as_text=True)
    assert 'href="/voorwaarden"' in html


def test_admin_menu_shows_the_access_requests_waiting(app, client, login):
    with app.app_context():
        factories.make_user(status="pending")
        login(client, factories.make_user(role="admin"))
    html = client.get("/beheer/organisaties").get_data(as_text=True)
    menu = re.search(r'<nav class="sub-nav" aria-label="Beheer">.*?</nav>', html, re.S).group(0)
    assert re.search(r'href="/beheer/aanvragen">Aanvragen <span class="badge">1<span class="visually-hidden">'
                     r" wachtend</span>", menu)


def test_the_landing_page_title_is_short_and_the_contact_shown_once(client):
    page = client.get("/").get_data(as_text=True)
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.strip() == "Welkom · Servicecentrum Integratie"
    assert page.count('id="contact-title"') == 1
