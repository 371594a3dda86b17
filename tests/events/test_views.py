"""The members' event pages: the lists, one event, registering with questions and cancelling."""

from datetime import timedelta

from sqlalchemy import select

from servicecentrum.database import utcnow
from servicecentrum.events import booking
from servicecentrum.events.models import Event, EventQuestion, Registration
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from tests.factories import make_event, make_organisation, make_theme, make_user


def _page(client, url):
    response = client.get(url)
    return response.status_code, response.get_data(as_text=True)


def test_list_shows_upcoming_with_seats_and_status_and_filters(app, client, login):
    with app.app_context():
        theme = make_theme(name="Inburgering")
        member = make_user()
        full = make_event(title="Masterclass taalcoaching", kind="masterclass", capacity=1, theme=theme)
        booking.register(full, member)
        make_event(title="Netwerkdag Zuid", kind="netwerkbijeenkomst", capacity=5)
        make_event(title="Vervallen atelier", status="cancelled")
        make_event(title="Geheim concept", status="draft")
        make_event(title="Oude masterclass", starts_at=utcnow() - timedelta(days=30))
        login(client, member)
        theme_id = theme.id
    status, html = _page(client, "/bijeenkomsten")
    assert status == 200
    assert "Masterclass taalcoaching" in html and "Netwerkdag Zuid" in html
    assert "Vol – wachtlijst" in html and "Nog 5 plaatsen" in html
    assert "Vervallen atelier" in html and "Geannuleerd" in html
    assert "Geheim concept" not in html and "Oude masterclass" not in html
    assert "Uw status:</strong> Aangemeld" in html
    assert "Nieuwe bijeenkomst" not in html

    _, html = _page(client, "/bijeenkomsten?kind=masterclass")
    assert "Masterclass taalcoaching" in html and "Netwerkdag Zuid" not in html
    _, html = _page(client, f"/bijeenkomsten?theme={theme_id}")
    assert "Masterclass taalcoaching" in html and "Netwerkdag Zuid" not in html
    status, html = _page(client, "/bijeenkomsten?kind=onzin&theme=abc&page=-3")
    assert status == 200 and "Netwerkdag Zuid" in html
    _, html = _page(client, "/bijeenkomsten?periode=afgelopen")
    assert "Oude masterclass" in html and "Netwerkdag Zuid" not in html


def test_staff_see_drafts_marked_and_the_new_event_link(app, client, login):
    with app.app_context():
        make_event(title="Geheim concept", status="draft")
        login(client, make_user("adviser"))
    _, html = _page(client, "/bijeenkomsten")
    assert "Geheim concept" in html and "Concept" in html and "Nieuwe bijeenkomst" in html


def test_times_are_shown_on_the_amsterdam_clock(app, client, login):
    from datetime import UTC, datetime

    with app.app_context():
        starts = datetime(utcnow().year + 1, 7, 1, 8, 0, tzinfo=UTC)  # 10:00 summer time
        event = make_event(title="Zomeratelier", starts_at=starts)
        login(client, make_user())
        event_id = event.id
    _, html = _page(client, "/bijeenkomsten")
    assert "10:00" in html
    _, html = _page(client, f"/bijeenkomsten/{event_id}")
    assert "10:00" in html and "12:00" in html


def test_detail_shows_the_event_and_is_404_for_drafts_to_officers(app, client, login):
    with app.app_context():
        adviser = make_user("adviser", name="Ada Adviseur")
        event = make_event(title="Kennisatelier wijken", description="Over **buurten**.",
                           organisers=[adviser], capacity=12)
        draft = make_event(status="draft")
        login(client, make_user())
        ids = event.id, draft.id
    status, html = _page(client, f"/bijeenkomsten/{ids[0]}")
    assert status == 200
    assert "<strong>buurten</strong>" in html and "Ada Adviseur" in html and "nog 12 vrij" in html
    assert "Bijeenkomst bewerken" not in html
    assert client.get(f"/bijeenkomsten/{ids[1]}").status_code == 404
    assert client.get("/bijeenkomsten/999999").status_code == 404


def _event_with_questions():
    event = make_event(title="Masterclass met vragen", capacity=1)
    diet = EventQuestion(event=event, purpose="registration", position=1, label="Dieetwensen",
                         required=True, choices="Geen\nVegetarisch\nVeganistisch")
    hope = EventQuestion(event=event, purpose="registration", position=2, label="Wat hoopt u te leren?",
                         required=True)
    extra = EventQuestion(event=event, purpose="registration", position=3, label="Opmerkingen")
    db.session.add_all([diet, hope, extra])
    db.session.commit()
    return event, diet, hope


def test_registration_asks_the_questions_and_keeps_answers_on_error(app, client, login, post_form):
    with app.app_context():
        event, diet, hope = _event_with_questions()
        member = make_user()
        login(client, member)
        event_id, diet_id, hope_id, member_id = event.id, diet.id, hope.id, member.id
    url = f"/bijeenkomsten/{event_id}"
    _, html = _page(client, url)
    assert "Dieetwensen" in html and "Vegetarisch" in html and "Wat hoopt u te leren?" in html

    response = post_form(client, f"{url}/aanmelden", {f"vraag_{hope_id}": "Meer over taalhuizen"}, page=url)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Kies een antwoord op de vraag ‘Dieetwensen’." in html
    assert "Meer over taalhuizen" in html  # what the member typed is kept

    response = post_form(client, f"{url}/aanmelden", {f"vraag_{diet_id}": "Vegetarisch",
                                                      f"vraag_{hope_id}": "Meer over taalhuizen"}, page=url)
    assert response.status_code == 302
    _, html = _page(client, url)
    assert "U bent aangemeld" in html and "Uw status:</strong> Aangemeld" in html
    with app.app_context():
        registration = db.session.scalar(select(Registration).where(Registration.user_id == member_id))
        assert registration.status == "confirmed"
        assert registration.answers == {str(diet_id): "Vegetarisch", str(hope_id): "Meer over taalhuizen"}
    # a second submit changes nothing
    post_form(client, f"{url}/aanmelden", {f"vraag_{diet_id}": "Geen", f"vraag_{hope_id}": "x"}, page=url)
    with app.app_context():
        assert db.session.scalar(select(Event.seats_taken).where(Event.id == event_id)) == 1
        assert len(db.session.scalars(select(Registration)).all()) == 1


def test_a_choice_not_offered_is_refused(app, client, login, post_form):
    with app.app_context():
        event, diet, hope = _event_with_questions()
        login(client, make_user())
        event_id, diet_id, hope_id = event.id, diet.id, hope.id
    response = post_form(client, f"/bijeenkomsten/{event_id}/aanmelden",
                         {f"vraag_{diet_id}": "Alles", f"vraag_{hope_id}": "x"})
    assert response.status_code == 422 and "Kies uit de lijst." in response.get_data(as_text=True)


def test_full_event_puts_the_member_on_the_waitlist_and_cancelling_offers_the_seat(app, client, login,
                                                                                   post_form):
    with app.app_context():
        event = make_event(capacity=1, title="Volle masterclass")
        first, second = make_user(), make_user()
        booking.register(event, first)
        login(client, second)
        event_id, first_id, second_id = event.id, first.id, second.id
    url = f"/bijeenkomsten/{event_id}"
    response = post_form(client, f"{url}/aanmelden", {}, page=url, follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "De bijeenkomst is vol; u staat op de wachtlijst (plaats 1)." in html
    assert "U staat op plaats 1 van de wachtlijst" in html and "Van de wachtlijst af" in html

    first_client = app.test_client()
    login(first_client, first_id)
    response = post_form(first_client, f"{url}/afmelden", {}, page=url, follow_redirects=True)
    assert "U bent afgemeld" in response.get_data(as_text=True)
    with app.app_context():
        statuses = dict(db.session.execute(select(Registration.user_id, Registration.status)).all())
        assert statuses == {first_id: "cancelled", second_id: "offered"}
    # cancelling again only says so
    response = post_form(first_client, f"{url}/afmelden", {}, page=url, follow_redirects=True)
    assert "niet (meer) aangemeld" in response.get_data(as_text=True)


def test_cancelling_after_the_start_is_refused(app, client, login, post_form):
    with app.app_context():
        event = make_event()
        member = make_user()
        booking.register(event, member)
        event.starts_at = utcnow() - timedelta(minutes=5)
        db.session.commit()
        login(client, member)
        event_id = event.id
    response = post_form(client, f"/bijeenkomsten/{event_id}/afmelden", {}, follow_redirects=True)
    assert "afmelden kan niet meer" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Registration.status)) == "confirmed"


def test_members_outside_the_audience_see_why_and_cannot_register(app, client, login, post_form):
    with app.app_context():
        event = make_event(audience="g30", title="Alleen G30")
        login(client, make_user(organisation=make_organisation(is_g30=False)))
        event_id = event.id
    _, html = _page(client, f"/bijeenkomsten/{event_id}")
    assert "alleen voor medewerkers van G30-gemeenten" in html
    assert f'action="/bijeenkomsten/{event_id}/aanmelden"' not in html
    assert post_form(client, f"/bijeenkomsten/{event_id}/aanmelden", {}).status_code == 403
    with app.app_context():
        assert db.session.scalars(select(Registration)).all() == []

    g30_client = app.test_client()
    with app.app_context():
        login(g30_client, make_user(organisation=make_organisation(is_g30=True)))
    assert post_form(g30_client, f"/bijeenkomsten/{event_id}/aanmelden", {}).status_code == 302


def test_closed_registration_window_is_explained_and_refused_with_422(app, client, login, post_form):
    with app.app_context():
        event = make_event(registration_closes_at=utcnow() - timedelta(hours=1))
        login(client, make_user())
        event_id = event.id
    _, html = _page(client, f"/bijeenkomsten/{event_id}")
    assert "De aanmelding voor deze bijeenkomst is gesloten." in html
    response = post_form(client, f"/bijeenkomsten/{event_id}/aanmelden", {})
    assert response.status_code == 422
    assert "De aanmelding voor deze bijeenkomst is gesloten." in response.get_data(as_text=True)


def test_confirmation_mail_carries_the_ics(app, client, login, post_form):
    with app.app_context():
        event = make_event(title="Atelier met agenda")
        member = make_user()
        login(client, member)
        event_id, email = event.id, member.email
    post_form(client, f"/bijeenkomsten/{event_id}/aanmelden", {})
    with app.app_context():
        mail = db.session.scalar(select(OutboxMail).where(OutboxMail.to_address == email))
        assert mail.subject == "Aanmelding bevestigd: Atelier met agenda"
        assert mail.attachments[0]["filename"].endswith(".ics")


def _events(count: int, member):
    theme = make_theme()
    start = utcnow() + timedelta(days=1)
    events = [Event(kind="masterclass", title=f"Bijeenkomst {n}", description="x", theme=theme,
                    starts_at=start + timedelta(days=n % 30), ends_at=start + timedelta(days=n % 30, hours=2),
                    location="Utrecht", capacity=10, status="published") for n in range(count)]
    db.session.add_all(events)
    db.session.flush()
    db.session.add_all([Registration(event_id=e.id, user_id=member.id, status="confirmed")
                        for e in events[:30]])
    db.session.commit()
    return events[0].id


def test_list_and_detail_use_the_same_number_of_queries_for_5_and_500_events(app, client, login,
                                                                              count_queries):
    counts = {}
    for size in (5, 500):
        with app.app_context():
            member = make_user()
            first_id = _events(size, member)
            member_client = app.test_client()
            login(member_client, member)
        member_client.get("/bijeenkomsten")
        with count_queries() as listing:
            assert member_client.get("/bijeenkomsten").status_code == 200
        with count_queries() as detail:
            assert member_client.get(f"/bijeenkomsten/{first_id}").status_code == 200
        counts[size] = (listing.count, detail.count)
    assert counts[5] == counts[500]
