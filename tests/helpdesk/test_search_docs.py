"""Published helpdesk answers in the unified search and on their own page: consented, anonymised,
never an internal note."""

from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.helpdesk import conversion, services
from servicecentrum.helpdesk.models import Ticket
from servicecentrum.helpdesk.search_docs import load_tickets, ticket_ids, visible_ticket_ids
from servicecentrum.search import service as search_service
from servicecentrum.search.models import SearchOutboxEntry
from servicecentrum.search.sync import drain
from tests import factories
from tests.helpdesk.test_conversion import resolved_ticket

NOTE_WORD = "Kwartelkoning"  # only in the internal note
REPLY_WORD = "Boekenbusroute"  # only in FORUM's public reply


def published_ticket(**fields):
    """A resolved, consented and published ticket with a unique reply word and a unique note word."""
    ticket, adviser, requester = resolved_ticket(publish_consent=True, **fields)
    services.add_message(ticket, adviser, f"Intern: de {NOTE_WORD} van de wethouder.", kind="note")
    services.add_message(ticket, adviser, f"Gebruik de {REPLY_WORD} van de bibliotheek.")
    services.change_status(ticket, adviser, "resolved")
    conversion.publish(adviser, ticket)
    drain()
    return ticket, adviser, requester


def _found(member, words: str) -> list[tuple[str, int, str]]:
    page = search_service.search(member, words)
    return [(item.doc_type, item.doc_id, item.url) for item in page.items]


def test_a_published_answer_is_found_by_every_member_without_notes_or_names(app_ctx):
    ticket, _adviser, _requester = published_ticket()
    member = factories.make_user("officer")  # of another organisation
    assert _found(member, REPLY_WORD) == [("helpdesk", ticket.id, f"/helpdesk/antwoorden/{ticket.id}")]
    assert _found(member, "taalhuis") == [("helpdesk", ticket.id, f"/helpdesk/antwoorden/{ticket.id}")]
    assert _found(member, NOTE_WORD) == []
    assert _found(member, "Vertrouwelijk wethouder") == []
    assert _found(member, "Zuiderstad") == [] and _found(member, "Vries") == []
    [doc] = load_tickets([ticket.id]).values()
    assert doc.title == "Taalhuis in [organisatie] opzetten"
    assert NOTE_WORD not in doc.body and "Vertrouwelijk" not in doc.body and "Anna" not in doc.body
    assert "Dank u, Bram" not in doc.body  # the requester's own replies are not FORUM's answer
    assert search_service.search(None, REPLY_WORD).items == []
    assert visible_ticket_ids(None, [ticket.id]) == set()


def test_with_consent_to_be_named_the_names_are_searchable(app_ctx):
    ticket, _adviser, _requester = published_ticket(publish_named=True)
    assert _found(factories.make_user(), "Zuiderstad")[0][:2] == ("helpdesk", ticket.id)


def test_unpublished_or_unconsented_answers_are_not_in_the_index(app_ctx):
    ticket, adviser, requester = published_ticket()
    member = factories.make_user()
    conversion.unpublish(adviser, ticket)
    drain()
    assert _found(member, REPLY_WORD) == [] and ticket_ids() == []
    conversion.publish(adviser, ticket)
    drain()
    assert _found(member, REPLY_WORD) != []
    conversion.set_consent(requester, ticket, consent=False, named=False)
    drain()
    assert _found(member, REPLY_WORD) == [] and load_tickets([ticket.id]) == {}
    resolved = factories.make_ticket(status="resolved", publish_consent=True)  # never published
    assert load_tickets([resolved.id]) == {} and ticket.id not in ticket_ids()


def test_a_new_public_reply_to_a_published_answer_is_indexed(app_ctx):
    ticket, adviser, _requester = published_ticket()
    services.add_message(ticket, adviser, "Aanvulling: probeer ook de Zeppelinwerkplaats.")
    assert db.session.scalar(select(SearchOutboxEntry.id).where(
        SearchOutboxEntry.doc_type == "helpdesk", SearchOutboxEntry.doc_id == ticket.id)) is not None
    drain()
    assert _found(factories.make_user(), "Zeppelinwerkplaats")[0][:2] == ("helpdesk", ticket.id)
    services.add_message(ticket, adviser, "Nog een Wolkenkrabbernotitie", kind="note")
    drain()
    assert _found(factories.make_user(), "Wolkenkrabbernotitie") == []


def _published_ids(app, **fields):
    with app.app_context():
        ticket, adviser, requester = published_ticket(**fields)
        return {"ticket": ticket.id, "adviser": adviser.id, "requester": requester.id,
                "member": factories.make_user("officer").id, "admin": factories.make_user("admin").id}


def test_every_member_reads_the_published_page_anonymised_without_notes(app, client, login):
    ids = _published_ids(app)
    url = f"/helpdesk/antwoorden/{ids['ticket']}"
    assert client.get(url).status_code == 302  # members only
    for who in ("member", "admin", "requester"):
        login(client, ids[who])
        response = client.get(url)
        assert response.status_code == 200, who
        html = response.get_data(as_text=True)
        html = html[html.index("<article"):html.index("</article>")]  # not the header's own name
        assert "<h1" in html and "Taalhuis in [organisatie] opzetten" in html
        assert REPLY_WORD in html and "Beste [naam], in [organisatie]" in html
        for secret in (NOTE_WORD, "Vertrouwelijk", "Anna", "Zuiderstad", "anna@zuiderstad.test"):
            assert secret not in html, (who, secret)
    login(client, ids["member"])
    found = client.get(f"/zoeken?q={REPLY_WORD}").get_data(as_text=True)
    assert "Helpdeskantwoord" in found and url in found


def test_the_page_of_an_unpublished_answer_is_404(app, client, login, post_form):
    ids = _published_ids(app, publish_named=True)
    login(client, ids["member"])
    page = client.get(f"/helpdesk/antwoorden/{ids['ticket']}").get_data(as_text=True)
    assert "Anna de Vries" in page and "Gemeente Zuiderstad" in page and "anna@zuiderstad.test" not in page
    login(client, ids["adviser"])
    assert post_form(client, f"/helpdesk/{ids['ticket']}/depubliceren").status_code == 302
    login(client, ids["member"])
    assert client.get(f"/helpdesk/antwoorden/{ids['ticket']}").status_code == 404
    assert client.get("/helpdesk/antwoorden/99999").status_code == 404
    with app.app_context():
        assert db.session.get(Ticket, ids["ticket"]).published_at is None
