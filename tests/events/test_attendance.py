"""The organisers' attendee list: sections and answers, CSV, check-in on the day, adding and removing."""

import re
from datetime import timedelta

import pytest
from flask import render_template
from sqlalchemy import select

from servicecentrum.audit.models import AuditEvent
from servicecentrum.database import utcnow
from servicecentrum.events import attendance, attendance_views, booking
from servicecentrum.events.models import EventQuestion, Registration
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from tests.factories import make_event, make_organisation, make_user


def _text(html: str) -> str:
    """The page as a screen reader reads it: tags gone, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _event_with_attendees(app, capacity=2, members=4, **event_fields):
    """An event of one organiser, a registration question, and members registered in order."""
    with app.app_context():
        organiser = make_user("adviser", name="Olga Organisator")
        event = make_event(organisers=[organiser], capacity=capacity, **event_fields)
        question = EventQuestion(event=event, purpose="registration", label="Dieetwensen")
        db.session.add(question)
        db.session.commit()
        start = utcnow() - timedelta(days=3)
        people = []
        for n in range(members):
            org = make_organisation(name=f"Gemeente Nummer {n} (bijeenkomst {event.id})")
            member = make_user(name=f"Deelnemer {n}", organisation=org)
            registration = booking.register(event, member, {str(question.id): f"wens {n}"},
                                            now=start + timedelta(minutes=n), added_by=organiser)
            people.append({"user": member.id, "registration": registration.id, "email": member.email})
        return {"event": event.id, "organiser": organiser.id, "question": question.id, "people": people}


def test_the_list_shows_seats_offers_and_the_waitlist_in_order_with_answers(app, client, login):
    ids = _event_with_attendees(app, capacity=2, members=4)
    with app.app_context():
        login(client, ids["organiser"])
    response = client.get(f"/bijeenkomsten/{ids['event']}/deelnemers")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.count("<h1") == 1 and '<th scope="col">Dieetwensen</th>' in html
    text = _text(html)
    for n in range(4):
        assert f"Deelnemer {n}" in text and f"Gemeente Nummer {n}" in text and f"wens {n}" in text
    confirmed, waitlist = text.split("Wachtlijst op volgorde van aanmelding")
    assert "Deelnemer 0" in confirmed and "Deelnemer 1" in confirmed
    assert re.search(r"1 Deelnemer 2 .* 2 Deelnemer 3", waitlist)
    assert "Markeer" not in text  # before the event's day: no check-in buttons
    assert "Aanwezigheid registreren kan vanaf de dag van de bijeenkomst" in text


@pytest.mark.parametrize("who, expected", [("officer", 404), ("other_adviser", 404), ("admin", 200),
                                           ("organiser", 200)])
def test_only_organisers_and_admins_see_the_list_and_the_csv(app, client, login, who, expected):
    ids = _event_with_attendees(app, members=1)
    with app.app_context():
        user = ids["organiser"] if who == "organiser" else make_user(
            {"officer": "officer", "other_adviser": "adviser", "admin": "admin"}[who]).id
        login(client, user)
    assert client.get(f"/bijeenkomsten/{ids['event']}/deelnemers").status_code == expected
    assert client.get(f"/bijeenkomsten/{ids['event']}/deelnemers.csv").status_code == expected
    assert client.get("/bijeenkomsten/9999/deelnemers").status_code == 404


def test_the_csv_has_a_bom_semicolons_answers_and_no_formulas(app, client, login):
    ids = _event_with_attendees(app, capacity=1, members=2)
    with app.app_context():
        member = make_user(name="=HYPERLINK(\"http://kwaad.test\")")
        event = attendance.get_event(ids["event"])
        booking.register(event, member, {str(ids["question"]): "+31 6 1234"}, added_by=event.organisers[0])
        login(client, ids["organiser"])
    response = client.get(f"/bijeenkomsten/{ids['event']}/deelnemers.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="deelnemers-bijeenkomst-{ids["event"]}.csv"')
    body = response.data
    assert body.startswith(b"\xef\xbb\xbf")
    lines = body.decode("utf-8-sig").split("\r\n")
    assert lines[0] == ("Status;Plaats op de wachtlijst;Naam;E-mailadres;Organisatie;Aangemeld op;"
                        "Aanwezig;Dieetwensen")
    assert lines[1].startswith("Aangemeld;;Deelnemer 0;") and lines[1].endswith(";wens 0")
    assert lines[2].startswith("Op de wachtlijst;1;Deelnemer 1;")
    assert lines[3].startswith("Op de wachtlijst;2;\"'=HYPERLINK(\"\"http://kwaad.test\"\")\";")
    assert lines[3].endswith(";'+31 6 1234")


def _seed_many(app, count: int) -> dict:
    """An event with ``count`` registrations (half confirmed, half waiting), added directly."""
    with app.app_context():
        organiser = make_user("adviser")
        event = make_event(organisers=[organiser], capacity=count)
        question = EventQuestion(event=event, purpose="registration", label="Verwachting")
        db.session.add(question)
        db.session.commit()
        for n in range(count):
            member = make_user(organisation=make_organisation())
            db.session.add(Registration(event_id=event.id, user_id=member.id,
                                        status="confirmed" if n % 2 else "waitlisted",
                                        answers={str(question.id): f"antwoord {n}"},
                                        created_at=utcnow() - timedelta(minutes=n)))
        db.session.commit()
        return {"event": event.id, "organiser": organiser.id}


def test_list_csv_and_counts_take_the_same_number_of_queries_for_5_and_500(app, client, login,
                                                                             count_queries):
    counts = {}
    for size in (5, 500):
        ids = _seed_many(app, size)
        with app.app_context():
            login(client, ids["organiser"])
        client.get(f"/bijeenkomsten/{ids['event']}/deelnemers")  # warm up
        with count_queries() as page:
            assert client.get(f"/bijeenkomsten/{ids['event']}/deelnemers").status_code == 200
        with count_queries() as export:
            response = client.get(f"/bijeenkomsten/{ids['event']}/deelnemers.csv")
        assert response.data.decode("utf-8-sig").count("\r\n") == size + 1
        with app.test_request_context():
            event = attendance.get_event(ids["event"])
            organiser = db.session.get(type(event.organisers[0]), ids["organiser"])
            with count_queries() as provider:
                context = attendance_views.organiser_context(event, organiser)
            assert context["organiser_counts"].confirmed + context["organiser_counts"].waitlisted == size
        counts[size] = (page.count, export.count, provider.count)
    assert counts[5] == counts[500]


def _started_event(app, members=2, capacity=1):
    """An event that began an hour ago (so it is its day in Amsterdam), people registered earlier."""
    return _event_with_attendees(app, capacity=capacity, members=members,
                                 starts_at=utcnow().replace(microsecond=0) - timedelta(hours=1))


def test_check_in_on_the_day_toggles_with_accessible_buttons(app, client, login, post_form):
    ids = _started_event(app)
    first = ids["people"][0]["registration"]
    url = f"/bijeenkomsten/{ids['event']}/deelnemers/{first}/aanwezig"
    with app.app_context():
        login(client, ids["organiser"])
    page = _text(client.get(f"/bijeenkomsten/{ids['event']}/deelnemers").get_data(as_text=True))
    assert "Markeer Deelnemer 0 als aanwezig" in page
    response = post_form(client, url)
    assert response.status_code == 302 and response.headers["Location"].endswith(f"#deelnemer-{first}")
    page = _text(client.get(f"/bijeenkomsten/{ids['event']}/deelnemers").get_data(as_text=True))
    assert "Deelnemer 0 is als aanwezig gemarkeerd." in page
    assert "Aanwezigheid van Deelnemer 0 intrekken" in page and "Ja, sinds" in page
    with app.app_context():
        assert db.session.get(Registration, first).checked_in_at is not None
        action = db.session.scalar(select(AuditEvent.action).where(AuditEvent.target_id == first))
        assert action == "event_check_in"
    post_form(client, url)
    with app.app_context():
        assert db.session.get(Registration, first).checked_in_at is None
    waiting = ids["people"][1]["registration"]
    refused = post_form(client, f"/bijeenkomsten/{ids['event']}/deelnemers/{waiting}/aanwezig")
    assert refused.status_code == 409
    assert "Alleen aangemelde deelnemers" in refused.get_data(as_text=True)


def test_check_in_before_the_day_is_refused_in_dutch(app, client, login, post_form):
    ids = _event_with_attendees(app, members=1)
    registration = ids["people"][0]["registration"]
    with app.app_context():
        login(client, ids["organiser"])
    response = post_form(client, f"/bijeenkomsten/{ids['event']}/deelnemers/{registration}/aanwezig")
    assert response.status_code == 409
    assert "Aanwezigheid registreren kan vanaf de dag van de bijeenkomst (" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Registration, registration).checked_in_at is None


def test_a_registration_of_another_event_is_404(app, client, login, post_form):
    ids = _event_with_attendees(app, members=1)
    other = _event_with_attendees(app, members=1)
    with app.app_context():
        login(client, ids["organiser"])
    foreign = other["people"][0]["registration"]
    for event_id, action in ((ids["event"], "aanwezig"), (ids["event"], "verwijderen"),
                             (other["event"], "verwijderen")):  # the last: not this organiser's event
        url = f"/bijeenkomsten/{event_id}/deelnemers/{foreign}/{action}"
        assert post_form(client, url).status_code == 404


def test_adding_to_a_full_event_puts_the_member_on_the_waitlist(app, client, login, post_form):
    ids = _event_with_attendees(app, capacity=1, members=1)
    with app.app_context():
        newcomer = make_user(name="Nieuwe Collega", email="nieuw@proefstad.test")
        newcomer_id, newcomer_email = newcomer.id, newcomer.email
        login(client, ids["organiser"])
    url = f"/bijeenkomsten/{ids['event']}/deelnemers/toevoegen"
    response = post_form(client, url, {"email": "NIEUW@proefstad.test"}, follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "De bijeenkomst is vol: Nieuwe Collega staat nu op de wachtlijst." in html
    again = post_form(client, url, {"email": "nieuw@proefstad.test"})
    assert again.status_code == 422 and "staat al op de lijst" in again.get_data(as_text=True)
    with app.app_context():
        registration = booking.registration_of(ids["event"], newcomer_id)
        assert registration.status == "waitlisted" and registration.added_by_id == ids["organiser"]
        audit = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "event_attendee_added"))
        assert audit.actor_id == ids["organiser"] and audit.details["status"] == "waitlisted"
        assert db.session.scalar(select(OutboxMail.subject).where(OutboxMail.to_address == newcomer_email)
                                 ).startswith("U staat op de wachtlijst")


def test_adding_an_unknown_address_is_422_with_the_address_kept(app, client, login, post_form):
    ids = _event_with_attendees(app, members=0)
    with app.app_context():
        login(client, ids["organiser"])
    url = f"/bijeenkomsten/{ids['event']}/deelnemers/toevoegen"
    response = post_form(client, url, {"email": "onbekend@elders.test"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Er is geen actief lid met dit e-mailadres." in html and 'value="onbekend@elders.test"' in html
    assert post_form(client, url, {"email": ""}).status_code == 422
    with app.app_context():
        assert db.session.scalars(select(Registration)).all() == []


def test_adding_with_a_free_seat_confirms(app, client, login, post_form):
    ids = _event_with_attendees(app, capacity=3, members=1)
    with app.app_context():
        email = make_user(name="Vrije Plaats").email
        login(client, ids["organiser"])
    response = post_form(client, f"/bijeenkomsten/{ids['event']}/deelnemers/toevoegen",
                         {"email": email}, follow_redirects=True)
    assert "Vrije Plaats is aangemeld voor deze bijeenkomst." in response.get_data(as_text=True)


def test_removing_a_confirmed_attendee_offers_the_seat_to_the_first_waiting(app, client, login, post_form):
    ids = _event_with_attendees(app, capacity=1, members=3)
    seated, first_waiting, second_waiting = (p["registration"] for p in ids["people"])
    with app.app_context():
        login(client, ids["organiser"])
    response = post_form(client, f"/bijeenkomsten/{ids['event']}/deelnemers/{seated}/verwijderen",
                         follow_redirects=True)
    assert "Deelnemer 0 staat niet meer op de lijst." in response.get_data(as_text=True)
    with app.app_context():
        statuses = [db.session.get(Registration, r).status for r in (seated, first_waiting, second_waiting)]
        assert statuses == ["removed", "offered", "waitlisted"]
        audit = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "event_attendee_removed"))
        assert audit.target_id == seated and audit.details["old"] == "confirmed"
    again = post_form(client, f"/bijeenkomsten/{ids['event']}/deelnemers/{seated}/verwijderen")
    assert again.status_code == 409 and "staat niet meer op de lijst" in again.get_data(as_text=True)


def test_the_organiser_panel_shows_counts_and_links_only_to_organisers(app):
    ids = _started_event(app, members=3, capacity=2)
    with app.test_request_context():
        event = attendance.get_event(ids["event"])
        attendance.toggle_check_in(db.session.get(Registration, ids["people"][0]["registration"]),
                                   event.organisers[0])
        organiser = event.organisers[0]
        context = attendance_views.organiser_context(event, organiser)
        assert context["organiser_counts"] == attendance.AttendanceCounts(
            confirmed=2, offered=0, waitlisted=1, checked_in=1)
        html = render_template("events/_detail_organiser.html", event=event, **context)
        assert f"/bijeenkomsten/{event.id}/deelnemers" in html and "deelnemers.csv" in html
        assert f"/bijeenkomsten/{event.id}/bewerken" in html
        assert attendance_views.organiser_context(event, make_user("officer")) == {}
        assert attendance_views.organiser_context(event, make_user("adviser")) == {}
        assert render_template("events/_detail_organiser.html", event=event).strip() == ""


def test_the_detail_page_shows_the_organiser_panel_to_organisers_only(app, client, login):
    ids = _event_with_attendees(app, capacity=1, members=2)
    with app.app_context():
        login(client, ids["organiser"])
    html = client.get(f"/bijeenkomsten/{ids['event']}").get_data(as_text=True)
    assert "Voor de organisatoren" in html and f"/bijeenkomsten/{ids['event']}/deelnemers.csv" in html
    assert "1 van 1 plaatsen" in html
    with app.app_context():
        login(client, ids["people"][0]["user"])
    html = client.get(f"/bijeenkomsten/{ids['event']}").get_data(as_text=True)
    assert "Voor de organisatoren" not in html and "/deelnemers" not in html
