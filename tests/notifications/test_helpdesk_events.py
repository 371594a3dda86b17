"""The helpdesk and events tell members through the notification centre."""

from dataclasses import fields, replace
from datetime import timedelta

from sqlalchemy import select

from servicecentrum.database import utcnow
from servicecentrum.events import booking
from servicecentrum.events import services as event_services
from servicecentrum.extensions import db
from servicecentrum.helpdesk import billing
from servicecentrum.helpdesk import services as helpdesk
from servicecentrum.notifications.inbox import Notification, NotificationPreference
from servicecentrum.notifications.models import OutboxMail
from tests import factories


def _notes_for(user):
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id)
                                   .order_by(Notification.id)))


def _mails_to(user):
    return list(db.session.scalars(select(OutboxMail).where(OutboxMail.to_address == user.email)))


def _ticket():
    adviser = factories.make_user("adviser", name="Anna Adviseur")
    programme = factories.make_programme(advisers=[adviser])
    requester = factories.make_user(name="Olaf Ambtenaar")
    ticket = factories.make_ticket(requester=requester, programme=programme, assignee=adviser,
                                   subject="Taalcafés in de wijk")
    db.session.execute(Notification.__table__.delete())  # start from the new ticket's notes
    db.session.commit()
    return ticket, adviser, requester


def test_an_advisers_reply_notifies_the_requester_about_the_ticket(app_ctx):
    ticket, adviser, requester = _ticket()
    helpdesk.add_message(ticket, adviser, "Begin met vrijwilligers uit de bibliotheek.")
    [note] = _notes_for(requester)
    assert note.kind == "helpdesk_reply" and (note.subject_type, note.subject_id) == ("ticket", ticket.id)
    assert "Anna Adviseur" in note.text and "Taalcafés in de wijk" in note.text
    assert note.url == f"/helpdesk/{ticket.id}"
    assert any("Begin met vrijwilligers" in m.body_text for m in _mails_to(requester))  # default: mail now
    assert _notes_for(adviser) == []


def test_an_internal_note_notifies_nobody(app_ctx):
    ticket, adviser, requester = _ticket()
    colleague = factories.make_user("adviser")
    ticket.programme.advisers.append(colleague)
    db.session.commit()
    mails_before = db.session.scalar(select(db.func.count(OutboxMail.id)))
    helpdesk.add_message(ticket, adviser, "Intern: bel de gemeente nog even.", kind="note")
    assert db.session.scalar(select(Notification)) is None
    assert db.session.scalar(select(db.func.count(OutboxMail.id))) == mails_before


def test_the_requesters_reply_notifies_the_assignee(app_ctx):
    ticket, adviser, requester = _ticket()
    helpdesk.add_message(ticket, requester, "Dank u, nog een vraag.")
    assert [n.kind for n in _notes_for(adviser)] == ["helpdesk_requester_reply"]
    assert _notes_for(requester) == []


def test_a_status_change_notifies_the_requester_and_respects_site_only(app_ctx):
    ticket, adviser, requester = _ticket()
    db.session.add(NotificationPreference(user_id=requester.id, kind="helpdesk_status", channel="site"))
    db.session.commit()
    mails_before = len(_mails_to(requester))
    helpdesk.change_status(ticket, adviser, "waiting")
    assert [n.kind for n in _notes_for(requester)] == ["helpdesk_status"]
    assert len(_mails_to(requester)) == mails_before


def test_a_quote_notifies_those_who_can_accept_it(app_ctx):
    ticket, adviser, requester = _ticket()
    colleague = factories.make_user(organisation=requester.organisation)
    outsider = factories.make_user()
    billing.create_quote(ticket, adviser, 120, "Twee uur meedenken over het plan")
    assert [n.kind for n in _notes_for(requester)] == ["quote"]
    assert [n.kind for n in _notes_for(colleague)] == ["quote"]
    assert _notes_for(outsider) == []


def test_a_waitlist_offer_notifies_the_member(app_ctx):
    now = utcnow()
    event = factories.make_event(capacity=1, title="Masterclass taal")
    first, waiting = factories.make_user(), factories.make_user()
    registration = booking.register(event, first, now=now)
    booking.register(event, waiting, now=now + timedelta(minutes=1))
    booking.cancel(registration, now=now + timedelta(hours=1))
    [note] = _notes_for(waiting)
    assert note.kind == "waitlist_offer" and (note.subject_type, note.subject_id) == ("event", event.id)
    assert "Masterclass taal" in note.text
    assert any(m.subject == "Er is een plaats voor u vrij: Masterclass taal" for m in _mails_to(waiting))
    assert [n.kind for n in _notes_for(first)] == []  # cancelling yourself is a plain confirmation


def test_moving_or_cancelling_an_event_notifies_the_registered(app_ctx):
    organiser = factories.make_user("adviser")
    event = factories.make_event(organisers=[organiser], title="Kennisatelier wonen")
    member = factories.make_user()
    booking.register(event, member)
    names = [f.name for f in fields(event_services.EventData) if hasattr(event, f.name)]
    data = event_services.EventData(**{name: getattr(event, name) for name in names})
    day = timedelta(days=1)
    data = replace(data, starts_at=event.starts_at + day, ends_at=event.ends_at + day,
                   organiser_ids=[organiser.id])
    event_services.update_event(event, organiser, data)
    event_services.cancel_event(event, organiser, "Te weinig aanmeldingen")
    notes = _notes_for(member)
    assert [n.kind for n in notes] == ["event_change", "event_change"]
    assert "gewijzigd" in notes[0].text and "gaat niet door" in notes[1].text
