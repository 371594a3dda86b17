"""From ticket to practice, and the requester's consent to publish: anonymised, never a note."""

import pytest
from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.helpdesk import conversion, services
from servicecentrum.helpdesk.models import Ticket
from servicecentrum.helpdesk.services import HelpdeskError
from servicecentrum.library.models import Practice
from tests import factories

NOTE_TEXT = "Vertrouwelijk: wethouder ligt dwars bij Zuiderstad"


def resolved_ticket(status="resolved", **fields):
    """A ticket of Anna de Vries (Gemeente Zuiderstad) with a staff reply and an internal note."""
    adviser = factories.make_user("adviser", name="Bram Adviseur")
    programme = factories.make_programme(advisers=[adviser])
    organisation = factories.make_organisation(name="Gemeente Zuiderstad", shares_tickets=True)
    requester = factories.make_user("officer", name="Anna de Vries", email="anna@zuiderstad.test",
                                    organisation=organisation)
    theme = factories.make_theme(name="Inburgering")
    ticket = factories.make_ticket(
        requester=requester, programme=programme, assignee=adviser, theme_id=theme.id,
        subject="Taalhuis in Zuiderstad opzetten",
        body="Ik ben Anna de Vries van de gemeente Zuiderstad (anna@zuiderstad.test). Hoe begin ik?",
        **fields)
    services.add_message(ticket, adviser, "Beste Anna, in Zuiderstad kunt u starten met de bibliotheek.")
    services.add_message(ticket, adviser, NOTE_TEXT, kind="note")
    services.add_message(ticket, requester, "Dank u, Bram!")
    services.change_status(ticket, adviser, status)
    return ticket, adviser, requester


def test_a_practice_is_anonymised_offered_for_review_and_made_once(app_ctx):
    ticket, adviser, _requester = resolved_ticket()
    practice = conversion.convert_to_practice(adviser, ticket)
    assert practice.status == "review" and practice.submitted_at is not None
    assert practice.author_id == adviser.id
    assert [t.name for t in practice.themes] == ["Inburgering"]
    text = " ".join([practice.title, practice.summary, practice.body])
    assert practice.title == "Taalhuis in [organisatie] opzetten"
    assert "Ik ben [naam] van de [organisatie] ([e-mailadres])" in practice.summary
    assert "Beste [naam], in [organisatie] kunt u starten" in practice.body
    for secret in ("Anna", "Vries", "Zuiderstad", "anna@", "Vertrouwelijk", "Dank u"):
        assert secret not in text, secret
    assert [c.action for c in practice.comments] == ["submitted"]
    assert ticket.practice_id == practice.id and ticket.changes[-1].action == "practice"
    with pytest.raises(HelpdeskError, match="al een praktijk"):
        conversion.convert_to_practice(adviser, ticket)
    assert db.session.scalar(select(db.func.count(Practice.id))) == 1


def test_with_consent_to_be_named_the_practice_keeps_the_names(app_ctx):
    ticket, adviser, _requester = resolved_ticket(publish_consent=True, publish_named=True)
    practice = conversion.convert_to_practice(adviser, ticket)
    assert "Anna de Vries van de gemeente Zuiderstad" in practice.summary
    assert "anna@zuiderstad.test" not in practice.summary  # an e-mail address never leaves
    assert NOTE_TEXT not in practice.body


def test_an_open_ticket_is_not_turned_into_a_practice(app_ctx):
    ticket, adviser, _requester = resolved_ticket(status="open")
    with pytest.raises(HelpdeskError, match="opgelost"):
        conversion.convert_to_practice(adviser, ticket)
    assert ticket.practice_id is None


def test_the_anonymiser_replaces_names_but_leaves_ordinary_words(app_ctx):
    organisation = factories.make_organisation(name="Gemeente Best")
    requester = factories.make_user("officer", name="Jan van Dam", email="j.vandam@best.test",
                                    organisation=organisation)
    ticket = factories.make_ticket(requester=requester)
    clean = conversion.Anonymiser(ticket)
    assert clean("Wat werkt het best in Best? Groet, Jan van Dam (J.vanDam@best.test), gemeente best") == (
        "Wat werkt het best in [organisatie]? Groet, [naam] ([e-mailadres]), [organisatie]")
    assert clean("Dam en Jan") == "[naam] en [naam]" and clean("januari, damwand") == "januari, damwand"
    ticket.publish_named = True
    assert clean("Jan van Dam uit Best, j.vandam@best.test") == "Jan van Dam uit Best, [e-mailadres]"


def _ids(app, status="resolved", **fields):
    with app.app_context():
        ticket, adviser, requester = resolved_ticket(status=status, **fields)
        colleague = factories.make_user("officer", organisation=requester.organisation)
        return {"ticket": ticket.id, "adviser": adviser.id, "requester": requester.id,
                "colleague": colleague.id, "stranger": factories.make_user("officer").id,
                "other_adviser": factories.make_user("adviser").id}


def _flash_after(client, response) -> str:
    assert response.status_code == 302
    return client.get(response.headers["Location"]).get_data(as_text=True)


def test_the_handler_makes_a_practice_and_lands_on_its_edit_page(app, client, login, post_form):
    ids = _ids(app)
    login(client, ids["adviser"])
    assert "Maak er een praktijk van" in client.get(f"/helpdesk/{ids['ticket']}").get_data(as_text=True)
    response = post_form(client, f"/helpdesk/{ids['ticket']}/naar-praktijk")
    with app.app_context():
        practice = db.session.scalar(select(Practice))
    assert response.headers["Location"] == f"/praktijken/{practice.id}/bewerken"
    page = _flash_after(client, response)
    assert "geanonimiseerde praktijk" in page and "Taalhuis in [organisatie] opzetten" in page
    assert "Taalhuis in [organisatie]" in client.get("/praktijken?view=review").get_data(as_text=True)
    detail = client.get(f"/helpdesk/{ids['ticket']}").get_data(as_text=True)
    assert "Maak er een praktijk van" not in detail and f"/praktijken/{practice.id}" in detail
    again = post_form(client, f"/helpdesk/{ids['ticket']}/naar-praktijk")
    assert "al een praktijk" in _flash_after(client, again)


def test_only_handlers_make_practices_or_publish(app, client, login, post_form):
    ids = _ids(app, publish_consent=True)
    for who in ("requester", "colleague", "stranger", "other_adviser"):
        login(client, ids[who])
        for action in ("naar-praktijk", "publiceren", "depubliceren"):
            assert post_form(client, f"/helpdesk/{ids['ticket']}/{action}").status_code == 404, (who, action)
    with app.app_context():
        ticket = db.session.get(Ticket, ids["ticket"])
        assert ticket.practice_id is None and ticket.published_at is None


def test_only_the_requester_sets_consent(app, client, login, post_form):
    ids = _ids(app)
    url = f"/helpdesk/{ids['ticket']}/toestemming"
    for who in ("adviser", "colleague"):  # they see the ticket, not the consent form
        login(client, ids[who])
        page = client.get(f"/helpdesk/{ids['ticket']}")
        assert page.status_code == 200 and "Mag het antwoord op uw vraag" not in page.get_data(as_text=True)
    for who in ("adviser", "colleague", "stranger"):
        login(client, ids[who])
        assert post_form(client, url, {"publish_consent": "y"}).status_code == 404, who
    login(client, ids["requester"])
    assert "Mag het antwoord op uw vraag gepubliceerd worden?" in client.get(
        f"/helpdesk/{ids['ticket']}").get_data(as_text=True)
    page = _flash_after(client, post_form(client, url, {"publish_consent": "y"}))
    assert "zonder uw naam en organisatie" in page
    with app.app_context():
        ticket = db.session.get(Ticket, ids["ticket"])
        assert (ticket.publish_consent, ticket.publish_named) == (True, False)
        assert ticket.changes[-1].action == "consent"
    _flash_after(client, post_form(client, url, {"publish_consent": "y", "publish_named": "y"}))
    with app.app_context():
        assert db.session.get(Ticket, ids["ticket"]).publish_named


def test_being_named_without_consent_is_refused_in_dutch(app, client, login, post_form):
    ids = _ids(app)
    login(client, ids["requester"])
    response = post_form(client, f"/helpdesk/{ids['ticket']}/toestemming", {"publish_named": "y"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Zet ook het eerste vakje aan." in html
    assert 'aria-invalid="true" checked class="input" id="publish_named"' in html  # what was typed, kept
    assert 'class="input" id="publish_consent" name="publish_consent" type="checkbox" value="y">' in html
    with app.app_context():
        assert not db.session.get(Ticket, ids["ticket"]).publish_named


def test_publishing_needs_a_resolved_ticket_and_consent(app, client, login, post_form):
    ids = _ids(app)
    login(client, ids["adviser"])
    url = f"/helpdesk/{ids['ticket']}/publiceren"
    assert "Antwoord publiceren" not in client.get(f"/helpdesk/{ids['ticket']}").get_data(as_text=True)
    assert "geen toestemming" in _flash_after(client, post_form(client, url))
    with app.app_context():
        ticket = db.session.get(Ticket, ids["ticket"])
        ticket.publish_consent = True
        ticket.status = "open"
        db.session.commit()
    assert "pas als de vraag is opgelost" in _flash_after(client, post_form(client, url))
    with app.app_context():
        db.session.get(Ticket, ids["ticket"]).status = "resolved"
        db.session.commit()
    assert "Antwoord publiceren" in client.get(f"/helpdesk/{ids['ticket']}").get_data(as_text=True)
    page = _flash_after(client, post_form(client, url))
    assert "vindbaar voor alle leden" in page and f'href="/helpdesk/antwoorden/{ids["ticket"]}"' in page
    assert "Publicatie intrekken" in page
    with app.app_context():
        ticket = db.session.get(Ticket, ids["ticket"])
        assert ticket.published_at is not None and ticket.changes[-1].action == "published"
    assert "al gepubliceerd" in _flash_after(client, post_form(client, url))
    _flash_after(client, post_form(client, f"/helpdesk/{ids['ticket']}/depubliceren"))
    with app.app_context():
        assert db.session.get(Ticket, ids["ticket"]).published_at is None


def test_withdrawing_consent_unpublishes(app, client, login, post_form):
    ids = _ids(app, publish_consent=True)
    login(client, ids["adviser"])
    _flash_after(client, post_form(client, f"/helpdesk/{ids['ticket']}/publiceren"))
    login(client, ids["requester"])
    page = _flash_after(client, post_form(client, f"/helpdesk/{ids['ticket']}/toestemming", {}))
    assert "wordt niet gepubliceerd" in page
    with app.app_context():
        ticket = db.session.get(Ticket, ids["ticket"])
        assert not ticket.publish_consent and ticket.published_at is None
        assert [c.action for c in ticket.changes][-2:] == ["consent", "unpublished"]
