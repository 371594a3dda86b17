"""An event's page costs the same few queries for 5 and for 500 registrations, for every role."""

from datetime import timedelta

import pytest
from sqlalchemy import insert

from servicecentrum.auth.models import User
from servicecentrum.database import utcnow
from servicecentrum.events.models import Registration
from servicecentrum.extensions import db
from servicecentrum.surveys.models import SurveyResponse
from tests import factories
from tests.query_budget import own_queries

# The page's own queries (issue 14 allows 11): the event with theme and programme, its
# organisers and questions, the member's registration with waitlist place and evaluation;
# organisers also the counts per status, and after the event the evaluation's figures.
BUDGET = {("member", False): 4, ("member", True): 4, ("organiser", False): 5, ("organiser", True): 6}


def _event(n: int, past: bool) -> dict:
    organiser = factories.make_user(role="adviser")
    starts = utcnow() - timedelta(days=3) if past else utcnow() + timedelta(days=7)
    event = factories.make_event(organisers=[organiser], capacity=n, starts_at=starts,
                                 theme=factories.make_theme(name=f"Thema {n}"),
                                 programme=factories.make_programme())
    stamp = utcnow().timestamp()
    others = db.session.execute(insert(User).returning(User.id), [
        {"email": f"deelnemer{n}-{i}-{stamp}@proefstad.test", "name": f"Deelnemer {i}", "role": "officer",
         "status": "active"} for i in range(n + 2)]).scalars().all()
    db.session.execute(insert(Registration), [
        {"event_id": event.id, "user_id": other, "status": "confirmed",
         "created_at": utcnow() - timedelta(days=10)} for other in others[:n]])
    db.session.execute(insert(Registration), [
        {"event_id": event.id, "user_id": other, "status": "waitlisted",
         "created_at": utcnow() - timedelta(days=9)} for other in others[n:]])
    member = factories.make_user()
    db.session.add(Registration(event_id=event.id, user_id=member.id,
                                status="confirmed" if past else "waitlisted"))
    if past:
        db.session.add(SurveyResponse(subject_type="event", subject_id=event.id, respondent_id=member.id,
                                      rating=5))
    db.session.commit()
    return {"event": event.id, "member": member.id, "organiser": organiser.id}


@pytest.mark.parametrize("past", [False, True], ids=["upcoming", "past"])
@pytest.mark.parametrize("role", ["member", "organiser"])
def test_the_event_page_costs_the_same_queries_for_5_and_500_registrations(app, login, count_queries,
                                                                          role, past):
    counts = []
    for n in (5, 500):
        with app.app_context():
            ids = _event(n, past)
        client = app.test_client()
        login(client, ids[role])
        url = f"/bijeenkomsten/{ids['event']}"
        counts.append(own_queries(client, count_queries, url))
        html = client.get(url).get_data(as_text=True)
        assert f"Thema {n}" in html
        if role == "member":  # two others wait longer; after the event, the evaluation was given
            assert ("plaats 3" in html) == (not past)
            assert ("U heeft deze bijeenkomst geëvalueerd" in html) == past
    assert counts[0] == counts[1] <= BUDGET[role, past], counts
