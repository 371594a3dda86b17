"""The helpdesk core: filing routes and confirms; replies mail the requester, notes never do."""

from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.helpdesk import services
from servicecentrum.helpdesk.services import HelpdeskError, TicketData
from servicecentrum.notifications.models import OutboxMail
from tests.factories import make_programme, make_ticket, make_user


def _mails_to(address):
    return list(db.session.scalars(select(OutboxMail).where(OutboxMail.to_address == address)))


def test_filing_routes_to_the_fallback_and_the_least_loaded_adviser(app_ctx):
    busy, free = make_user("adviser", name="Anna Bezig"), make_user("adviser", name="Bert Vrij")
    programme = make_programme(slug="servicecentrum-integratiebeleid", name="Servicecentrum Integratiebeleid",
                               advisers=[busy, free])
    make_ticket(programme=programme, assignee=busy)
    officer = make_user("officer")
    ticket = services.create_ticket(officer, TicketData("Vraag over taalhuizen", "Wat werkt?"))
    assert ticket.programme == programme
    assert ticket.assignee == free
    assert "Geen regel" in ticket.routing_note
    assert ticket.first_response_due is not None and ticket.resolution_due > ticket.first_response_due
    assert [m.subject for m in _mails_to(officer.email)] == ["Uw vraag is ontvangen: Vraag over taalhuizen"]
    assert len(_mails_to(free.email)) == 1


def test_internal_notes_are_not_mailed_and_replies_are(app_ctx):
    adviser = make_user("adviser")
    programme = make_programme(advisers=[adviser])
    officer = make_user("officer")
    ticket = make_ticket(requester=officer, programme=programme, assignee=adviser)
    before = len(_mails_to(officer.email))
    services.add_message(ticket, adviser, "Geheime notitie over de gemeente", kind="note")
    assert len(_mails_to(officer.email)) == before
    services.add_message(ticket, adviser, "Ons antwoord", kind="reply")
    mails = _mails_to(officer.email)
    assert len(mails) == before + 1
    assert "Ons antwoord" in mails[-1].body_text
    assert "Geheime notitie" not in mails[-1].body_text
    assert ticket.status == "open" and ticket.first_responded_at is not None


def test_officers_cannot_write_notes_and_empty_messages_are_refused(app_ctx):
    officer = make_user("officer")
    ticket = make_ticket(requester=officer)
    for kind, body in (("note", "Stiekem"), ("reply", "   ")):
        try:
            services.add_message(ticket, officer, body, kind=kind)
        except HelpdeskError:
            continue
        raise AssertionError(f"{kind!r} {body!r} was accepted")


def test_resolving_sends_one_survey_invitation(app_ctx):
    adviser = make_user("adviser")
    officer = make_user("officer")
    ticket = make_ticket(requester=officer, programme=make_programme(advisers=[adviser]))
    services.change_status(ticket, adviser, "resolved")
    services.change_status(ticket, adviser, "open")
    services.change_status(ticket, adviser, "resolved")
    surveys = [m for m in _mails_to(officer.email) if "/tevredenheid" in m.body_text]
    assert len(surveys) == 1
    assert [c.action for c in ticket.changes].count("status") == 3
