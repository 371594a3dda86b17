"""The start page per role: own work only, empty states that say what to do, flat query counts."""

import itertools
import re
from datetime import timedelta

import pytest
from sqlalchemy import insert

from servicecentrum.auth.models import User
from servicecentrum.database import utcnow
from servicecentrum.events.models import Event, Registration, event_organisers
from servicecentrum.extensions import db
from servicecentrum.forum.models import Answer, Question, question_themes
from servicecentrum.helpdesk import sla
from servicecentrum.helpdesk.models import Ticket, TicketMessage
from servicecentrum.library.models import Practice, practice_themes
from servicecentrum.notifications.inbox import Follow, Notification
from servicecentrum.notifications.models import OutboxMail
from servicecentrum.taxonomy.models import Programme, Theme
from tests import factories
from tests.query_budget import own_queries

HOME = "/overzicht"
_unique = itertools.count(1)


def _page(client) -> str:
    response = client.get(HOME)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _block(html: str, key: str) -> str:
    """The HTML of one block (by its id), so an item is checked in the block it belongs to."""
    start = html.index(f'id="{key}"')
    end = html.find("</section>", start)
    return html[start:end]


# --- bulk data: n of every item for each role, in a handful of INSERTs ------------------


def _bulk(model_or_table, rows: list[dict]) -> list[int]:
    if not rows:
        return []
    table = getattr(model_or_table, "__table__", model_or_table)
    if "id" not in table.c:
        db.session.execute(insert(table), rows)
        return []
    result = db.session.execute(insert(table).returning(table.c.id), rows)
    return [row[0] for row in result]


def add_officer_items(officer_id: int, programme_id: int, theme_id: int, n: int) -> None:
    """n open questions (with answers and unread notifications), tickets, registrations, practices."""
    now = utcnow()
    question_ids = _bulk(Question, [
        {"title": f"Open vraag {next(_unique)}", "body": "", "author_id": officer_id, "answer_count": 1,
         "created_at": now, "last_activity_at": now} for _ in range(n)])
    _bulk(Answer, [{"question_id": qid, "body": "Zo doen wij het."} for qid in question_ids])
    _bulk(Notification, [{"user_id": officer_id, "kind": "answer", "text": "Nieuw antwoord", "url": "/vragen",
                          "subject_type": "question", "subject_id": qid} for qid in question_ids])
    _bulk(Ticket, [{"subject": f"Helpdeskvraag {next(_unique)}", "body": "", "requester_id": officer_id,
                    "programme_id": programme_id, "status": status}
                   for status in itertools.islice(itertools.cycle(("new", "open", "waiting")), n)])
    starts = now + timedelta(days=3)
    event_ids = _bulk(Event, [{"kind": "kennisatelier", "title": f"Atelier {next(_unique)}",
                               "starts_at": starts, "ends_at": starts + timedelta(hours=2),
                               "capacity": 1, "status": "published"} for _ in range(n)])
    others = _bulk(User, [{"email": f"wachtende{next(_unique)}@proefstad.test", "name": "Wachtende",
                           "role": "officer", "status": "active"} for _ in range(2)])
    _bulk(Registration, [{"event_id": eid, "user_id": others[0], "status": "waitlisted",
                          "created_at": now - timedelta(hours=1)} for eid in event_ids])
    statuses = itertools.cycle(("confirmed", "waitlisted", "offered"))
    _bulk(Registration, [{"event_id": eid, "user_id": officer_id, "status": status, "created_at": now,
                          "offer_expires_at": now + timedelta(hours=24) if status == "offered" else None}
                         for eid, status in zip(event_ids, statuses, strict=False)])
    practice_ids = _bulk(Practice, [{"title": f"Praktijk {next(_unique)}", "status": "published",
                                     "published_at": now - timedelta(days=1)} for _ in range(n)])
    _bulk(practice_themes, [{"practice_id": pid, "theme_id": theme_id} for pid in practice_ids])
    db.session.commit()


def add_adviser_items(adviser_id: int, programme_id: int, theme_id: int, requester_id: int, n: int) -> None:
    """n tickets of every kind in the adviser's programme, unanswered questions, organised events."""
    now = utcnow()
    today = sla.today()
    rows = []
    for i in range(n):
        rows.append({"subject": f"Wachtrijvraag {next(_unique)}", "body": "", "programme_id": programme_id,
                     "requester_id": requester_id, "status": ("new", "open")[i % 2],
                     "assignee_id": adviser_id if i % 3 else None,
                     "first_response_due": today if i % 2 else today - timedelta(days=2),
                     "resolution_due": today + timedelta(days=5), "created_at": now})
    ticket_ids = _bulk(Ticket, rows)
    _bulk(TicketMessage, [{"ticket_id": tid, "author_id": requester_id, "kind": "reply",
                           "body": "Nog een vraag"} for tid in ticket_ids])
    question_ids = _bulk(Question, [
        {"title": f"Onbeantwoord {next(_unique)}", "body": "", "author_id": requester_id, "answer_count": 0,
         "created_at": now - timedelta(days=3), "last_activity_at": now - timedelta(days=3)}
        for _ in range(n)])
    _bulk(question_themes, [{"question_id": qid, "theme_id": theme_id} for qid in question_ids])
    starts = now + timedelta(days=10)
    event_ids = _bulk(Event, [{"kind": "masterclass", "title": f"Masterclass {next(_unique)}",
                               "starts_at": starts, "ends_at": starts + timedelta(hours=3),
                               "capacity": 20, "status": "published"} for _ in range(n)])
    _bulk(event_organisers, [{"event_id": eid, "user_id": adviser_id} for eid in event_ids])
    db.session.commit()


def add_admin_items(n: int) -> None:
    """n verified requests for access and n mails that failed."""
    _bulk(User, [{"email": f"aanvrager{next(_unique)}@elders.test", "name": f"Aanvrager {next(_unique)}",
                  "role": "officer", "status": "pending", "email_verified_at": utcnow(),
                  "requested_organisation": "Gemeente Elders"} for _ in range(n)])
    _bulk(OutboxMail, [{"to_address": "iemand@proefstad.test", "subject": f"Bericht {next(_unique)}",
                        "body_text": "Tekst", "message_id": f"<bulk-{next(_unique)}@test>",
                        "status": "failed"}
                       for _ in range(n)])
    db.session.commit()


@pytest.fixture
def people(app):
    """An officer who follows a theme, an adviser with expertise in it, an admin who advises too."""
    with app.app_context():
        theme = factories.make_theme(name="Inburgering")
        officer = factories.make_user(name="Olga Officier")
        adviser = factories.make_user(role="adviser", name="Adam Adviseur", expertise=[theme])
        admin = factories.make_user(role="admin", name="Bea Beheerder", expertise=[theme])
        programme = factories.make_programme(name="Onderwijs en Inburgering", advisers=[adviser, admin])
        db.session.add(Follow(user_id=officer.id, target_type="theme", target_id=theme.id))
        db.session.commit()
        return {"officer": officer.id, "adviser": adviser.id, "admin": admin.id,
                "programme": programme.id, "theme": theme.id}


# The page's own queries with every block full (issue 14 allows 11): one for all the totals,
# one per list (the officer's practices with their themes take two), programmes and themes kept.
START_PAGE_BUDGET = {"officer": 6, "adviser": 5, "admin": 7}


@pytest.mark.parametrize("role", ["officer", "adviser", "admin"])
def test_start_page_issues_the_same_number_of_queries_for_5_and_500_of_every_item(
        app, client, login, count_queries, people, role):
    def fill(n):
        with app.app_context():
            add_officer_items(people["officer"], people["programme"], people["theme"], n)
            add_adviser_items(people["adviser"], people["programme"], people["theme"], people["officer"], n)
            add_adviser_items(people["admin"], people["programme"], people["theme"], people["officer"], n)
            add_admin_items(n)

    login(client, people[role])
    fill(5)
    few = own_queries(client, count_queries, HOME)
    fill(495)
    many = own_queries(client, count_queries, HOME)
    html = _page(client)
    assert few == many, f"{role}: {few} queries with 5 of each, {many} with 500"
    assert many <= START_PAGE_BUDGET[role]
    assert html.count('class="dashboard-card"') >= 4
    assert "Alles bekijken" in html


def test_a_start_page_with_nothing_to_show_costs_one_query_of_its_own(app, client, login, count_queries):
    with app.app_context():
        members = [factories.make_user(role=role).id for role in ("officer", "adviser", "admin")]
        factories.make_theme(name="Werk")
    for member in members:
        member_client = app.test_client()
        login(member_client, member)
        assert own_queries(member_client, count_queries, HOME) == 1  # the totals
        assert "Alles bekijken" not in _page(member_client)


# --- the officer --------------------------------------------------------------------------


def test_officer_sees_own_open_questions_with_new_answers_and_not_a_colleagues(app, client, login, people):
    with app.app_context():
        officer = db.session.get(User, people["officer"])
        other = factories.make_user()
        mine = Question(title="Hoe werkt taalcoaching?", author=officer, answer_count=2)
        solved = Question(title="Opgeloste vraag", author=officer, has_accepted_answer=True)
        theirs = Question(title="Vraag van een ander", author=other)
        db.session.add_all([mine, solved, theirs])
        db.session.flush()
        db.session.add_all([
            Notification(user_id=officer.id, kind="answer", text="x", url="/", subject_type="question",
                         subject_id=mine.id),
            Notification(user_id=officer.id, kind="answer", text="y", url="/", subject_type="question",
                         subject_id=mine.id, read_at=utcnow()),
            Notification(user_id=officer.id, kind="accepted", text="z", url="/", subject_type="question",
                         subject_id=theirs.id)])
        db.session.commit()
    login(client, people["officer"])
    block = _block(_page(client), "mijn-vragen")
    assert "Hoe werkt taalcoaching?" in block and "2 antwoorden" in block and "1 nieuw" in block
    assert "Opgeloste vraag" not in block and "Vraag van een ander" not in block
    assert "2 nieuw" not in block
    assert "1 vraag zonder geaccepteerd antwoord" in block


def test_officer_sees_own_tickets_with_whose_turn_and_never_another_organisations(app, client, login, people):
    with app.app_context():
        officer = db.session.get(User, people["officer"])
        factories.make_ticket(requester=officer, subject="Wij wachten op FORUM", status="open")
        factories.make_ticket(requester=officer, subject="FORUM wacht op ons", status="waiting")
        factories.make_ticket(requester=officer, subject="Al gesloten", status="closed")
        factories.make_ticket(requester=factories.make_user(), subject="Vraag van Gemeente Elders")
    login(client, people["officer"])
    block = _block(_page(client), "mijn-helpdeskvragen")
    assert "Wij wachten op FORUM" in block and "FORUM is aan zet" in block
    assert "FORUM wacht op ons" in block and "Wacht op uw reactie" in block
    assert "Al gesloten" not in block and "Gemeente Elders" not in block
    assert "2 lopende vragen" in block


def test_officer_sees_registrations_waitlist_place_and_an_open_offer_with_its_deadline(
        app, client, login, people):
    now = utcnow()
    with app.app_context():
        officer = db.session.get(User, people["officer"])
        someone = factories.make_user()
        seated = factories.make_event(title="Masterclass Taal")
        full = factories.make_event(title="Kennisatelier Wonen", capacity=1)
        offered = factories.make_event(title="Netwerkdag Zorg")
        past = factories.make_event(title="Voorbij", starts_at=now - timedelta(days=3))
        elsewhere = factories.make_event(title="Niet voor mij")
        db.session.add_all([
            Registration(event=seated, user=officer, status="confirmed"),
            Registration(event=full, user=someone, status="waitlisted", created_at=now - timedelta(hours=2)),
            Registration(event=full, user=officer, status="waitlisted", created_at=now),
            Registration(event=offered, user=officer, status="offered",
                         offer_expires_at=now + timedelta(hours=30)),
            Registration(event=past, user=officer, status="confirmed"),
            Registration(event=elsewhere, user=someone, status="confirmed")])
        db.session.commit()
    login(client, people["officer"])
    block = _block(_page(client), "mijn-aanmeldingen")
    assert block.index("Netwerkdag Zorg") < block.index("Masterclass Taal")  # the offer first
    assert "Plaats aangeboden" in block and "Reageer vóór" in block and "Bekijk het aanbod" in block
    assert "Op de wachtlijst, plaats 2" in block
    assert "U bent aangemeld" in block
    assert "Voorbij" not in block and "Niet voor mij" not in block


def test_officer_sees_new_practices_in_followed_themes_only(app, client, login, people):
    now = utcnow()
    with app.app_context():
        followed = db.session.get(Theme, people["theme"])
        other = factories.make_theme(name="Wonen")
        db.session.add_all([
            Practice(title="Taalcafé in de bibliotheek", status="published", published_at=now,
                     themes=[followed]),
            Practice(title="Oud nieuws", status="published", published_at=now - timedelta(days=45),
                     themes=[followed]),
            Practice(title="Nog in concept", status="draft", themes=[followed]),
            Practice(title="Woningdelen", status="published", published_at=now, themes=[other])])
        db.session.commit()
    login(client, people["officer"])
    block = _block(_page(client), "nieuwe-praktijken")
    assert "Taalcafé in de bibliotheek" in block and "U volgt: Inburgering" in block
    for absent in ("Oud nieuws", "Nog in concept", "Woningdelen"):
        assert absent not in block


def test_officer_empty_states_say_what_to_do_next(app, client, login):
    with app.app_context():
        factories.make_theme(name="Onderwijs")
        officer = factories.make_user()
        login(client, officer)
    html = _page(client)
    assert "U heeft geen open vragen." in html and 'href="/vragen/nieuw"' in html
    assert "U heeft geen lopende vragen aan de helpdesk van FORUM." in html
    assert 'href="/helpdesk/nieuw"' in html
    assert "U bent niet aangemeld voor een komende bijeenkomst." in html and "Bekijk de agenda" in html
    assert "U volgt nog geen thema's." in html and "Volg Onderwijs" in html
    assert "Alles bekijken" not in html
    assert "Mijn wachtrij" not in html and "Aanvragen om toegang" not in html


def test_officer_follows_a_theme_from_the_start_page(app, client, login, post_form):
    with app.app_context():
        theme = factories.make_theme(name="Werk")
        officer = factories.make_user()
        theme_id = theme.id
        login(client, officer)
    response = post_form(client, f"/vragen/thema/{theme_id}/volgen", {"next": HOME}, page=HOME)
    assert response.status_code == 302 and response.headers["Location"] == HOME
    assert "U volgt: Werk" in _page(client)


# --- the adviser --------------------------------------------------------------------------


def test_adviser_queue_numbers_count_own_programmes_and_link_into_the_filtered_queue(
        app, client, login, people):
    today = sla.today()
    with app.app_context():
        programme = db.session.get(Programme, people["programme"])
        adviser = db.session.get(User, people["adviser"])
        factories.make_ticket(programme=programme, subject="Nog niemand")
        factories.make_ticket(programme=programme, subject="Te laat", assignee=adviser,
                                     status="open", first_response_due=today - timedelta(days=3))
        answered = factories.make_ticket(programme=programme, subject="Beantwoord", assignee=adviser,
                                         status="open", first_responded_at=utcnow(),
                                         first_response_due=today + timedelta(days=1),
                                         resolution_due=today + timedelta(days=5))
        db.session.add(TicketMessage(ticket=answered, author=adviser, kind="reply", body="Antwoord"))
        asked_back = factories.make_ticket(programme=programme, subject="Vrager reageerde", assignee=adviser,
                                           status="open", first_responded_at=utcnow(),
                                           first_response_due=today + timedelta(days=1),
                                           resolution_due=today + timedelta(days=5))
        requester = asked_back.requester
        db.session.add_all([
            TicketMessage(ticket=asked_back, author=adviser, kind="reply", body="Antwoord"),
            TicketMessage(ticket=asked_back, author=requester, kind="reply", body="Nog een vraag"),
            TicketMessage(ticket=asked_back, author=adviser, kind="note", body="Even uitzoeken")])
        factories.make_ticket(programme=programme, subject="Bij de vrager", assignee=adviser,
                              status="waiting",
                              first_responded_at=utcnow(), first_response_due=today + timedelta(days=1),
                              resolution_due=today + timedelta(days=5))
        factories.make_ticket(subject="Ander programma")  # another programme: not counted
        db.session.commit()
    login(client, people["adviser"])
    block = _block(_page(client), "mijn-wachtrij")
    numbers = {link: int(number) for link, number in re.findall(
        r'<a href="/helpdesk/wachtrij\?([^"]+)"><span class="queue-numbers__number">(\d+)</span>', block)}
    assert numbers == {"unassigned=y": 1, "mine=y": 4, "overdue=y": 1, "waiting=y": 2}
    # The link shows the same tickets the number counts.
    queue = client.get("/helpdesk/wachtrij?waiting=y").get_data(as_text=True)
    assert "Te laat" in queue and "Vrager reageerde" in queue
    assert "Beantwoord" not in queue and "Bij de vrager" not in queue and "Nog niemand" not in queue


def test_adviser_sees_first_responses_due_today_unanswered_questions_and_own_events(
        app, client, login, people):
    today = sla.today()
    two_days_ago = utcnow() - timedelta(days=2)
    with app.app_context():
        programme = db.session.get(Programme, people["programme"])
        adviser = db.session.get(User, people["adviser"])
        theme = db.session.get(Theme, people["theme"])
        other_theme = factories.make_theme(name="Religie")
        factories.make_ticket(programme=programme, subject="Vandaag antwoorden", first_response_due=today)
        factories.make_ticket(programme=programme, subject="Morgen pas",
                              first_response_due=today + timedelta(days=1))
        factories.make_ticket(subject="Vandaag elders", first_response_due=today)
        db.session.add_all([
            Question(title="Wie kent een goede taalaanbieder?", themes=[theme], created_at=two_days_ago),
            Question(title="Net gesteld", themes=[theme], created_at=utcnow()),
            Question(title="Al beantwoord", themes=[theme], answer_count=1, created_at=two_days_ago),
            Question(title="Buiten mijn thema", themes=[other_theme], created_at=two_days_ago)])
        factories.make_event(title="Masterclass Inburgering", organisers=[adviser])
        factories.make_event(title="Iemand anders organiseert")
        db.session.commit()
    login(client, people["adviser"])
    html = _page(client)
    due = _block(html, "eerste-reactie-vandaag")
    assert "Vandaag antwoorden" in due and "Morgen pas" not in due and "Vandaag elders" not in due
    assert 'href="/helpdesk/wachtrij?due_today=y"' in due
    queue = client.get("/helpdesk/wachtrij?due_today=y").get_data(as_text=True)
    assert "Vandaag antwoorden" in queue and "Morgen pas" not in queue and "Vandaag elders" not in queue
    unanswered = _block(html, "onbeantwoorde-vragen")
    assert "Wie kent een goede taalaanbieder?" in unanswered
    for absent in ("Net gesteld", "Al beantwoord", "Buiten mijn thema"):
        assert absent not in unanswered
    events = _block(html, "mijn-bijeenkomsten")
    assert "Masterclass Inburgering" in events and "Iemand anders organiseert" not in events
    assert "Mijn open vragen" not in html and "Aanvragen om toegang" not in html


def test_adviser_empty_states_say_what_to_do_next(app, client, login):
    with app.app_context():
        adviser = factories.make_user(role="adviser")
        login(client, adviser)
    html = _page(client)
    assert "U bent nog geen adviseur van een programma." in html
    assert "Er hoeft vandaag geen eerste reactie meer te worden gegeven." in html
    assert "Kies de thema's van uw expertise" in html and 'href="/account"' in html
    assert "U organiseert geen komende bijeenkomsten." in html and "Plan een bijeenkomst" in html


# --- the admin ----------------------------------------------------------------------------


def test_admin_sees_waiting_requests_and_failed_mail(app, client, login):
    with app.app_context():
        admin = factories.make_user(role="admin")
        factories.make_user(name="Piet Aanvrager", status="pending",
                            requested_organisation="Gemeente Nergens")
        factories.make_user(name="Nog niet bevestigd", status="pending", email_verified_at=None)
        factories.make_outbox_mail(subject="Uw aanmelding", status="failed")
        factories.make_outbox_mail(subject="Goed aangekomen", status="sent")
        login(client, admin)
    html = _page(client)
    requests = _block(html, "aanvragen")
    assert "Piet Aanvrager" in requests and "Nog niet bevestigd" not in requests
    assert "1 aanvraag wacht op goedkeuring" in requests and 'href="/beheer/aanvragen"' in requests
    mails = _block(html, "mislukte-mail")
    assert "Uw aanmelding" in mails and "Goed aangekomen" not in mails
    if "admin.mail_list" in app.view_functions:  # the outbox page, filtered on failed mail
        assert 'href="/beheer/e-mail?status=failed"' in mails
    assert "Mijn wachtrij" not in html  # this admin advises no programme


def test_admin_who_advises_a_programme_also_gets_the_adviser_blocks(app, client, login, people):
    login(client, people["admin"])
    html = _page(client)
    assert "Mijn wachtrij" in html and "Aanvragen om toegang" in html


def test_admin_empty_states_say_what_to_do_next(app, client, login):
    with app.app_context():
        admin = factories.make_user(role="admin")
        login(client, admin)
    html = _page(client)
    assert "Er wachten geen aanvragen op goedkeuring." in html
    assert "Alle e-mail is verstuurd." in html
