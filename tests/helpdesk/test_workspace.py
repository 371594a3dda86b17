"""The adviser's ticket workspace: one composer, a sidebar changed in place, the requester's view."""

import re
from html import unescape

from sqlalchemy import func, select

from servicecentrum.extensions import db
from servicecentrum.helpdesk.models import CannedReply, Ticket, TicketMessage, TimeEntry
from servicecentrum.notifications.inbox import Notification
from tests.factories import make_organisation, make_programme, make_ticket, make_user


def _text(response) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


def _textarea(response) -> str:
    found = re.search(r"<textarea[^>]*>(.*?)</textarea>", response.get_data(as_text=True), re.S)
    return unescape(found.group(1))


def _desk(allowance_minutes: int = 8 * 60):
    adviser = make_user("adviser", name="Anna Adviseur")
    programme = make_programme(advisers=[adviser], name="Sociale Cohesie")
    organisation = make_organisation(name="Gemeente Rivierstad", helpdesk_allowance_minutes=allowance_minutes)
    officer = make_user("officer", name="Olga Officier", organisation=organisation)
    ticket = make_ticket(requester=officer, programme=programme, assignee=adviser,
                         subject="Taalcafé in de bibliotheek", body="Hoe beginnen we een taalcafé?")
    canned = CannedReply(programme_id=programme.id, title="Verwijzing kennisatelier",
                         body="Kom naar het kennisatelier over taal.")
    db.session.add(canned)
    db.session.commit()
    return {"ticket": ticket.id, "adviser": adviser.id, "officer": officer.id, "canned": canned.id}


def test_one_submit_sends_the_reply_logs_the_time_and_sets_the_status(app, client, login, post_form):
    with app.app_context():
        ids = _desk()
        login(client, ids["adviser"])
    url = f"/helpdesk/{ids['ticket']}"
    sent = post_form(client, f"{url}/reageren", {
        "kind": "reply", "body": "Begin klein, met vrijwilligers.", "new_status": "waiting",
        "minutes": "45", "send": "1"}, page=url)
    assert sent.status_code == 302
    page = _text(client.get(url))
    assert "Begin klein, met vrijwilligers." in page
    assert "Wacht op vrager" in page  # the new status, as the adviser reads it
    assert "0,75 uur" in page  # the time on this ticket
    with app.app_context():
        assert db.session.get(Ticket, ids["ticket"]).status == "waiting"
        entry = db.session.scalar(select(TimeEntry))
        assert entry.minutes == 45 and not entry.billable


def test_an_internal_note_is_marked_and_never_shown_to_the_requester(app, client, login, post_form):
    with app.app_context():
        ids = _desk()
        login(client, ids["adviser"])
    url = f"/helpdesk/{ids['ticket']}"
    post_form(client, f"{url}/reageren", {"kind": "note", "body": "Wethouder twijfelt nog (geheim-91).",
                                          "send": "1"}, page=url)
    handler_page = _text(client.get(url))
    assert "geheim-91" in handler_page
    assert "Interne notitie — niet zichtbaar voor de vrager" in handler_page
    with app.app_context():
        login(client, ids["officer"])
    requester_page = _text(client.get(url))
    assert "Taalcafé in de bibliotheek" in requester_page
    assert "geheim-91" not in requester_page and "Interne notitie —" not in requester_page


def test_time_over_the_free_allowance_is_refused_in_dutch_and_nothing_is_sent(app, client, login, post_form):
    with app.app_context():
        ids = _desk(allowance_minutes=60)
        login(client, ids["adviser"])
    url = f"/helpdesk/{ids['ticket']}"
    refused = post_form(client, f"{url}/reageren", {
        "kind": "reply", "body": "Mijn lange uitgewerkte antwoord.", "minutes": "90",
        "new_status": "resolved", "send": "1"}, page=url)
    assert refused.status_code == 422
    assert "basisbudget" in _text(refused) and "offerte" in _text(refused)
    assert _textarea(refused).strip() == "Mijn lange uitgewerkte antwoord."
    assert 'value="90"' in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(TicketMessage.id))) == 0
        assert db.session.scalar(select(func.count(TimeEntry.id))) == 0
        assert db.session.get(Ticket, ids["ticket"]).status != "resolved"


def test_an_empty_message_is_refused_and_bad_minutes_say_what_to_type(app, client, login, post_form):
    with app.app_context():
        ids = _desk()
        login(client, ids["adviser"])
    url = f"/helpdesk/{ids['ticket']}"
    empty = post_form(client, f"{url}/reageren", {"kind": "reply", "body": " ", "send": "1"}, page=url)
    assert empty.status_code == 422 and "Typ eerst een bericht." in _text(empty)
    wrong = post_form(client, f"{url}/reageren", {"kind": "reply", "body": "Tekst blijft",
                                                  "minutes": "een uur", "send": "1"}, page=url)
    assert wrong.status_code == 422 and "hele minuten" in _text(wrong) and "Tekst blijft" in _textarea(wrong)


def test_inserting_a_canned_reply_without_js_keeps_what_was_typed(app, client, login, post_form):
    with app.app_context():
        ids = _desk()
        login(client, ids["adviser"])
    url = f"/helpdesk/{ids['ticket']}"
    page = client.get(url).get_data(as_text=True)
    assert f'data-canned-body="{ids["canned"]}"' in page and "data-markdown-editor" in page
    inserted = post_form(client, f"{url}/reageren", {
        "canned_reply": str(ids["canned"]), "insert": "1", "body": "Beste Olga,", "minutes": "20",
        "kind": "note"}, page=url)
    assert inserted.status_code == 200
    text = _textarea(inserted).strip()
    assert text.startswith("Beste Olga,") and "kennisatelier over taal" in text
    html = inserted.get_data(as_text=True)
    assert 'value="20"' in html and re.search(r'value="note"[^>]*checked|checked[^>]*value="note"', html)
    with app.app_context():
        assert db.session.scalar(select(func.count(TicketMessage.id))) == 0


def test_sidebar_properties_change_in_place_with_and_without_js(app, client, login, post_form):
    with app.app_context():
        ids = _desk()
        login(client, ids["adviser"])
    url = f"/helpdesk/{ids['ticket']}"
    page = client.get(url).get_data(as_text=True)
    assert re.search(r"<aside[^>]*>\s*<h2", page)
    assert "Eerste reactie uiterlijk" in page and "Oplossen uiterlijk" in page and "gratis uren" in page
    assert "Signaal melden" in page and page.count("data-inplace") == 4
    no_js = post_form(client, f"{url}/prioriteit", {"priority": "high"}, page=url)
    assert no_js.status_code == 302 and "Hoog" in _text(client.get(url))
    js = post_form(client, f"{url}/status", {"status": "waiting"}, page=url,
                   headers={"Accept": "application/json"})
    assert js.status_code == 200 and js.is_json
    assert js.get_json()["ok"] and js.get_json()["label"] == "Wacht op vrager"
    assert "Wacht op vrager" in js.get_json()["message"]
    bad = post_form(client, f"{url}/status", {"status": "verzonnen"}, page=url,
                    headers={"Accept": "application/json"})
    assert bad.status_code == 422 and not bad.get_json()["ok"] and bad.get_json()["message"]
    with app.app_context():
        ticket = db.session.get(Ticket, ids["ticket"])
        assert ticket.status == "waiting" and ticket.priority == "high"


def test_the_requester_reads_the_status_from_their_point_of_view(app, client, login, post_form):
    with app.app_context():
        ids = _desk()
        ticket = db.session.get(Ticket, ids["ticket"])
        ticket.status = "waiting"
        db.session.commit()
        login(client, ids["officer"])
    page = _text(client.get(f"/helpdesk/{ids['ticket']}"))
    assert "Wacht op uw reactie" in page and "Wacht op vrager" not in page
    assert 'name="minutes"' not in page and "data-inplace" not in page
    assert "Wacht op uw reactie" in _text(client.get("/helpdesk"))


def test_a_new_message_from_the_other_side_is_marked_in_the_lists(app, client, login):
    with app.app_context():
        ids = _desk()
        for user_id in (ids["officer"], ids["adviser"]):
            db.session.add(Notification(user_id=user_id, kind="helpdesk_reply", text="Nieuw antwoord",
                                        url=f"/helpdesk/{ids['ticket']}", subject_type="ticket",
                                        subject_id=ids["ticket"]))
        db.session.commit()
        login(client, ids["officer"])
    assert "Nieuw bericht" in _text(client.get("/helpdesk"))
    detail = client.get(f"/helpdesk/{ids['ticket']}").get_data(as_text=True)
    assert "Markeer als gelezen" in detail and 'action="/meldingen/onderwerp"' in detail
    with app.app_context():
        login(client, ids["adviser"])
    assert "Nieuw bericht" in _text(client.get("/helpdesk/wachtrij"))


def test_the_queue_sorts_by_whitelisted_columns_and_ignores_others(app, client, login):
    with app.app_context():
        adviser = make_user("adviser")
        programme = make_programme(advisers=[adviser])
        for subject in ("Bibliotheek", "Arbeidsmarkt", "Cohesie"):
            make_ticket(programme=programme, subject=subject)
        login(client, adviser.id)

    def subjects(response):
        html = response.get_data(as_text=True)
        return re.findall(r'<th scope="row"><a href="/helpdesk/\d+">([^<]+)</a>', html)

    ascending = client.get("/helpdesk/wachtrij?sort=subject&order=asc")
    assert subjects(ascending) == ["Arbeidsmarkt", "Bibliotheek", "Cohesie"]
    sorted_header = r'<th scope="col" aria-sort="ascending">\s*<a[^>]*>Onderwerp'
    assert re.search(sorted_header, ascending.get_data(as_text=True))
    descending = client.get("/helpdesk/wachtrij?sort=subject&order=desc")
    assert subjects(descending) == ["Cohesie", "Bibliotheek", "Arbeidsmarkt"]
    for key in ("number", "organisation", "status", "priority", "due", "activity"):
        assert client.get(f"/helpdesk/wachtrij?sort={key}&order=desc").status_code == 200, key
    odd = client.get("/helpdesk/wachtrij?sort=body);drop table tickets;--&order=sideways")
    assert odd.status_code == 200 and "aria-sort" not in odd.get_data(as_text=True)
    html = odd.get_data(as_text=True)
    assert "data-auto-submit" in html and '<details class="filters" open>' in html and "table--reflow" in html
    assert "SLA" not in _text(odd) and "Alleen termijn verlopen" in html
