"""Evaluation after an event: invitations once, one answer per attendee, anonymous results."""

from datetime import timedelta

import pytest
from flask import render_template
from sqlalchemy import func, select

from servicecentrum.database import utcnow
from servicecentrum.events import attendance, booking, evaluation, evaluation_views
from servicecentrum.events.models import Event, EventQuestion, Registration
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from servicecentrum.surveys.models import SurveyResponse
from tests.factories import make_event, make_programme, make_user


def _ended_event(app, members=2, capacity=10, ended_ago=timedelta(hours=1), **fields):
    """An event that ended ``ended_ago``, with confirmed members (and the rest waiting)."""
    with app.app_context():
        organiser = make_user("adviser", name="Olga Organisator")
        programme = make_programme()
        ends = utcnow().replace(microsecond=0) - ended_ago
        event = make_event(organisers=[organiser], capacity=capacity, starts_at=ends - timedelta(hours=2),
                           programme_id=programme.id, **fields)
        choice = EventQuestion(event=event, purpose="evaluation", label="Was het programma nuttig?",
                               required=True, choices="Ja\nEen beetje\nNee", position=1)
        text = EventQuestion(event=event, purpose="evaluation", label="Welk onderwerp mist u?", position=2)
        db.session.add_all([choice, text])
        db.session.commit()
        people = []
        for n in range(members):
            member = make_user(name=f"Respondent {n}")
            registered_at = event.starts_at - timedelta(days=2, minutes=-n)
            registration = booking.register(event, member, now=registered_at)
            people.append({"user": member.id, "registration": registration.id, "email": member.email,
                           "organisation": member.organisation_id})
        return {"event": event.id, "organiser": organiser.id, "programme": programme.id, "people": people,
                "choice": choice.id, "text": text.id}


def _answers(ids, rating="4", comment="Leerzaam", choice="Ja", text=""):
    return {"rating": rating, "comment": comment, f"question_{ids['choice']}": choice,
            f"question_{ids['text']}": text}


def test_an_attendee_evaluates_once_and_a_second_submit_is_409(app, client, login, post_form):
    ids = _ended_event(app)
    member = ids["people"][0]
    with app.app_context():
        login(client, member["user"])
    url = f"/bijeenkomsten/{ids['event']}/evaluatie"
    page = client.get(url)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert html.count("<fieldset") == 2 and "1 – zeer ontevreden" in html
    assert "Was het programma nuttig?" in html
    assert html.count('type="radio"') == 5 + 3 and "Welk onderwerp mist u?" in html

    first = post_form(client, url, _answers(ids, text="Meer over inburgering"))
    assert first.status_code == 302 and first.headers["Location"] == f"/bijeenkomsten/{ids['event']}"
    second = post_form(client, url, _answers(ids, rating="1"))
    assert second.status_code == 409
    assert "U heeft deze bijeenkomst al geëvalueerd." in second.get_data(as_text=True)
    again = client.get(url)
    assert again.status_code == 200 and 'type="radio"' not in again.get_data(as_text=True)
    with app.app_context():
        (stored,) = db.session.scalars(select(SurveyResponse)).all()
        assert (stored.subject_type, stored.subject_id, stored.respondent_id) == ("event", ids["event"],
                                                                                   member["user"])
        assert (stored.rating, stored.comment) == (4, "Leerzaam")
        assert stored.answers == {str(ids["choice"]): "Ja", str(ids["text"]): "Meer over inburgering"}
        assert (stored.programme_id, stored.organisation_id) == (ids["programme"], member["organisation"])


def test_a_concurrent_duplicate_is_caught_by_the_constraint(app_ctx, monkeypatch):
    ids = _ended_event(app_ctx, members=1)
    event = db.session.get(Event, ids["event"])
    member = db.session.get(type(event.organisers[0]), ids["people"][0]["user"])
    answers = {str(ids["choice"]): "Nee"}
    evaluation.submit_evaluation(event, member, 5, "Top", answers)
    monkeypatch.setattr(evaluation, "response_of", lambda *_args: None)  # checked before the other committed
    with pytest.raises(evaluation.AlreadyEvaluated, match="al geëvalueerd"):
        evaluation.submit_evaluation(event, member, 1, "Slecht", answers)
    assert db.session.scalar(select(func.count()).select_from(SurveyResponse)) == 1


@pytest.mark.parametrize("data, message", [
    ({"rating": "6"}, "Kies een cijfer van 1 tot en met 5."),
    ({"rating": ""}, "Kies een cijfer van 1 tot en met 5."),
    ({"choice": ""}, "Beantwoord deze vraag."),
    ({"choice": "Misschien"}, "Kies uit de lijst."),
    ({"text": "x" * 2001}, "hoogstens 2000 tekens"),
])
def test_invalid_answers_are_422_with_the_comment_kept(app, client, login, post_form, data, message):
    ids = _ended_event(app, members=1)
    with app.app_context():
        login(client, ids["people"][0]["user"])
    response = post_form(client, f"/bijeenkomsten/{ids['event']}/evaluatie",
                         _answers(ids, comment="Mijn getypte toelichting", **data))
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in html and "Mijn getypte toelichting" in html
    with app.app_context():
        assert db.session.scalars(select(SurveyResponse)).all() == []


def test_only_confirmed_attendees_after_the_end_may_evaluate(app, client, login, post_form):
    ids = _ended_event(app, members=2, capacity=1)  # the second member is on the waitlist
    upcoming = _ended_event(app, members=1, ended_ago=timedelta(hours=-5))
    with app.app_context():
        stranger = make_user().id
        adviser = make_user("adviser").id
    for user, event_id in ((ids["people"][1]["user"], ids["event"]), (stranger, ids["event"]),
                           (adviser, ids["event"]), (upcoming["people"][0]["user"], upcoming["event"])):
        with app.app_context():
            login(client, user)
        assert client.get(f"/bijeenkomsten/{event_id}/evaluatie").status_code == 404
        assert post_form(client, f"/bijeenkomsten/{event_id}/evaluatie", _answers(ids)).status_code == 404
    assert client.get("/bijeenkomsten/9999/evaluatie").status_code == 404


def test_invitations_go_once_to_confirmed_attendees(app_ctx):
    ids = _ended_event(app_ctx, members=3, capacity=2)
    _ended_event(app_ctx, members=1, ended_ago=timedelta(hours=-1))  # not ended yet
    _ended_event(app_ctx, members=1, ended_ago=timedelta(days=40))  # too long ago
    assert evaluation.send_invitations() == 2
    assert evaluation.send_invitations() == 0
    mails = db.session.scalars(select(OutboxMail).where(OutboxMail.subject.like("Hoe was %"))).all()
    assert sorted(m.to_address for m in mails) == sorted(p["email"] for p in ids["people"][:2])
    assert f"/bijeenkomsten/{ids['event']}/evaluatie" in mails[0].body_text
    assert db.session.get(Event, ids["event"]).evaluation_sent_at is not None


def test_when_check_in_was_used_only_those_present_are_invited(app_ctx):
    ids = _ended_event(app_ctx, members=3)
    present = db.session.get(Registration, ids["people"][1]["registration"])
    attendance.toggle_check_in(present, db.session.get(Event, ids["event"]).organisers[0])
    assert evaluation.send_invitations() == 1
    (mail,) = db.session.scalars(select(OutboxMail).where(OutboxMail.subject.like("Hoe was %"))).all()
    assert mail.to_address == ids["people"][1]["email"]


def test_a_claimed_event_is_not_mailed_again_by_a_racing_run(app_ctx, monkeypatch):
    ids = _ended_event(app_ctx, members=1)
    now = utcnow()
    assert evaluation.claim_invitations(ids["event"], now) is True
    assert evaluation.claim_invitations(ids["event"], now) is False
    db.session.rollback()
    # A run that read the due list before the other run's claim: its own claim fails, no mail.
    monkeypatch.setattr(evaluation, "claim_invitations", lambda *_args: False)
    assert evaluation.send_invitations(now) == 0
    assert db.session.scalars(select(OutboxMail).where(OutboxMail.subject.like("Hoe was %"))).all() == []


def test_results_are_anonymous_and_complete_for_organisers_only(app, client, login, post_form):
    ids = _ended_event(app, members=3)
    for n, (rating, choice, comment) in enumerate([("5", "Ja", "Heel goed"), ("3", "Nee", ""),
                                                   ("4", "Ja", "Prima")]):
        with app.app_context():
            login(client, ids["people"][n]["user"])
        post_form(client, f"/bijeenkomsten/{ids['event']}/evaluatie",
                  _answers(ids, rating=rating, choice=choice, comment=comment, text=f"onderwerp {n}"))
    url = f"/bijeenkomsten/{ids['event']}/evaluatie/resultaten"
    assert client.get(url).status_code == 404  # an attendee
    with app.app_context():
        login(client, make_user("adviser"))
    assert client.get(url).status_code == 404  # another adviser
    with app.app_context():
        login(client, ids["organiser"])
    response = client.get(url)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and html.count("<h1") == 1
    assert "4,0 van 5" in html and "Heel goed" in html and "Prima" in html and "onderwerp 2" in html
    assert "Respondent" not in html
    with app.app_context():
        results = evaluation.results(db.session.get(Event, ids["event"]))
    assert results.count == 3 and results.distribution == {1: 0, 2: 0, 3: 1, 4: 1, 5: 1}
    assert results.questions[0].choice_counts == [("Ja", 2), ("Een beetje", 0), ("Nee", 1)]
    assert results.questions[1].texts == ["onderwerp 0", "onderwerp 1", "onderwerp 2"]


def test_the_detail_partial_links_attendees_and_summarises_for_organisers(app):
    ids = _ended_event(app, members=2)
    with app.test_request_context():
        event = db.session.get(Event, ids["event"])
        first, second = (db.session.get(type(event.organisers[0]), p["user"]) for p in ids["people"])
        evaluation.submit_evaluation(event, first, 4, "", {str(ids["choice"]): "Ja"})
        html = render_template("events/_detail_evaluation.html", event=event,
                               **evaluation_views.evaluation_context(event, second))
        assert "Evalueer deze bijeenkomst" in html
        html = render_template("events/_detail_evaluation.html", event=event,
                               **evaluation_views.evaluation_context(event, first))
        assert "U heeft deze bijeenkomst geëvalueerd" in html and "Evalueer deze" not in html
        html = render_template("events/_detail_evaluation.html", event=event,
                               **evaluation_views.evaluation_context(event, event.organisers[0]))
        assert "Aantal evaluaties" in html and "4,0 van 5" in html and "/evaluatie/resultaten" in html
        assert evaluation_views.evaluation_context(event, make_user()) == {}
    upcoming = _ended_event(app, members=1, ended_ago=timedelta(hours=-3))
    with app.test_request_context():
        event = db.session.get(Event, upcoming["event"])
        assert evaluation_views.evaluation_context(event, event.organisers[0]) == {}
