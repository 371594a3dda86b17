"""The ticket pages: filing a question, "Mijn vragen", replying, canned replies and handler controls."""

import re
from datetime import date
from html import unescape

from flask_babel import format_date
from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.helpdesk.models import CannedReply, Ticket, TicketMessage
from servicecentrum.notifications.models import OutboxMail
from tests import factories
from tests.factories import make_programme, make_ticket, make_user


def _setup_desk():
    """An officer, the fallback programme with one adviser, and a theme; return their ids."""
    adviser = make_user("adviser", name="Anna Adviseur")
    programme = make_programme(slug="servicecentrum-integratiebeleid", name="Servicecentrum Integratiebeleid",
                               advisers=[adviser])
    officer = make_user("officer", name="Olaf Ambtenaar")
    theme = factories.make_theme(name="Inburgering")
    return officer.id, adviser.id, programme.id, theme.id


def _text(response) -> str:
    return unescape(response.get_data(as_text=True))


def test_an_officer_files_a_question_and_sees_where_it_went(app, client, login, post_form):
    with app.app_context():
        officer_id, adviser_id, programme_id, theme_id = _setup_desk()
        login(client, officer_id)
    form = client.get("/helpdesk/nieuw")
    assert form.status_code == 200
    page = form.get_data(as_text=True)
    for name in ("subject", "body", "theme", "attachments"):
        assert f'name="{name}"' in page
    response = post_form(client, "/helpdesk/nieuw", {
        "subject": "Taalcoaching voor statushouders", "body": "Hoe doen andere gemeenten dit?",
        "theme": str(theme_id)}, page="/helpdesk/nieuw")
    assert response.status_code == 302
    with app.app_context():
        ticket = db.session.scalar(select(Ticket))
        assert ticket.requester_id == officer_id and ticket.theme_id == theme_id
        assert response.headers["Location"] == f"/helpdesk/{ticket.id}"
        due = format_date(ticket.first_response_due, "long")
    detail = _text(client.get(f"/helpdesk/{ticket.id}"))
    assert "Servicecentrum Integratiebeleid" in detail and due in detail
    assert "Uw vraag is ontvangen" in detail
    assert "<h1" in detail and "Taalcoaching voor statushouders" in detail
    listing = _text(client.get("/helpdesk"))
    assert "Mijn vragen" in listing and "Taalcoaching voor statushouders" in listing
    assert "Nieuw" in listing


def test_an_incomplete_question_is_refused_with_422_and_keeps_what_was_typed(app, client, login, post_form):
    with app.app_context():
        officer_id, *_ = _setup_desk()
        login(client, officer_id)
    response = post_form(client, "/helpdesk/nieuw", {"subject": "", "body": "Mijn lange uitleg", "theme": ""},
                         page="/helpdesk/nieuw")
    assert response.status_code == 422
    page = _text(response)
    assert "Geef uw vraag een onderwerp." in page and "Kies het thema van uw vraag." in page
    assert "Mijn lange uitleg" in page
    refused = post_form(client, "/helpdesk/nieuw", {"subject": "Iets", "body": "Tekst", "theme": "999999"},
                        page="/helpdesk/nieuw")
    assert refused.status_code == 422 and "Kies uit de lijst." in _text(refused)
    with app.app_context():
        assert db.session.scalar(select(Ticket)) is None


def test_only_officers_file_questions_and_staff_go_to_the_queue(app, client, login):
    with app.app_context():
        _setup_desk()
        adviser = make_user("adviser")
        login(client, adviser)
    assert client.get("/helpdesk/nieuw").status_code == 403
    response = client.get("/helpdesk")
    assert response.status_code == 302 and response.headers["Location"] == "/helpdesk/wachtrij"


def test_the_organisation_list_shows_only_when_the_organisation_shares(app, client, login):
    with app.app_context():
        organisation = factories.make_organisation(shares_tickets=False)
        me = make_user("officer", organisation=organisation)
        colleague = make_user("officer", organisation=organisation, name="Collega Cees")
        make_ticket(requester=colleague, subject="Vraag van Cees over wonen")
        make_ticket(requester=me, subject="Mijn eigen vraag")
        login(client, me)
        org_id = organisation.id
    page = _text(client.get("/helpdesk"))
    assert "Mijn eigen vraag" in page
    assert "Vragen van mijn organisatie" not in page and "Vraag van Cees" not in page
    with app.app_context():
        db.session.get(factories.Organisation, org_id).shares_tickets = True
        db.session.commit()
    page = _text(client.get("/helpdesk"))
    assert "Vragen van mijn organisatie" in page and "Vraag van Cees over wonen" in page
    assert "Collega Cees" in page


def test_mijn_vragen_pages_by_25_with_the_same_number_of_queries(app, client, login, count_queries):
    counts = []
    with app.app_context():
        organisation = factories.make_organisation(shares_tickets=True)
        me = make_user("officer", organisation=organisation)
        colleague = make_user("officer", organisation=organisation)
        programme = make_programme()
        me_id, colleague_id, programme_id = me.id, colleague.id, programme.id
        login(client, me)
    filed = 0
    for total in (3, 30):
        with app.app_context():
            for n in range(filed, total):
                make_ticket(requester=db.session.get(factories.User, me_id),
                            programme=db.session.get(factories.Programme, programme_id),
                            subject=f"Vraag nummer {n:02d}")
                make_ticket(requester=db.session.get(factories.User, colleague_id),
                            programme=db.session.get(factories.Programme, programme_id))
            filed = total
        client.get("/helpdesk")
        with count_queries() as queries:
            response = client.get("/helpdesk")
        assert response.status_code == 200
        counts.append(queries.count)
    assert counts[0] == counts[1]
    page = response.get_data(as_text=True)
    assert page.count("Vraag nummer") == 25
    assert re.search(r'href="/helpdesk\?[^"]*\bpage=2', page)
    second = client.get("/helpdesk?page=2").get_data(as_text=True)
    assert second.count("Vraag nummer") == 5


def _handled_ticket(name="Sociale Cohesie"):
    adviser = make_user("adviser", name="Anna Adviseur")
    other = make_user("adviser", name="Bert Collega")
    programme = make_programme(advisers=[adviser, other], name=name)
    officer = make_user("officer")
    ticket = make_ticket(requester=officer, programme=programme, assignee=adviser)
    return ticket, officer, adviser, other, programme


def test_the_requester_replies_and_an_empty_reply_keeps_the_page(app, client, login, post_form):
    with app.app_context():
        ticket, officer, adviser, *_ = _handled_ticket()
        ids = ticket.id, adviser.email
        login(client, officer)
    url = f"/helpdesk/{ids[0]}"
    page = client.get(url).get_data(as_text=True)
    assert 'name="kind"' not in page and 'name="canned_reply"' not in page and 'name="status"' not in page
    empty = post_form(client, f"{url}/reageren", {"body": "  "}, page=url)
    assert empty.status_code == 422 and "Typ eerst een bericht." in _text(empty)
    sneaky = post_form(client, f"{url}/reageren", {"body": "Stiekem", "kind": "note"}, page=url)
    assert sneaky.status_code == 302
    response = post_form(client, f"{url}/reageren", {"body": "Aanvulling van mij"}, page=url)
    assert response.status_code == 302
    with app.app_context():
        kinds = list(db.session.scalars(select(TicketMessage.kind)))
        assert kinds == ["reply", "reply"]  # an officer never writes a note
        mails = list(db.session.scalars(select(OutboxMail).where(OutboxMail.to_address == ids[1])))
        assert any(mail.subject.startswith("Reactie van de vrager") for mail in mails)
    assert "Aanvulling van mij" in _text(client.get(url))


def test_a_handler_inserts_a_canned_reply_then_sends_it_and_sets_the_status(app, client, login, post_form):
    with app.app_context():
        ticket, officer, adviser, _other, programme = _handled_ticket()
        canned = CannedReply(programme_id=programme.id, title="Verwijzing kennisatelier",
                             body="Kom naar het kennisatelier over **taal**.")
        db.session.add(canned)
        db.session.commit()
        ids = ticket.id, canned.id
        login(client, adviser)
    url = f"/helpdesk/{ids[0]}"
    page = client.get(url).get_data(as_text=True)
    assert "Verwijzing kennisatelier" in page and 'name="insert"' in page
    inserted = post_form(client, f"{url}/reageren", {"canned_reply": str(ids[1]), "insert": "1",
                                                     "body": "Beste collega,"}, page=url)
    assert inserted.status_code == 200
    textarea = re.search(r"<textarea[^>]*>(.*?)</textarea>", inserted.get_data(as_text=True), re.S).group(1)
    assert "Beste collega," in unescape(textarea) and "kennisatelier over **taal**" in unescape(textarea)
    nothing = post_form(client, f"{url}/reageren", {"canned_reply": "", "insert": "1"}, page=url)
    assert nothing.status_code == 422 and "Kies eerst een standaardantwoord" in _text(nothing)
    sent = post_form(client, f"{url}/reageren", {"canned_reply": str(ids[1]), "kind": "reply",
                                                 "body": unescape(textarea), "new_status": "waiting",
                                                 "send": "1"}, page=url)
    assert sent.status_code == 302
    with app.app_context():
        message = db.session.scalar(select(TicketMessage))
        assert message.canned_reply_id == ids[1] and message.kind == "reply"
        assert db.session.get(Ticket, ids[0]).status == "waiting"
    assert "Wacht op vrager" in _text(client.get(url))


def test_handlers_change_status_priority_assignee_and_programme(app, client, login, post_form):
    with app.app_context():
        ticket, officer, adviser, other, _programme = _handled_ticket()
        elsewhere_adviser = make_user("adviser", name="Carla Elders")
        elsewhere = make_programme(advisers=[elsewhere_adviser], name="Jeugd en Veiligheid")
        ids = ticket.id, other.id, elsewhere.id, officer.id
        login(client, adviser)
    url = f"/helpdesk/{ids[0]}"
    assert post_form(client, f"{url}/status", {"status": "open"}, page=url).status_code == 302
    assert post_form(client, f"{url}/prioriteit", {"priority": "urgent"}, page=url).status_code == 302
    assert post_form(client, f"{url}/toewijzen", {"assignee": str(ids[1])}, page=url).status_code == 302
    bad = post_form(client, f"{url}/status", {"status": "verzonnen"}, page=url)
    assert bad.status_code == 422 and "Kies uit de lijst." in _text(bad)
    page = _text(client.get(url))
    assert "Spoed" in page and "Bert Collega" in page and "In behandeling" in page
    assert "Prioriteit gewijzigd" in page and "Behandelaar gewijzigd" in page
    moved = post_form(client, f"{url}/doorzetten", {"programme": str(ids[2])}, page=url)
    assert moved.status_code == 302 and moved.headers["Location"] == "/helpdesk"  # no longer theirs
    with app.app_context():
        moved_ticket = db.session.get(Ticket, ids[0])
        assert moved_ticket.programme_id == ids[2] and moved_ticket.assignee.name == "Carla Elders"
        login(client, ids[3])
    for path, data in (("status", {"status": "closed"}), ("prioriteit", {"priority": "low"}),
                       ("toewijzen", {"assignee": ""}), ("doorzetten", {"programme": str(ids[2])})):
        assert post_form(client, f"{url}/{path}", data, page=url).status_code == 404, path


def test_the_detail_page_issues_the_same_queries_for_3_and_30_messages(app, client, login, count_queries):
    counts = []
    for total in (3, 30):
        with app.app_context():
            ticket, officer, adviser, other, _programme = _handled_ticket(f"Programma met {total}")
            authors = [officer, adviser, other]
            for n in range(total):
                kind = "note" if n % 3 == 2 else "reply"
                db.session.add(TicketMessage(ticket_id=ticket.id, author_id=authors[n % 3].id, kind=kind,
                                             body=f"Bericht {n}"))
            db.session.commit()
            ticket_id, adviser_id = ticket.id, adviser.id
            login(client, adviser_id)
        client.get(f"/helpdesk/{ticket_id}")
        with count_queries() as queries:
            response = client.get(f"/helpdesk/{ticket_id}")
        assert response.status_code == 200
        note_label = "Interne notitie — niet zichtbaar voor de vrager"
        assert response.get_data(as_text=True).count(note_label) == total // 3
        counts.append(queries.count)
    assert counts[0] == counts[1], counts


def test_overdue_tickets_say_so_in_words_and_closed_ones_take_no_replies(app, client, login, post_form):
    with app.app_context():
        officer = make_user("officer")
        late = make_ticket(requester=officer, subject="Een vergeten vraag",
                           first_response_due=date(2020, 1, 6), resolution_due=date(2020, 1, 20))
        closed = make_ticket(requester=officer, status="closed")
        ids = late.id, closed.id
        login(client, officer)
    page = _text(client.get(f"/helpdesk/{ids[0]}"))
    assert "Termijn verlopen" in page and "6 januari 2020" in page
    assert "Termijn verlopen" in _text(client.get("/helpdesk"))
    url = f"/helpdesk/{ids[1]}"
    assert "Deze vraag is gesloten" in _text(client.get(url))
    refused = post_form(client, f"{url}/reageren", {"body": "Toch nog iets"}, page=url)
    assert refused.status_code == 422 and "Deze vraag is gesloten; stel een nieuwe vraag." in _text(refused)
