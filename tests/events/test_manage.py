"""Organisers create, edit, publish and cancel events and edit their questions."""

from datetime import UTC, datetime

from sqlalchemy import select

from servicecentrum.audit.models import AuditEvent
from servicecentrum.database import utcnow
from servicecentrum.events import booking
from servicecentrum.events.models import Event, EventQuestion, Registration
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from tests.factories import make_event, make_theme, make_user

NEXT_YEAR = utcnow().year + 1


def _form(**overrides) -> dict:
    data = {"kind": "masterclass", "title": "Masterclass participatie", "description": "Wat werkt?",
            "starts_at_date": f"{NEXT_YEAR}-03-10", "starts_at_time": "13:30", "ends_at_time": "16:00",
            "location": "Utrecht, Jaarbeurs", "online_url": "", "capacity": "25", "audience": "all",
            "reminder_days": "2", "offer_hours": "48"}
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def _actions():
    return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_adviser_creates_a_draft_in_amsterdam_time_and_publishes_it(app, client, login, post_form):
    with app.app_context():
        adviser = make_user("adviser", name="Bea Adviseur")
        colleague = make_user("admin", name="Cas Beheerder")
        theme = make_theme()
        login(client, adviser)
        adviser_id, colleague_id, theme_id = adviser.id, colleague.id, theme.id
    assert client.get("/bijeenkomsten/nieuw").status_code == 200
    response = post_form(client, "/bijeenkomsten/nieuw",
                         _form(theme=str(theme_id), organisers=[str(colleague_id)], audience="kinds",
                               audience_kinds=["welzijn", "onderwijs"],
                               online_url="https://vergader.example/abc"))
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        event = db.session.scalar(select(Event))
        assert event.status == "draft" and event.capacity == 25 and event.theme_id == theme_id
        # 13:30 in March is winter time (UTC+1)
        assert event.starts_at == datetime(NEXT_YEAR, 3, 10, 12, 30, tzinfo=UTC)
        assert event.ends_at == datetime(NEXT_YEAR, 3, 10, 15, 0, tzinfo=UTC)
        assert {u.id for u in event.organisers} == {adviser_id, colleague_id}
        assert event.audience == "kinds" and set(event.audience_kind_list) == {"welzijn", "onderwijs"}
        event_id = event.id
        assert _actions() == ["event_created"]
    response = post_form(client, f"/bijeenkomsten/{event_id}/publiceren", {})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Event, event_id).status == "published"
        assert _actions()[-1] == "event_published"


def test_invalid_event_input_is_422_with_dutch_messages_and_kept_values(app, client, login, post_form):
    with app.app_context():
        login(client, make_user("adviser"))
    cases = [
        (_form(title=""), "Geef de bijeenkomst een titel."),
        (_form(ends_at_time="12:00"), "De bijeenkomst moet eindigen na het begin."),
        (_form(online_url="http://onveilig.example", location=""), "begint met https://"),
        (_form(location="", online_url=""), "Vul een locatie in, een link voor online deelname, of allebei."),
        (_form(capacity="0"), "Kies tussen 1 en 2000 plaatsen."),
        (_form(capacity="veel"), "Vul een heel getal in."),
        (_form(capacity="2001"), "Kies tussen 1 en 2000 plaatsen."),
        (_form(reminder_days="31"), "Kies tussen 0 en 30 dagen"),
        (_form(offer_hours="0"), "Kies tussen 1 en 336 uur"),
        (_form(starts_at_date="31-02-2030"), "Vul een geldige datum in"),
        (_form(starts_at_time="25:00"), "Vul een geldige tijd in"),
        (_form(audience="kinds"), "Kies ten minste één soort organisatie."),
        (_form(kind="feest"), "Kies uit de lijst."),
        (_form(registration_opens_at_date=f"{NEXT_YEAR}-03-01",
               registration_closes_at_date=f"{NEXT_YEAR}-02-01"),
         "Het aanmelden moet sluiten na het openen."),
    ]
    for data, message in cases:
        data.setdefault("title", "Mijn getypte titel")
        response = post_form(client, "/bijeenkomsten/nieuw", data)
        html = response.get_data(as_text=True)
        assert response.status_code == 422, message
        assert message in html, message
        if data["title"]:
            assert 'value="Masterclass participatie"' in html or data["title"] in html
    with app.app_context():
        assert db.session.scalars(select(Event)).all() == []


def test_edit_prefills_local_times_and_saves_changes(app, client, login, post_form):
    with app.app_context():
        adviser = make_user("adviser")
        event = make_event(organisers=[adviser], starts_at=datetime(NEXT_YEAR, 7, 1, 8, 0, tzinfo=UTC))
        login(client, adviser)
        event_id = event.id
    html = client.get(f"/bijeenkomsten/{event_id}/bewerken").get_data(as_text=True)
    assert 'value="10:00"' in html and f'value="{NEXT_YEAR}-07-01"' in html
    response = post_form(client, f"/bijeenkomsten/{event_id}/bewerken",
                         _form(title="Nieuwe titel", starts_at_date=f"{NEXT_YEAR}-07-01",
                               starts_at_time="10:00", ends_at_time="12:30", capacity="10"))
    assert response.status_code == 302
    with app.app_context():
        event = db.session.get(Event, event_id)
        assert event.title == "Nieuwe titel"
        assert event.ends_at == datetime(NEXT_YEAR, 7, 1, 10, 30, tzinfo=UTC)
        assert _actions()[-1] == "event_updated"


def test_capacity_below_the_seats_taken_is_refused_and_raising_offers_seats(app, client, login, post_form):
    with app.app_context():
        adviser = make_user("adviser")
        event = make_event(organisers=[adviser], capacity=2,
                           starts_at=datetime(NEXT_YEAR, 3, 10, 12, 30, tzinfo=UTC))
        members = [make_user() for _ in range(4)]
        for member in members:
            booking.register(event, member)
        login(client, adviser)
        event_id = event.id
    base = _form()
    response = post_form(client, f"/bijeenkomsten/{event_id}/bewerken", {**base, "capacity": "1"})
    assert response.status_code == 422
    assert "Er zijn al 2 plaatsen bezet" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Event, event_id).capacity == 2

    response = post_form(client, f"/bijeenkomsten/{event_id}/bewerken", {**base, "capacity": "3"},
                         follow_redirects=True)
    assert "1 plaats is aangeboden aan de wachtlijst." in response.get_data(as_text=True)
    with app.app_context():
        statuses = [r.status for r in db.session.scalars(select(Registration).order_by(Registration.id))]
        assert statuses == ["confirmed", "confirmed", "offered", "waitlisted"]
        assert db.session.get(Event, event_id).seats_taken == 3


def test_cancelling_an_event_asks_a_reason_and_mails_everyone(app, client, login, post_form):
    with app.app_context():
        admin = make_user("admin")
        event = make_event(capacity=1, title="Vervalt")
        first, second = make_user(), make_user()
        booking.register(event, first)
        booking.register(event, second)
        login(client, admin)
        event_id, emails = event.id, {first.email, second.email}
    page = client.get(f"/bijeenkomsten/{event_id}/annuleren").get_data(as_text=True)
    assert "Bijeenkomst annuleren" in page
    response = post_form(client, f"/bijeenkomsten/{event_id}/annuleren", {"reason": ""})
    assert response.status_code == 422 and "Schrijf kort waarom" in response.get_data(as_text=True)
    response = post_form(client, f"/bijeenkomsten/{event_id}/annuleren", {"reason": "De spreker is ziek."},
                         follow_redirects=True)
    assert "2 deelnemers kregen bericht" in response.get_data(as_text=True)
    with app.app_context():
        event = db.session.get(Event, event_id)
        assert event.status == "cancelled" and event.cancel_reason == "De spreker is ziek."
        told = set(db.session.scalars(select(OutboxMail.to_address).where(
            OutboxMail.subject == "Bijeenkomst geannuleerd: Vervalt")))
        assert told == emails
        assert _actions()[-1] == "event_cancelled"
    # a second time only says so
    response = post_form(client, f"/bijeenkomsten/{event_id}/annuleren", {"reason": "x"},
                         follow_redirects=True)
    assert "al geannuleerd" in response.get_data(as_text=True)


def test_organisers_add_move_and_remove_questions(app, client, login, post_form):
    with app.app_context():
        adviser = make_user("adviser")
        event = make_event(organisers=[adviser])
        login(client, adviser)
        event_id = event.id
    url = f"/bijeenkomsten/{event_id}/vragen"
    assert client.get(url).status_code == 200
    response = post_form(client, url, {"purpose": "registration", "label": "Dieet", "choices": "Alleen"})
    assert response.status_code == 422 and "ten minste twee keuzes" in response.get_data(as_text=True)
    post_form(client, url, {"purpose": "registration", "label": "Dieet", "required": "y",
                            "choices": "Geen\nVegetarisch\n"})
    post_form(client, url, {"purpose": "registration", "label": "Verwachtingen"})
    post_form(client, url, {"purpose": "evaluation", "label": "Wat neemt u mee?"})
    with app.app_context():
        questions = db.session.scalars(select(EventQuestion).order_by(EventQuestion.id)).all()
        assert [(q.purpose, q.label, q.required, q.choice_list) for q in questions] == [
            ("registration", "Dieet", True, ["Geen", "Vegetarisch"]),
            ("registration", "Verwachtingen", False, []),
            ("evaluation", "Wat neemt u mee?", False, [])]
        ids = [q.id for q in questions]
    post_form(client, f"{url}/{ids[1]}", {"action": "omhoog"})
    with app.app_context():
        event = db.session.get(Event, event_id)
        assert [q.label for q in event.questions if q.purpose == "registration"] == ["Verwachtingen", "Dieet"]
    post_form(client, f"{url}/{ids[0]}", {"action": "verwijderen"})
    with app.app_context():
        assert db.session.get(EventQuestion, ids[0]) is None
        assert {"event_question_added", "event_question_moved", "event_question_removed"} <= set(_actions())
    assert post_form(client, f"{url}/999999", {"action": "verwijderen"}).status_code == 404
