"""The notification pages as a member uses them: the list per day, opening, marking read, preferences."""

from datetime import timedelta

from sqlalchemy import select

from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from servicecentrum.notifications import centre
from servicecentrum.notifications.inbox import Notification, NotificationPreference
from tests import factories


def _note(user, text, days_ago=0, subject=("ticket", 4), path="/helpdesk/4", read=False):
    note = Notification(user_id=user.id, kind="helpdesk_reply", text=text, url=path,
                        created_at=utcnow() - timedelta(days=days_ago), subject_type=subject[0],
                        subject_id=subject[1], read_at=utcnow() if read else None)
    db.session.add(note)
    db.session.commit()
    return note.id


def _unread(user_id):
    return centre.unread_count(db.session.get(factories.User, user_id))


def test_the_list_groups_per_day_newest_first_and_marks_unread_in_words(app, client, login):
    with app.app_context():
        member = factories.make_user()
        _note(member, "Oud antwoord over huisvesting", days_ago=9, read=True)
        _note(member, "Antwoord van gisteren", days_ago=1)
        _note(member, "Antwoord van vandaag")
        member_id = member.id
    login(client, member_id)
    html = client.get("/meldingen").get_data(as_text=True)
    today, yesterday = html.index("Vandaag"), html.index("Gisteren")
    assert today < html.index("Antwoord van vandaag") < yesterday < html.index("Antwoord van gisteren")
    assert html.index("Antwoord van gisteren") < html.index("Oud antwoord over huisvesting")
    assert html.count('class="notification__new"') == 2  # "Ongelezen" as text, not colour alone
    assert "U heeft 2 ongelezen meldingen." in html
    assert "Meldingen, 2 ongelezen" in html  # the bell's accessible name


def test_a_get_never_marks_anything_read(app, client, login):
    with app.app_context():
        member = factories.make_user()
        _note(member, "Nog niet gelezen")
        member_id = member.id
    login(client, member_id)
    client.get("/meldingen")
    client.get("/meldingen?page=2")
    with app.app_context():
        assert _unread(member_id) == 1


def test_opening_a_notification_marks_it_read_and_goes_to_its_subject(app, client, login, post_form):
    with app.app_context():
        member = factories.make_user()
        note_id = _note(member, "Uw vraag is beantwoord", path="/helpdesk/4")
        member_id = member.id
    login(client, member_id)
    response = post_form(client, f"/meldingen/{note_id}/openen", page="/meldingen")
    assert response.status_code == 303 and response.headers["Location"] == "/helpdesk/4"
    with app.app_context():
        assert _unread(member_id) == 0
    assert "Meldingen, geen ongelezen" in client.get("/meldingen").get_data(as_text=True)


def test_another_members_notification_is_not_found(app, client, login, post_form):
    with app.app_context():
        owner, other = factories.make_user(), factories.make_user()
        note_id = _note(owner, "Alleen voor de eigenaar")
        owner_id, other_id = owner.id, other.id
    login(client, other_id)
    assert post_form(client, f"/meldingen/{note_id}/openen", page="/meldingen").status_code == 404
    assert post_form(client, "/meldingen/999999/openen", page="/meldingen").status_code == 404
    assert "Alleen voor de eigenaar" not in client.get("/meldingen").get_data(as_text=True)
    with app.app_context():
        assert _unread(owner_id) == 1


def test_mark_all_read_marks_only_the_members_own(app, client, login, post_form):
    with app.app_context():
        member, other = factories.make_user(), factories.make_user()
        for n in range(3):
            _note(member, f"Melding {n}")
        _note(other, "Van een ander")
        member_id, other_id = member.id, other.id
    login(client, member_id)
    response = post_form(client, "/meldingen/alles-gelezen", page="/meldingen")
    assert response.status_code == 303
    with app.app_context():
        assert _unread(member_id) == 0 and _unread(other_id) == 1


def test_marking_one_subject_read_by_button_and_by_fetch(app, client, login, post_form):
    with app.app_context():
        member = factories.make_user()
        _note(member, "Over ticket 4", subject=("ticket", 4))
        _note(member, "Over ticket 5", subject=("ticket", 5))
        _note(member, "Over vraag 4", subject=("question", 4), path="/vragen/4")
        member_id = member.id
    login(client, member_id)
    response = post_form(client, "/meldingen/onderwerp", {"subject_type": "ticket", "subject_id": "4",
                                                          "next": "/helpdesk/4"}, page="/meldingen")
    assert response.status_code == 303 and response.headers["Location"] == "/helpdesk/4"
    response = post_form(client, "/meldingen/onderwerp", {"subject_type": "question", "subject_id": "4"},
                         page="/meldingen", headers={"Accept": "application/json"})
    assert response.get_json() == {"marked": 1, "unread": 1}
    bad = post_form(client, "/meldingen/onderwerp", {"subject_type": "gebruiker", "subject_id": "x"},
                    page="/meldingen", headers={"Accept": "application/json"})
    assert bad.status_code == 400 and "Onbekend onderwerp" in bad.get_json()["error"]
    with app.app_context():
        member = db.session.get(factories.User, member_id)
        assert centre.unread_subject_ids(member, "ticket", [4, 5]) == {5}


def test_the_old_address_redirects_to_the_centre(app, client, login):
    with app.app_context():
        member_id = factories.make_user().id
    login(client, member_id)
    response = client.get("/vragen/meldingen?page=2")
    assert response.status_code == 302 and response.headers["Location"] == "/meldingen?page=2"


def test_the_list_costs_the_same_queries_for_few_and_many(app, client, login, count_queries):
    with app.app_context():
        member = factories.make_user()
        _note(member, "Een")
        member_id = member.id
    login(client, member_id)

    def measure():
        client.get("/meldingen")
        with count_queries() as stats:
            assert client.get("/meldingen").status_code == 200
        return stats.count

    few = measure()
    with app.app_context():
        member = db.session.get(factories.User, member_id)
        for n in range(40):
            _note(member, f"Melding {n}", days_ago=n % 5)
    assert measure() == few


def test_preferences_show_the_choices_and_save_them(app, client, login, post_form):
    with app.app_context():
        member_id = factories.make_user(notify_frequency="immediately").id
    login(client, member_id)
    html = client.get("/account/meldingen").get_data(as_text=True)
    assert "Antwoorden op uw helpdeskvragen" in html and "Ook per e-mail, in het overzicht" in html
    assert "Reacties van vragers" not in html  # advisers' kinds are for staff only
    assert '<option selected value="Europe/Amsterdam">' in html
    response = post_form(client, "/account/meldingen", {
        "answer": "digest", "mention": "site", "accepted": "mail", "new_question": "digest",
        "helpdesk_reply": "mail", "helpdesk_status": "site", "quote": "mail", "waitlist_offer": "mail",
        "event_change": "digest", "notify_frequency": "weekly", "time_zone": "America/Curacao"},
        page="/account/meldingen")
    assert response.status_code == 303
    with app.app_context():
        member = db.session.get(factories.User, member_id)
        chosen = {p.kind: p.channel for p in db.session.scalars(select(NotificationPreference))}
        assert chosen["answer"] == "digest" and chosen["helpdesk_status"] == "site"
        assert (member.notify_frequency, member.time_zone) == ("weekly", "America/Curacao")
    html = client.get("/account/meldingen").get_data(as_text=True)
    assert '<option selected value="America/Curacao">' in html


def test_preferences_refuse_bad_values_in_dutch_and_keep_the_choices(app, client, login, post_form):
    with app.app_context():
        member_id = factories.make_user().id
    login(client, member_id)
    response = post_form(client, "/account/meldingen", {
        "answer": "fax", "mention": "site", "accepted": "mail", "new_question": "digest",
        "helpdesk_reply": "mail", "helpdesk_status": "site", "quote": "mail", "waitlist_offer": "mail",
        "event_change": "digest", "notify_frequency": "elk-uur", "time_zone": "Mars/Olympus"},
        page="/account/meldingen")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Kies hoe u deze meldingen wilt krijgen." in html
    assert "Kies dagelijks of wekelijks." in html and "Kies een tijdzone uit de lijst." in html
    with app.app_context():
        assert db.session.scalar(select(NotificationPreference)) is None
        assert db.session.get(factories.User, member_id).time_zone is None


def test_times_show_in_the_members_time_zone(app, client, login):
    with app.app_context():
        member = factories.make_user(time_zone="America/Curacao")
        note = Notification(user_id=member.id, kind="answer", text="Tijdzone", url="/vragen/1",
                            created_at=utcnow().replace(hour=12, minute=0, second=0, microsecond=0))
        db.session.add(note)
        db.session.commit()
        member_id = member.id
    login(client, member_id)
    html = client.get("/meldingen").get_data(as_text=True)
    assert ">08:00</time>" in html  # 12:00 UTC is 08:00 on Curaçao


def test_the_question_page_offers_mark_read_without_marking_on_get(app, client, login, post_form):
    from tests.forum.test_notify_helpers import make_question

    with app.app_context():
        member = factories.make_user()
        question_id = make_question().id
        _note(member, "Nieuw antwoord", subject=("question", question_id), path=f"/vragen/{question_id}")
        member_id = member.id
    login(client, member_id)
    html = client.get(f"/vragen/{question_id}").get_data(as_text=True)
    assert "Markeer als gelezen" in html and "js/mark-read." in html
    with app.app_context():
        assert _unread(member_id) == 1
    fields = {"subject_type": "question", "subject_id": str(question_id), "next": f"/vragen/{question_id}"}
    post_form(client, "/meldingen/onderwerp", fields, page=f"/vragen/{question_id}")
    assert "Markeer als gelezen" not in client.get(f"/vragen/{question_id}").get_data(as_text=True)
