"""Who sees a ticket: its requester, colleagues only when the organisation shares, and its handlers.

Every helpdesk route that takes a ticket id answers 404 to an officer of another municipality,
and internal notes, internal files and internal history never reach the requester's page.
"""

import pytest
from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.helpdesk import attachments, ticket_actions
from servicecentrum.helpdesk.models import TicketAttachment, TicketMessage
from tests import factories
from tests.factories import make_organisation, make_programme, make_ticket, make_user
from tests.library.helpers import PDF_BYTES
from tests.route_walker import walk

NOTE_LABEL = "Interne notitie — niet zichtbaar voor de vrager"


def _ticket_with_everything(shares: bool = False):
    """A ticket with a public reply, an internal note, a public and an internal file."""
    organisation = make_organisation(shares_tickets=shares)
    requester = make_user("officer", organisation=organisation)
    adviser = make_user("adviser")
    programme = make_programme(advisers=[adviser])
    ticket = make_ticket(requester=requester, programme=programme, assignee=adviser,
                         subject="Vraag over taalhuizen")
    ticket_actions.post_message(ticket, adviser, "Openbaar antwoord van FORUM",
                                uploads=[attachments.Upload("antwoord.pdf", "pdf", PDF_BYTES)])
    ticket_actions.post_message(ticket, adviser, "Geheime afweging over deze gemeente", kind="note",
                                uploads=[attachments.Upload("intern-verslag.pdf", "pdf", PDF_BYTES)])
    files = {a.filename: a.id for a in db.session.scalars(select(TicketAttachment))}
    message_id = db.session.scalar(select(TicketMessage.id).where(TicketMessage.kind == "reply"))
    return {"ticket": ticket.id, "requester": requester.id, "adviser": adviser.id,
            "organisation": organisation.id, "message": message_id, "files": files}


def _ticket_routes(app, ids):
    routes = [r for r in walk(app, ids=ids) if "<int:ticket_id>" in r.rule]
    assert {r.endpoint for r in routes} >= {"helpdesk.detail", "helpdesk.reply", "helpdesk.change_status",
                                            "helpdesk.assign", "helpdesk.move", "helpdesk.change_priority",
                                            "helpdesk.attachment"}
    return routes


@pytest.mark.parametrize("outsider", ["other_municipality", "colleague_not_sharing", "other_adviser"])
def test_every_ticket_route_is_404_for_someone_who_may_not_see_it(app, client, login, post_form, outsider):
    with app.app_context():
        made = _ticket_with_everything(shares=False)
        if outsider == "other_municipality":
            stranger = make_user("officer")
        elif outsider == "colleague_not_sharing":
            stranger = make_user("officer", organisation=db.session.get(factories.Organisation,
                                                                        made["organisation"]))
        else:
            stranger = make_user("adviser", programmes=[make_programme()])
        login(client, stranger)
    ids = {"ticket_id": made["ticket"], "attachment_id": made["files"]["antwoord.pdf"],
           "message_id": made["message"]}
    routes = _ticket_routes(app, ids)
    for route in routes:
        if route.method == "GET":
            response = client.get(route.url)
        else:
            response = post_form(client, route.url, {"body": "Poging", "status": "closed"},
                                 method=route.method)
        assert response.status_code == 404, route
    with app.app_context():
        assert db.session.scalar(select(TicketMessage).where(TicketMessage.body == "Poging")) is None


def test_colleagues_see_the_ticket_only_when_their_organisation_shares(app, client, login):
    with app.app_context():
        made = _ticket_with_everything(shares=False)
        colleague = make_user("officer", organisation=db.session.get(factories.Organisation,
                                                                    made["organisation"]))
        login(client, colleague)
    url = f"/helpdesk/{made['ticket']}"
    assert client.get(url).status_code == 404
    with app.app_context():
        db.session.get(factories.Organisation, made["organisation"]).shares_tickets = True
        db.session.commit()
    page = client.get(url).get_data(as_text=True)
    assert "Vraag over taalhuizen" in page and "Openbaar antwoord van FORUM" in page
    assert "Geheime afweging" not in page and "intern-verslag.pdf" not in page
    internal = client.get(f"{url}/bijlagen/{made['files']['intern-verslag.pdf']}")
    assert internal.status_code == 404


def test_internal_notes_files_and_history_never_reach_the_requester(app, client, login):
    with app.app_context():
        made = _ticket_with_everything()
        login(client, made["requester"])
    url = f"/helpdesk/{made['ticket']}"
    page = client.get(url).get_data(as_text=True)
    assert "Openbaar antwoord van FORUM" in page and "antwoord.pdf" in page
    for secret in ("Geheime afweging", "intern-verslag.pdf", NOTE_LABEL, "Routering",
                   "Doorgestuurd (routering)", 'name="kind"'):
        assert secret not in page, secret
    assert client.get(f"{url}/bijlagen/{made['files']['antwoord.pdf']}").status_code == 200
    assert client.get(f"{url}/bijlagen/{made['files']['intern-verslag.pdf']}").status_code == 404
    with app.app_context():
        login(client, made["adviser"])
    handler_page = client.get(url).get_data(as_text=True)
    assert "Geheime afweging over deze gemeente" in handler_page and NOTE_LABEL in handler_page
    assert "intern-verslag.pdf" in handler_page and "Doorgestuurd (routering)" in handler_page
    download = client.get(f"{url}/bijlagen/{made['files']['intern-verslag.pdf']}")
    assert download.status_code == 200 and download.data == PDF_BYTES


def test_an_attachment_id_of_another_ticket_is_404(app, client, login):
    with app.app_context():
        made = _ticket_with_everything()
        own = make_ticket(requester=db.session.get(factories.User, made["requester"])).id
        login(client, made["requester"])
    response = client.get(f"/helpdesk/{own}/bijlagen/{made['files']['antwoord.pdf']}")
    assert response.status_code == 404
