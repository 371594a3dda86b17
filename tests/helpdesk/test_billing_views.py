"""Pages of free and paid service: logging time, quotes and who may decide them, organisation settings."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from servicecentrum.audit.models import AuditEvent
from servicecentrum.extensions import db
from servicecentrum.helpdesk import billing
from servicecentrum.helpdesk.models import Quote, Ticket, TimeEntry
from servicecentrum.helpdesk.sla import today
from servicecentrum.organisations.models import Organisation
from tests.factories import make_organisation, make_programme, make_ticket, make_user


@pytest.fixture
def case(app):
    """A ticket of an officer of Gemeente Proefstad, handled by an adviser; everyone's ids."""
    with app.app_context():
        adviser = make_user("adviser", name="Adviseur Anna")
        organisation = make_organisation(name="Gemeente Proefstad")
        officer = make_user("officer", organisation=organisation, name="Vrager Vera")
        colleague = make_user("officer", organisation=organisation, name="Collega Kees")
        stranger = make_user("officer", name="Buurgemeente Bram")
        other_adviser = make_user("adviser")
        make_programme(advisers=[other_adviser])
        ticket = make_ticket(requester=officer, programme=make_programme(advisers=[adviser]),
                             assignee=adviser)
        return {"adviser": adviser.id, "officer": officer.id, "colleague": colleague.id,
                "stranger": stranger.id, "other_adviser": other_adviser.id, "ticket": ticket.id,
                "organisation": organisation.id}


def _as(client, login, app, user_id):
    with app.app_context():
        login(client, user_id)
    return client


def _entries(app) -> list[TimeEntry]:
    with app.app_context():
        return list(db.session.scalars(select(TimeEntry)))


def _quote(app, case, minutes=75) -> int:
    with app.app_context():
        ticket = db.session.get(Ticket, case["ticket"])
        adviser = db.session.get(Ticket, case["ticket"]).assignee
        return billing.create_quote(ticket, adviser, minutes, "Twee werksessies").id


def test_an_adviser_logs_time_and_sees_it_with_the_allowance(app, client, login, post_form, case):
    _as(client, login, app, case["adviser"])
    url = f"/helpdesk/{case['ticket']}/tijd"
    response = post_form(client, url, {"work_date": today().isoformat(), "hours": "3,5",
                                       "note": "Notitie alleen voor FORUM"}, page=url)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/helpdesk/{case['ticket']}#betaling")
    (entry,) = _entries(app)
    assert (entry.minutes, entry.billable, entry.organisation_id) == (210, False, case["organisation"])
    page = client.get(f"/helpdesk/{case['ticket']}").get_data(as_text=True)
    assert f"3,5 van 8 uur gebruikt in {today().year}" in page
    assert "Notitie alleen voor FORUM" in page


def test_the_requester_sees_no_time_entries_and_cannot_log_time(app, client, login, post_form, case):
    with app.app_context():
        ticket = db.session.get(Ticket, case["ticket"])
        billing.log_time(ticket, ticket.assignee, billing.TimeData(today(), 60, "Geheime tijdnotitie"))
    _as(client, login, app, case["officer"])
    page = client.get(f"/helpdesk/{case['ticket']}").get_data(as_text=True)
    assert "Geheime tijdnotitie" not in page and "gebruikt in" not in page
    assert client.get(f"/helpdesk/{case['ticket']}/tijd").status_code == 404
    response = post_form(client, f"/helpdesk/{case['ticket']}/tijd", {"work_date": today().isoformat(),
                                                                       "hours": "1"})
    assert response.status_code == 404
    assert len(_entries(app)) == 1


def test_an_adviser_of_another_programme_gets_404(app, client, login, post_form, case):
    _as(client, login, app, case["other_adviser"])
    assert client.get(f"/helpdesk/{case['ticket']}/tijd").status_code == 404
    assert post_form(client, f"/helpdesk/{case['ticket']}/offerte",
                     {"hours": "1", "description": "x"}).status_code == 404


@pytest.mark.parametrize(("data", "message"), [
    ({"hours": "abc"}, "hoogstens twee decimalen"),
    ({"hours": "1,234"}, "hoogstens twee decimalen"),
    ({"hours": "0"}, "Vul meer dan 0 uur in."),
    ({"hours": "24,5"}, "Schrijf hoogstens 24 uur per keer."),
    ({"hours": ""}, "Vul het aantal uren in."),
    ({"work_date": "31-02-2026"}, "Vul een geldige datum in"),
    ({"work_date": ""}, "Vul de datum van het werk in."),
])
def test_wrong_time_input_gets_a_dutch_message_and_keeps_what_was_typed(app, client, login, post_form, case,
                                                                       data, message):
    _as(client, login, app, case["adviser"])
    typed = {"work_date": today().isoformat(), "hours": "1,5", "note": "Belletje met de wethouder", **data}
    response = post_form(client, f"/helpdesk/{case['ticket']}/tijd", typed)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in html
    assert 'value="Belletje met de wethouder"' in html
    assert _entries(app) == []


def test_time_beyond_the_allowance_is_refused_with_the_advice_to_send_a_quote(app, client, login, post_form,
                                                                              case):
    with app.app_context():
        ticket = db.session.get(Ticket, case["ticket"])
        billing.log_time(ticket, ticket.assignee, billing.TimeData(today(), 7 * 60))
    _as(client, login, app, case["adviser"])
    url = f"/helpdesk/{case['ticket']}/tijd"
    ok = post_form(client, url, {"work_date": today().isoformat(), "hours": "1"})
    assert ok.status_code == 302
    refused = post_form(client, url, {"work_date": today().isoformat(), "hours": "0,01", "note": "Nog even"})
    html = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert "basisbudget" in html and "offerte" in html
    assert 'value="0,01"' in html and 'value="Nog even"' in html
    assert sum(e.minutes for e in _entries(app)) == 480
    future = (today() + timedelta(days=1)).isoformat()
    assert post_form(client, url, {"work_date": future, "hours": "1"}).status_code == 422


def test_a_quote_is_sent_shown_to_the_requester_and_blocks_time(app, client, login, post_form, case):
    _as(client, login, app, case["adviser"])
    response = post_form(client, f"/helpdesk/{case['ticket']}/offerte",
                         {"hours": "1,25", "description": "Twee werksessies"}, follow_redirects=True)
    assert "De offerte van € 118,75 is naar de vrager gestuurd." in response.get_data(as_text=True)
    refused = post_form(client, f"/helpdesk/{case['ticket']}/tijd",
                        {"work_date": today().isoformat(), "hours": "1"})
    assert refused.status_code == 422 and "offerte open" in refused.get_data(as_text=True)
    second = post_form(client, f"/helpdesk/{case['ticket']}/offerte", {"hours": "2", "description": "Meer"})
    assert second.status_code == 422 and "al een offerte open" in second.get_data(as_text=True)
    _as(client, login, app, case["officer"])
    page = client.get(f"/helpdesk/{case['ticket']}").get_data(as_text=True)
    assert "€ 118,75" in page and "Twee werksessies" in page
    assert "Offerte accepteren" in page and "Offerte afwijzen" in page


def test_wrong_quote_input_keeps_what_was_typed(app, client, login, post_form, case):
    _as(client, login, app, case["adviser"])
    response = post_form(client, f"/helpdesk/{case['ticket']}/offerte",
                         {"hours": "1001", "description": "Een heel groot traject"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Een offerte is hoogstens 1000 uur." in html and "Een heel groot traject" in html


def test_only_someone_of_the_organisation_decides_a_quote(app, client, login, post_form, case):
    quote_id = _quote(app, case)
    accept = f"/helpdesk/offertes/{quote_id}/accepteren"
    for outsider in ("stranger", "adviser", "other_adviser"):
        _as(client, login, app, case[outsider])
        assert post_form(client, accept).status_code == 404, outsider
        assert post_form(client, f"/helpdesk/offertes/{quote_id}/afwijzen").status_code == 404, outsider
    assert post_form(client, "/helpdesk/offertes/999999/accepteren").status_code == 404
    _as(client, login, app, case["colleague"])  # the organisation does not share tickets: still theirs
    response = post_form(client, accept)
    assert response.status_code == 302
    with app.app_context():
        quote = db.session.get(Quote, quote_id)
        assert (quote.status, quote.decided_by_id) == ("accepted", case["colleague"])
        assert (quote.ticket.status, quote.ticket.service_level) == ("open", "additional")


def test_the_requester_declines_and_a_second_decision_is_refused_politely(app, client, login, post_form,
                                                                          case):
    quote_id = _quote(app, case)
    _as(client, login, app, case["officer"])
    response = post_form(client, f"/helpdesk/offertes/{quote_id}/afwijzen", follow_redirects=True)
    assert "U heeft de offerte afgewezen." in response.get_data(as_text=True)
    again = post_form(client, f"/helpdesk/offertes/{quote_id}/accepteren", follow_redirects=True)
    assert "Over deze offerte is al beslist." in again.get_data(as_text=True)
    with app.app_context():
        quote = db.session.get(Quote, quote_id)
        assert quote.status == "declined" and quote.ticket.service_level == "basic"


def test_after_acceptance_the_adviser_logs_billable_time(app, client, login, post_form, case):
    quote_id = _quote(app, case)
    _as(client, login, app, case["officer"])
    post_form(client, f"/helpdesk/offertes/{quote_id}/accepteren")
    _as(client, login, app, case["adviser"])
    response = post_form(client, f"/helpdesk/{case['ticket']}/tijd",
                         {"work_date": today().isoformat(), "hours": "10"}, follow_redirects=True)
    assert "10 uur geschreven (betaald)." in response.get_data(as_text=True)
    assert [e.billable for e in _entries(app)] == [True]


def test_an_adviser_marks_a_ticket_as_additional_guidance(app, client, login, post_form, case):
    _as(client, login, app, case["adviser"])
    response = post_form(client, f"/helpdesk/{case['ticket']}/aanvullend", follow_redirects=True)
    assert "Stuur een offerte voordat u meer tijd schrijft." in response.get_data(as_text=True)
    refused = post_form(client, f"/helpdesk/{case['ticket']}/tijd", {"work_date": today().isoformat(),
                                                                      "hours": "1"})
    assert refused.status_code == 422 and "Stuur eerst een offerte" in refused.get_data(as_text=True)
    _as(client, login, app, case["officer"])
    assert post_form(client, f"/helpdesk/{case['ticket']}/aanvullend").status_code == 404


ORGANISATION = {"name": "Gemeente Amersfoort", "kind": "gemeente", "region": "Utrecht", "size_class": "",
                "email_domains": ""}


def _audit(app, action) -> list[AuditEvent]:
    with app.app_context():
        return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_admins_set_the_allowance_in_hours_and_ticket_sharing(app, client, login, post_form):
    _as(client, login, app, make_admin_id(app))
    data = {**ORGANISATION, "helpdesk_allowance_hours": "12,5", "shares_tickets": "y"}
    assert post_form(client, "/beheer/organisaties/nieuw", data).status_code == 302
    with app.app_context():
        organisation = db.session.scalar(select(Organisation).filter_by(name=ORGANISATION["name"]))
        assert (organisation.helpdesk_allowance_minutes, organisation.shares_tickets) == (750, True)
        org_id = organisation.id
    (created,) = _audit(app, "organisation_created")
    assert created.details["allowance_minutes"] == 750 and created.details["shares_tickets"] is True
    page = client.get(f"/beheer/organisaties/{org_id}").get_data(as_text=True)
    assert "Basisbudget helpdesk (uren per jaar)" in page and 'value="12,5"' in page
    assert "Collega's zien elkaars helpdeskvragen" in page
    data.update(helpdesk_allowance_hours="0")
    data.pop("shares_tickets")
    assert post_form(client, f"/beheer/organisaties/{org_id}", data).status_code == 302
    (updated,) = _audit(app, "organisation_updated")
    assert (updated.details["allowance_minutes_old"], updated.details["allowance_minutes_new"]) == (750, 0)
    assert updated.details["shares_tickets_new"] is False
    assert "0 uur per jaar" in client.get("/beheer/organisaties").get_data(as_text=True)


@pytest.mark.parametrize(("typed", "message"), [
    ("1000,5", "Het basisbudget is hoogstens 1000 uur per jaar."),
    ("acht", "hoogstens twee decimalen"),
    ("-1", "hoogstens twee decimalen"),
    ("", "Vul het basisbudget in uren in"),
])
def test_a_wrong_allowance_gets_a_dutch_message(app, client, login, post_form, typed, message):
    _as(client, login, app, make_admin_id(app))
    response = post_form(client, "/beheer/organisaties/nieuw",
                         {**ORGANISATION, "helpdesk_allowance_hours": typed})
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)


def make_admin_id(app) -> int:
    with app.app_context():
        return make_user("admin").id
