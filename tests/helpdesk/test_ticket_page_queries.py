"""The ticket page costs the same few queries for 5 and for 500 messages, for requester and handler."""

from datetime import date

import pytest
from sqlalchemy import insert

from servicecentrum.extensions import db
from servicecentrum.helpdesk.models import (
    CannedReply,
    Quote,
    TicketAttachment,
    TicketChange,
    TicketMessage,
    TimeEntry,
)
from servicecentrum.signals.models import Signal
from servicecentrum.surveys.models import SurveyResponse
from tests import factories
from tests.query_budget import own_queries

# The page's own queries (issue 14 allows 11): the ticket, its messages, files and history, one
# query for what the parts need to know (unread, quotes, time, rating, allowance), then only the
# lists that have something in them; a handler's programmes (the policy) and signals on top.
BUDGET = {"officer": 5, "adviser": 7}
EXTRAS = {"officer": 2, "adviser": 3}  # a quote, a rating (and time entries for the handler)


def _ticket(n: int, extras: bool) -> dict:
    adviser = factories.make_user("adviser", name="Anna Adviseur")
    colleague = factories.make_user("adviser", name="Bert Collega")
    programme = factories.make_programme(advisers=[adviser, colleague])
    officer = factories.make_user("officer")
    ticket = factories.make_ticket(requester=officer, programme=programme, assignee=adviser)
    authors = [officer.id, adviser.id, colleague.id]
    db.session.execute(insert(TicketMessage), [
        {"ticket_id": ticket.id, "author_id": authors[i % 3], "kind": "note" if i % 3 == 2 else "reply",
         "body": f"Bericht {i}"} for i in range(n)])
    db.session.execute(insert(TicketChange), [
        {"ticket_id": ticket.id, "actor_id": adviser.id, "action": "priority", "old_value": "normal",
         "new_value": "high"} for _ in range(n)])
    db.session.execute(insert(TicketAttachment), [
        {"ticket_id": ticket.id, "uploader_id": officer.id, "filename": f"bijlage-{i}.pdf",
         "stored_name": f"t{ticket.id}-{i}.pdf", "content_type": "application/pdf", "size": 10}
        for i in range(n)])
    db.session.add(CannedReply(programme_id=programme.id, title="Dank", body="Dank voor uw vraag."))
    if extras:
        ticket.status = "resolved"
        db.session.add_all([
            Quote(ticket_id=ticket.id, minutes=90, rate_cents=9500, amount_cents=14250,
                  created_by_id=adviser.id),
            TimeEntry(ticket_id=ticket.id, adviser_id=adviser.id, organisation_id=ticket.organisation_id,
                      work_date=date(2024, 3, 4), minutes=30),
            SurveyResponse(subject_type="ticket", subject_id=ticket.id, respondent_id=officer.id, rating=4),
            Signal(source_type="ticket", ticket_id=ticket.id, description="Veel vragen over taalcoaching",
                   created_by_id=adviser.id)])
    db.session.commit()
    return {"ticket": ticket.id, "officer": officer.id, "adviser": adviser.id}


@pytest.mark.parametrize("extras", [False, True], ids=["new", "with-quote-time-rating"])
@pytest.mark.parametrize("role", ["officer", "adviser"])
def test_the_ticket_page_costs_the_same_queries_for_5_and_500_messages(app, login, count_queries,
                                                                        role, extras):
    counts = []
    for n in (5, 500):
        with app.app_context():
            ids = _ticket(n, extras)
        client = app.test_client()
        login(client, ids[role])
        counts.append(own_queries(client, count_queries, f"/helpdesk/{ids['ticket']}"))
        html = client.get(f"/helpdesk/{ids['ticket']}").get_data(as_text=True)
        assert f"Bericht {n - 1}" in html and f"bijlage-{n - 1}.pdf" in html
        assert ("Dank voor uw vraag." in html) == (role == "adviser")
        assert ("142,50" in html and "tevreden" in html) == extras  # the quote and the rating
        assert ("Veel vragen over taalcoaching" in html) == (extras and role == "adviser")
    assert counts[0] == counts[1] <= BUDGET[role] + (EXTRAS[role] if extras else 0), counts
