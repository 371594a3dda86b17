"""The satisfaction survey: once, by the requester only, 1-5 with a comment; shown on the ticket."""

from datetime import timedelta

import pytest
from flask import render_template
from sqlalchemy import func, select

from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from servicecentrum.helpdesk import services, survey_views
from servicecentrum.helpdesk.models import Ticket, TicketChange
from servicecentrum.surveys import services as surveys
from servicecentrum.surveys.models import SurveyResponse
from tests import factories


def _resolved_ticket(app, **ticket_fields):
    """A ticket of an officer, resolved by an adviser of its programme; returns their ids."""
    with app.app_context():
        adviser = factories.make_user("adviser")
        programme = factories.make_programme(advisers=[adviser])
        officer = factories.make_user("officer")
        ticket = factories.make_ticket(requester=officer, programme=programme, assignee=adviser,
                                       **ticket_fields)
        services.change_status(ticket, adviser, "resolved")
        return {"ticket": ticket.id, "officer": officer.id, "adviser": adviser.id,
                "organisation": officer.organisation_id, "programme": programme.id}


def _responses() -> list[SurveyResponse]:
    return list(db.session.scalars(select(SurveyResponse).order_by(SurveyResponse.id)))


def _answer(client, post_form, ticket_id, data):
    url = f"/helpdesk/{ticket_id}/tevredenheid"
    return post_form(client, url, data, page="/toegankelijkheid")


def test_the_requester_sees_a_rating_scale_in_a_fieldset(app, client, login):
    ids = _resolved_ticket(app)
    with app.app_context():
        login(client, ids["officer"])
    response = client.get(f"/helpdesk/{ids['ticket']}/tevredenheid")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<fieldset" in html and "<legend" in html
    assert "1 – zeer ontevreden" in html and "5 – zeer tevreden" in html
    assert html.count('type="radio"') == 5 and 'name="comment"' in html


def test_the_survey_is_answered_once_and_stored_for_the_reports(app, client, login, post_form):
    ids = _resolved_ticket(app)
    with app.app_context():
        login(client, ids["officer"])
    first = _answer(client, post_form, ids["ticket"], {"rating": "4", "comment": "Snel en helder antwoord."})
    assert first.status_code == 302
    assert first.headers["Location"] == f"/helpdesk/{ids['ticket']}"

    second = _answer(client, post_form, ids["ticket"], {"rating": "1", "comment": "Toch niet"})
    assert second.status_code == 409
    assert "U heeft deze vraag al beoordeeld" in second.get_data(as_text=True)
    again = client.get(f"/helpdesk/{ids['ticket']}/tevredenheid").get_data(as_text=True)
    assert "U heeft deze vraag al beoordeeld" in again and "4 – tevreden" in again
    assert 'type="radio"' not in again

    with app.app_context():
        (stored,) = _responses()
        assert (stored.rating, stored.comment) == (4, "Snel en helder antwoord.")
        assert (stored.subject_type, stored.subject_id) == ("ticket", ids["ticket"])
        assert stored.respondent_id == ids["officer"]
        assert stored.programme_id == ids["programme"]
        assert stored.organisation_id == ids["organisation"]
        change = db.session.scalar(select(TicketChange).where(TicketChange.ticket_id == ids["ticket"],
                                                              TicketChange.action == "survey"))
        assert change.new_value == "Beoordeling gegeven" and change.is_internal is False
        assert change.actor_id == ids["officer"]


def test_two_answers_at_the_same_moment_end_in_one_and_a_friendly_refusal(app_ctx, monkeypatch):
    adviser = factories.make_user("adviser")
    officer = factories.make_user("officer")
    ticket = factories.make_ticket(requester=officer, programme=factories.make_programme(advisers=[adviser]))
    services.change_status(ticket, adviser, "resolved")
    surveys.answer_ticket_survey(ticket, officer, 5, "Top")
    # The second request checked before the first one committed: only the constraint stops it.
    monkeypatch.setattr(surveys, "ticket_response", lambda _ticket_id: None)
    with pytest.raises(surveys.AlreadyAnswered, match="U heeft deze vraag al beoordeeld"):
        surveys.answer_ticket_survey(db.session.get(Ticket, ticket.id), officer, 1, "Slecht")
    assert [(r.rating, r.comment) for r in _responses()] == [(5, "Top")]
    assert db.session.scalar(select(func.count()).select_from(TicketChange)
                             .where(TicketChange.action == "survey")) == 1


@pytest.mark.parametrize("data", [{"rating": "0"}, {"rating": "6"}, {}, {"rating": ""}, {"rating": "vijf"}])
def test_a_rating_outside_1_to_5_is_refused_with_422_and_the_comment_kept(app, client, login, post_form,
                                                                          data):
    ids = _resolved_ticket(app)
    with app.app_context():
        login(client, ids["officer"])
    response = _answer(client, post_form, ids["ticket"], {**data, "comment": "Mijn getypte toelichting"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Kies een cijfer van 1 tot en met 5." in html
    assert "Mijn getypte toelichting" in html
    with app.app_context():
        assert _responses() == []


def test_a_comment_longer_than_2000_characters_is_refused(app, client, login, post_form):
    ids = _resolved_ticket(app)
    with app.app_context():
        login(client, ids["officer"])
    response = _answer(client, post_form, ids["ticket"], {"rating": "3", "comment": "x" * 2001})
    assert response.status_code == 422
    assert "hoogstens 2000 tekens" in response.get_data(as_text=True)


@pytest.mark.parametrize("who", ["colleague", "adviser", "stranger"])
def test_only_the_requester_may_answer_others_get_404(app, client, login, post_form, who):
    ids = _resolved_ticket(app)
    with app.app_context():
        ticket = db.session.get(Ticket, ids["ticket"])
        ticket.organisation.shares_tickets = True
        db.session.commit()
        if who == "colleague":
            user = factories.make_user("officer", organisation=ticket.organisation)
        elif who == "adviser":
            user = db.session.get(factories.User, ids["adviser"])
        else:
            user = factories.make_user("officer")
        login(client, user)
    assert client.get(f"/helpdesk/{ids['ticket']}/tevredenheid").status_code == 404
    assert _answer(client, post_form, ids["ticket"], {"rating": "5"}).status_code == 404
    with app.app_context():
        assert _responses() == []


def test_a_ticket_that_is_not_resolved_has_no_survey(app, client, login, post_form):
    with app.app_context():
        officer = factories.make_user("officer")
        ticket_id = factories.make_ticket(requester=officer).id
        login(client, officer)
    assert client.get(f"/helpdesk/{ticket_id}/tevredenheid").status_code == 404
    assert _answer(client, post_form, ticket_id, {"rating": "5"}).status_code == 404
    assert client.get("/helpdesk/999999/tevredenheid").status_code == 404


def _partial(ticket, user) -> str:
    context = survey_views.survey_context(ticket, user)
    return render_template("helpdesk/_detail_survey.html", ticket=ticket, **context)


def test_the_ticket_shows_the_rating_to_the_requester_and_the_handlers_only(app):
    ids = _resolved_ticket(app)
    with app.test_request_context():
        ticket = db.session.get(Ticket, ids["ticket"])
        officer = db.session.get(factories.User, ids["officer"])
        adviser = db.session.get(factories.User, ids["adviser"])
        before = _partial(ticket, officer)
        assert f"/helpdesk/{ticket.id}/tevredenheid" in before and "Beoordeel de afhandeling" in before
        surveys.answer_ticket_survey(ticket, officer, 2, "Het duurde te lang.")
        ticket = db.session.get(Ticket, ids["ticket"])
        mine = _partial(ticket, officer)
        assert "2 – ontevreden" in mine and "Beoordeel de afhandeling" not in mine
        handler = _partial(ticket, adviser)
        assert "2 – ontevreden" in handler and "Het duurde te lang." in handler
        ticket.organisation.shares_tickets = True
        colleague = factories.make_user("officer", organisation=ticket.organisation)
        admin = factories.make_user("admin")
        assert _partial(ticket, colleague).strip() == ""
        assert "Het duurde te lang." in _partial(ticket, admin)


def test_averages_per_programme_and_organisation_for_the_reports(app_ctx):
    adviser = factories.make_user("adviser")
    first, second = factories.make_programme(advisers=[adviser]), factories.make_programme(advisers=[adviser])
    officer = factories.make_user("officer")
    now = utcnow()
    for programme, rating in ((first, 5), (first, 2), (second, 4)):
        ticket = factories.make_ticket(requester=officer, programme=programme)
        services.change_status(ticket, adviser, "resolved")
        surveys.answer_ticket_survey(ticket, officer, rating, now=now)
    by_programme = {row.key: (row.count, row.average) for row in surveys.average_by_programme()}
    assert by_programme == {first.id: (2, 3.5), second.id: (1, 4.0)}
    (by_org,) = surveys.average_by_organisation(now - timedelta(days=1), now + timedelta(days=1))
    assert (by_org.key, by_org.count) == (officer.organisation_id, 3)
    assert surveys.average_by_programme(now + timedelta(seconds=1)) == []
    assert surveys.rating_distribution() == {1: 0, 2: 1, 3: 0, 4: 1, 5: 1}


def test_the_ticket_page_links_to_the_survey_then_shows_the_rating(app, client, login, post_form):
    ids = _resolved_ticket(app)
    url = f"/helpdesk/{ids['ticket']}"
    with app.app_context():
        login(client, ids["officer"])
    before = client.get(url).get_data(as_text=True)
    assert f'href="{url}/tevredenheid"' in before
    _answer(client, post_form, ids["ticket"], {"rating": "5", "comment": "Heel bruikbaar advies."})
    after = client.get(url)
    html = after.get_data(as_text=True)
    assert after.status_code == 200
    assert "Bedankt voor uw beoordeling." in html
    assert "5 – zeer tevreden" in html and f'href="{url}/tevredenheid"' not in html
    assert "Beoordeling gegeven" in html

    with app.app_context():
        login(client, ids["adviser"])
    handler = client.get(url).get_data(as_text=True)
    assert "5 – zeer tevreden" in handler and "Heel bruikbaar advies." in handler


def test_a_second_tab_that_loses_the_race_gets_the_friendly_message(app, client, login, post_form,
                                                                     monkeypatch):
    ids = _resolved_ticket(app)
    with app.app_context():
        login(client, ids["officer"])
        surveys.answer_ticket_survey(db.session.get(Ticket, ids["ticket"]),
                                     db.session.get(factories.User, ids["officer"]), 3, "Eerste tab")
    # This request's checks ran before the other tab committed: only the constraint stops it.
    monkeypatch.setattr(surveys, "ticket_response", lambda _ticket_id: None)
    response = _answer(client, post_form, ids["ticket"], {"rating": "1", "comment": "Tweede tab"})
    assert response.status_code == 409
    assert "U heeft deze vraag al beoordeeld" in response.get_data(as_text=True)
    with app.app_context():
        assert [(r.rating, r.comment) for r in _responses()] == [(3, "Eerste tab")]
