"""Calendar files: one event as .ics (Amsterdam time across DST) and the personal secret feed."""

import re
from datetime import UTC, datetime, timedelta

from flask import render_template
from icalendar import Calendar
from sqlalchemy import select

from servicecentrum.auth.models import User
from servicecentrum.auth.secrets import digest
from servicecentrum.database import utcnow
from servicecentrum.events import booking, feeds
from servicecentrum.events.models import CalendarFeed, Registration
from servicecentrum.extensions import db
from tests.factories import make_event, make_user

FEED_URL = re.compile(r'value="(https?://[^"]+/bijeenkomsten/agenda/([^"/]+)\.ics)"')


def _events(body: bytes) -> list:
    return list(Calendar.from_ical(body).walk("VEVENT"))


def _ics(client, event_id):
    response = client.get(f"/bijeenkomsten/{event_id}.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Content-Disposition"] == f'attachment; filename="bijeenkomst-{event_id}.ics"'
    return response.data


def test_event_ics_keeps_amsterdam_time_across_the_dst_change(app, client, login):
    with app.app_context():
        # 10:00 local on both days: summer time (UTC+2) ends in the night of 24/25 October 2026.
        before = make_event(starts_at=datetime(2026, 10, 24, 8, 0, tzinfo=UTC),
                            ends_at=datetime(2026, 10, 24, 10, 0, tzinfo=UTC), title="Voor de omschakeling")
        after = make_event(starts_at=datetime(2026, 10, 26, 9, 0, tzinfo=UTC),
                           ends_at=datetime(2026, 10, 26, 11, 0, tzinfo=UTC), title="Na de omschakeling")
        ids = before.id, after.id
        login(client, make_user())
    for event_id, utc_hour in zip(ids, (8, 9), strict=True):
        body = _ics(client, event_id)
        calendar = Calendar.from_ical(body)
        zones = [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")]
        assert zones == ["Europe/Amsterdam"]
        (item,) = _events(body)
        start = item["DTSTART"]
        assert start.params["TZID"] == "Europe/Amsterdam"
        assert (start.dt.hour, start.dt.minute) == (10, 0)
        assert start.dt.astimezone(UTC).hour == utc_hour
        assert item["DTEND"].dt.hour == 12
        assert str(item["STATUS"]) == "CONFIRMED"
        assert f"DTSTART;TZID=Europe/Amsterdam:202610{24 if utc_hour == 8 else 26}T100000" in body.decode()


def test_a_cancelled_event_is_marked_cancelled(app, client, login):
    with app.app_context():
        event = make_event(title="Gaat niet door")
        booking.cancel_event(event, "Ziekte")
        event_id = event.id
        login(client, make_user())
    (item,) = _events(_ics(client, event_id))
    assert str(item["STATUS"]) == "CANCELLED" and str(item["SUMMARY"]) == "Gaat niet door"


def test_event_ics_is_404_for_drafts_and_unknown_ids_and_needs_login(app, client, login):
    with app.app_context():
        draft_id = make_event(status="draft").id
        published_id = make_event().id
        adviser_id = make_user(role="adviser").id
        officer_id = make_user().id
    anonymous = client.get(f"/bijeenkomsten/{published_id}.ics")
    assert anonymous.status_code == 302 and anonymous.headers["Location"].startswith("/inloggen")
    login(client, officer_id)
    assert client.get(f"/bijeenkomsten/{draft_id}.ics").status_code == 404
    assert client.get("/bijeenkomsten/999999.ics").status_code == 404
    login(client, adviser_id)
    assert client.get(f"/bijeenkomsten/{draft_id}.ics").status_code == 200


def test_detail_partial_links_to_the_ics_file_and_the_feed_page(app):
    with app.app_context():
        event = make_event()
        with app.test_request_context():
            html = render_template("events/_detail_calendar.html", event=event)
    assert f'href="/bijeenkomsten/{event.id}.ics"' in html and "Zet in mijn agenda (.ics)" in html
    assert 'href="/bijeenkomsten/agenda"' in html


def _create_feed(client, post_form) -> tuple[str, str]:
    response = post_form(client, "/bijeenkomsten/agenda/maken", page="/bijeenkomsten/agenda")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
    url, token = FEED_URL.search(response.get_data(as_text=True)).groups()
    return url, token


def test_feed_is_created_shown_once_renewed_and_revoked(app, client, login, post_form):
    with app.app_context():
        member = make_user()
        booking.register(make_event(title="Mijn masterclass"), member)
        member_id = member.id
    login(client, member_id)
    page = client.get("/bijeenkomsten/agenda").get_data(as_text=True)
    assert "U heeft nog geen agenda-link." in page and "Agenda-link maken" in page

    url, token = _create_feed(client, post_form)
    with app.app_context():
        stored = db.session.scalars(select(CalendarFeed.token_hash)).all()
        assert stored == [digest(token)] and token not in stored[0]  # only the digest is kept
    calendar_app = app.test_client()  # not logged in, like a calendar app
    assert url.endswith(f"/bijeenkomsten/agenda/{token}.ics")
    response = calendar_app.get(f"/bijeenkomsten/agenda/{token}.ics")
    assert response.status_code == 200
    assert [str(e["SUMMARY"]) for e in _events(response.data)] == ["Mijn masterclass"]

    later = client.get("/bijeenkomsten/agenda").get_data(as_text=True)
    assert token not in later and "Nieuwe link maken" in later and "niet opnieuw" in later

    _new_url, new_token = _create_feed(client, post_form)  # "Nieuwe link maken" revokes the old one
    assert calendar_app.get(f"/bijeenkomsten/agenda/{token}.ics").status_code == 404
    assert calendar_app.get(f"/bijeenkomsten/agenda/{new_token}.ics").status_code == 200

    revoked = post_form(client, "/bijeenkomsten/agenda/intrekken", follow_redirects=True)
    assert "Uw agenda-link is ingetrokken" in revoked.get_data(as_text=True)
    assert calendar_app.get(f"/bijeenkomsten/agenda/{new_token}.ics").status_code == 404
    with app.app_context():
        assert db.session.scalars(select(CalendarFeed)).all() == []


def test_unknown_token_and_disabled_account_get_404(app, client):
    with app.app_context():
        member = make_user()
        token, member_id = feeds.create_feed(member), member.id
    assert client.get(f"/bijeenkomsten/agenda/{token}.ics").status_code == 200
    assert client.get("/bijeenkomsten/agenda/niet-bestaand.ics").status_code == 404
    with app.app_context():
        db.session.get(User, member_id).status = "disabled"
        db.session.commit()
    assert client.get(f"/bijeenkomsten/agenda/{token}.ics").status_code == 404


def test_feed_holds_only_the_members_own_seats_upcoming_and_recent(app, client):
    now = utcnow()
    with app.app_context():
        member, other = make_user(), make_user()
        mine = make_event(title="Aangemeld")
        booking.register(mine, member, now=now)
        booking.register(make_event(title="Van een ander"), other, now=now)
        full = make_event(title="Vol", capacity=1)
        booking.register(full, other, now=now)
        booking.register(full, member, now=now)  # waitlisted: not in the feed
        gone = make_event(title="Afgemeld")
        booking.cancel(booking.register(gone, member, now=now), now=now)
        recent = make_event(title="Vorige maand", starts_at=now - timedelta(days=30))
        old = make_event(title="Lang geleden", starts_at=now - timedelta(days=120))
        for event in (recent, old):
            db.session.add(Registration(event_id=event.id, user_id=member.id, status="confirmed",
                                        created_at=now - timedelta(days=150)))
        offered = make_event(title="Aangeboden", capacity=1)
        holder = booking.register(offered, other, now=now)
        booking.register(offered, member, now=now + timedelta(seconds=1))
        booking.cancel(holder, now=now + timedelta(seconds=2))
        called_off = make_event(title="Geannuleerd")
        booking.register(called_off, member, now=now)
        booking.cancel_event(called_off, "Ziekte", now=now)
        db.session.commit()
        token = feeds.create_feed(member)
    body = client.get(f"/bijeenkomsten/agenda/{token}.ics").data
    items = {str(e["SUMMARY"]): str(e["STATUS"]) for e in _events(body)}
    assert items == {"Vorige maand": "CONFIRMED", "Aangemeld": "CONFIRMED", "Aangeboden": "CONFIRMED",
                     "Geannuleerd": "CANCELLED"}


def test_feed_queries_do_not_grow_with_the_registrations(app, client, count_queries):
    counts = []
    for fill in (5, 40):
        with app.app_context():
            member = make_user()
            for _ in range(fill):
                event = make_event()
                db.session.add(Registration(event_id=event.id, user_id=member.id, status="confirmed"))
            db.session.commit()
            token = feeds.create_feed(member)
        with count_queries() as queries:
            response = client.get(f"/bijeenkomsten/agenda/{token}.ics")
        assert response.status_code == 200 and len(_events(response.data)) == fill
        counts.append(queries.count)
    assert counts[0] == counts[1], counts
