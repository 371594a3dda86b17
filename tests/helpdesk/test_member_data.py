"""A member's helpdesk data: the export shows only the public side; deletion keeps the declarations."""

import json
from datetime import date

from sqlalchemy import func, select

from servicecentrum.account import export
from servicecentrum.account import services as account
from servicecentrum.extensions import db
from servicecentrum.helpdesk import member_data, services
from servicecentrum.helpdesk.models import Ticket, TicketAttachment, TicketChange, TicketMessage, TimeEntry
from servicecentrum.helpdesk.search_docs import DOC_TYPE
from servicecentrum.library.attachments import upload_dir
from servicecentrum.search.models import SearchOutboxEntry
from servicecentrum.surveys import services as surveys
from servicecentrum.surveys.models import SurveyResponse
from tests import factories

NOTE = "Interne notitie: wethouder ligt dwars (uniek-7f3a)"
REPLY = "Publiek antwoord: kijk naar de aanpak van Proefstad."


def _attachment(ticket, uploader, name: str, internal: bool) -> TicketAttachment:
    stored = f"ticket-test-{name}.pdf"
    (upload_dir() / stored).write_bytes(b"%PDF-1.4 test")
    attachment = TicketAttachment(ticket_id=ticket.id, uploader_id=uploader.id, is_internal=internal,
                                  filename=name, stored_name=stored, content_type="application/pdf", size=13)
    db.session.add(attachment)
    db.session.commit()
    return attachment


def _history(adviser, officer):
    """A resolved and rated ticket with a note, a reply, two attachments and logged time."""
    programme = factories.make_programme(advisers=[adviser])
    ticket = factories.make_ticket(requester=officer, programme=programme, assignee=adviser,
                                   subject="Persoonlijke vraag over Proefstad",
                                   body="Onze wethouder vraagt...")
    services.add_message(ticket, adviser, NOTE, kind="note")
    services.add_message(ticket, adviser, REPLY, kind="reply")
    services.add_message(ticket, officer, "Dank, dat helpt.", kind="reply")
    _attachment(ticket, officer, "bijlage-vrager.pdf", internal=False)
    _attachment(ticket, adviser, "intern-verslag.pdf", internal=True)
    db.session.add(TimeEntry(ticket_id=ticket.id, adviser_id=adviser.id,
                             organisation_id=ticket.organisation_id, work_date=date(2026, 3, 2),
                             minutes=90, note="Uitzoekwerk"))
    db.session.commit()
    services.change_status(ticket, adviser, "resolved")
    surveys.answer_ticket_survey(ticket, officer, 4, "Fijn geholpen door de adviseur.")
    return ticket


def test_the_export_holds_the_public_side_of_the_members_tickets(app_ctx, monkeypatch):
    monkeypatch.setitem(export.EXPORT_SECTIONS, "helpdesk", member_data.helpdesk_section)
    adviser, officer = factories.make_user("adviser"), factories.make_user("officer")
    ticket = _history(adviser, officer)
    colleague = factories.make_user("officer", organisation=officer.organisation)
    shared = factories.make_ticket(requester=colleague, programme=ticket.programme, subject="Andermans vraag")
    services.add_message(shared, officer, "Mijn reactie bij de vraag van mijn collega", kind="reply")
    services.add_message(shared, colleague, "Reactie van de collega zelf", kind="reply")

    document = export.to_json(export.build_export(db.session.get(type(officer), officer.id)))
    section = json.loads(document)["sections"]["helpdesk"]
    (exported,) = section["tickets"]
    assert exported["id"] == ticket.id and exported["subject"] == "Persoonlijke vraag over Proefstad"
    assert exported["status"] == "resolved" and exported["resolved_at"]
    assert [m["body"] for m in exported["messages"]] == [REPLY, "Dank, dat helpt."]
    assert [m["from_me"] for m in exported["messages"]] == [False, True]
    assert [a["filename"] for a in exported["attachments"]] == ["bijlage-vrager.pdf"]
    assert section["survey_responses"] == [{"subject_type": "ticket", "subject_id": ticket.id, "rating": 4,
                                            "comment": "Fijn geholpen door de adviseur.",
                                            "created_at": section["survey_responses"][0]["created_at"]}]
    assert [(r["ticket_id"], r["body"]) for r in section["replies_on_other_tickets"]] == [
        (shared.id, "Mijn reactie bij de vraag van mijn collega")]
    for secret in ("Reactie van de collega zelf", "uniek-7f3a", "intern-verslag.pdf", "Uitzoekwerk",
                   "Andermans vraag", adviser.email):
        assert secret not in document


def test_deleting_the_member_removes_their_tickets_content_but_keeps_the_time(app_ctx):
    adviser, officer = factories.make_user("adviser"), factories.make_user("officer")
    ticket = _history(adviser, officer)
    ticket.publish_consent, ticket.published_at = True, ticket.resolved_at
    db.session.commit()
    ticket_id, organisation_id = ticket.id, ticket.organisation_id
    files = [upload_dir() / a.stored_name for a in ticket.attachments]
    other = factories.make_ticket(requester=factories.make_user("officer"))
    services.add_message(other, adviser, "Antwoord aan iemand anders", kind="reply")
    assert all(path.exists() for path in files)

    account.delete_account(db.session.get(type(officer), officer.id), factories.PASSWORD)
    db.session.expire_all()

    kept = db.session.get(Ticket, ticket_id)
    assert kept.requester_id is None
    assert kept.organisation_id == organisation_id
    assert kept.subject == "Verwijderd op verzoek van het lid" and kept.body == ""
    assert kept.published_at is None and kept.publish_consent is False
    assert db.session.scalar(select(SearchOutboxEntry).where(SearchOutboxEntry.doc_type == DOC_TYPE,
                                                             SearchOutboxEntry.doc_id == ticket_id))
    assert db.session.scalar(select(func.count()).select_from(TicketMessage)
                             .where(TicketMessage.ticket_id == ticket_id)) == 0
    assert db.session.scalar(select(func.count()).select_from(TicketAttachment)) == 0
    assert not any(path.exists() for path in files)
    (entry,) = db.session.scalars(select(TimeEntry).where(TimeEntry.ticket_id == ticket_id))
    assert (entry.minutes, entry.organisation_id) == (90, organisation_id)
    history = db.session.scalars(select(TicketChange.new_value).where(TicketChange.ticket_id == ticket_id))
    assert "Persoonlijke vraag over Proefstad" not in list(history)
    (response,) = db.session.scalars(select(SurveyResponse))
    assert (response.rating, response.comment, response.respondent_id) == (4, "", None)
    assert response.organisation_id == organisation_id
    assert [m.body for m in db.session.get(Ticket, other.id).messages] == ["Antwoord aan iemand anders"]


def test_a_failed_deletion_keeps_the_files(app_ctx):
    adviser, officer = factories.make_user("adviser"), factories.make_user("officer")
    ticket = _history(adviser, officer)
    files = [upload_dir() / a.stored_name for a in ticket.attachments]
    member_data.forget_tickets(officer)
    db.session.rollback()
    assert all(path.exists() for path in files)
    assert len(db.session.get(Ticket, ticket.id).messages) == 3
