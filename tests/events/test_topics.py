"""Topic wishes: proposing, one vote each, the ranked list, closing and planning as an event."""

from datetime import timedelta

import pytest
from sqlalchemy import func, insert, select

from servicecentrum.audit.models import AuditEvent
from servicecentrum.auth.models import User
from servicecentrum.database import utcnow
from servicecentrum.events import topics
from servicecentrum.events.models import TopicProposal, TopicSupport
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from tests.factories import make_event, make_theme, make_user

LIST = "/bijeenkomsten/onderwerpen"


def _proposal(proposer, title="Samenwerken met zelforganisaties", **fields):
    return topics.propose(proposer, topics.ProposalData(title=title, **fields))


def _as(app, login, user):
    """A client logged in as the user (one client per member: sessions stay apart)."""
    client = app.test_client()
    login(client, user)
    return client


def _support_count(proposal_id):
    db.session.expire_all()
    proposal = db.session.get(TopicProposal, proposal_id)
    return proposal.support_count, topics.support_total(proposal_id)


@pytest.fixture
def world(app):
    """Ids of a proposer, a member and an adviser (tests push app contexts around their checks:
    requests made inside a pushed context would share flask-login's cached user)."""
    with app.app_context():
        return make_user(name="Petra Voorsteller").id, make_user().id, make_user("adviser").id


def _user(user_id):
    return db.session.get(User, user_id)


def test_the_list_ranks_by_support_then_age_and_shows_the_members_own_support(app, login, world):
    proposer_id, member_id, adviser_id = world
    with app.app_context():
        proposer = _user(proposer_id)
        old = _proposal(proposer, "Een ouder voorstel over inburgering",
                        theme_id=make_theme(name="Inburgering").id)
        popular = _proposal(proposer, "Een populair voorstel over wonen", description="Wat werkt in de wijk?")
        young = _proposal(proposer, "Een jong voorstel over onderwijs")
        topics.set_support(popular, _user(member_id), True)
        gone = _proposal(make_user(), "Voorstel van iemand die vertrok")
        gone.proposer_id = None
        db.session.commit()
        topics.close_proposal(_proposal(proposer, "Een gesloten voorstel hier"), _user(adviser_id))
        titles = [p.title for p in (popular, old, young, gone)]
    html = _as(app, login, member_id).get(LIST).get_data(as_text=True)
    order = [html.index(title) for title in titles]
    assert order == sorted(order)
    assert "Een gesloten voorstel hier" not in html
    assert "Voorgesteld door Petra Voorsteller" in html and "Voorgesteld door voormalig lid" in html
    assert "Thema: Inburgering" in html and "Wat werkt in de wijk?" in html
    assert "1 lid steunt dit voorstel" in html and "u steunt dit voorstel" in html
    assert html.count("Steun intrekken") == 1 and html.count("Steun dit voorstel<") == 3
    assert "Plan als bijeenkomst" not in html
    assert "Dit is uw eigen voorstel." in _as(app, login, proposer_id).get(LIST).get_data(as_text=True)


def test_proposing_keeps_the_typed_text_on_a_mistake(app, login, post_form, world):
    client = _as(app, login, world[0])
    assert client.get("/bijeenkomsten/onderwerpen/nieuw").status_code == 200
    response = post_form(client, "/bijeenkomsten/onderwerpen/nieuw",
                         {"title": "Te kort", "description": "Mijn uitleg blijft staan"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "De titel is 10 tot 200 tekens lang." in html and "Mijn uitleg blijft staan" in html
    assert post_form(client, "/bijeenkomsten/onderwerpen/nieuw",
                     {"title": "Een goed onderwerp", "description": "x" * 2001}).status_code == 422
    assert post_form(client, "/bijeenkomsten/onderwerpen/nieuw",
                     {"title": "Een goed onderwerp", "theme_id": "999999"}).status_code == 422
    with app.app_context():
        theme_id = make_theme().id
    response = post_form(client, "/bijeenkomsten/onderwerpen/nieuw",
                         {"title": "  Radicalisering   voorkomen in de wijk ", "theme_id": str(theme_id)})
    assert response.status_code == 302
    with app.app_context():
        (p,) = db.session.scalars(select(TopicProposal))
        assert (p.title, p.theme_id, p.proposer_id, p.status, p.support_count) == (
            "Radicalisering voorkomen in de wijk", theme_id, world[0], "open", 0)


def test_one_vote_each_a_double_submit_counts_once_and_support_can_be_taken_back(
        app, login, post_form, world):
    proposer_id, member_id, _adviser_id = world
    with app.app_context():
        proposal_id = _proposal(_user(proposer_id)).id
    url = f"/bijeenkomsten/onderwerpen/{proposal_id}/steunen"
    client = _as(app, login, member_id)

    def count():
        with app.app_context():
            return _support_count(proposal_id)

    for _ in range(2):
        assert post_form(client, url, {"wanted": "ja"}, page=LIST).status_code == 303
    assert count() == (1, 1)
    assert post_form(client, url, {"wanted": "nee"}, page=LIST).status_code == 303
    assert post_form(client, url, {"wanted": "nee"}, page=LIST).status_code == 303
    assert count() == (0, 0)
    assert post_form(client, url, {"wanted": "misschien"}, page=LIST).status_code == 303
    assert post_form(client, url, {}, page=LIST).status_code == 303
    assert count() == (0, 0)
    with app.app_context():  # service level: the primary key decides, the count follows it
        proposal = db.session.get(TopicProposal, proposal_id)
        assert topics.set_support(proposal, _user(member_id), True) is True
        assert topics.set_support(proposal, _user(member_id), True) is False
        assert _support_count(proposal_id) == (1, 1)
        with pytest.raises(topics.TopicError):
            topics.set_support(proposal, _user(proposer_id), True)
    own = _as(app, login, proposer_id)
    assert post_form(own, url, {"wanted": "ja"}, page=LIST).status_code == 403
    assert post_form(own, "/bijeenkomsten/onderwerpen/99999/steunen", {"wanted": "ja"},
                     page=LIST).status_code == 404


def test_staff_close_a_proposal_and_members_may_not(app, login, post_form, world):
    proposer_id, member_id, adviser_id = world
    with app.app_context():
        proposal_id = _proposal(_user(proposer_id)).id
    url = f"/bijeenkomsten/onderwerpen/{proposal_id}/sluiten"
    member = _as(app, login, member_id)
    assert post_form(member, url, page=LIST).status_code == 403
    assert member.get(f"/bijeenkomsten/onderwerpen/{proposal_id}/plannen").status_code == 403
    staff = _as(app, login, adviser_id)
    assert "Plan als bijeenkomst" in staff.get(LIST).get_data(as_text=True)
    assert post_form(staff, url, page=LIST).status_code == 303
    with app.app_context():
        assert db.session.get(TopicProposal, proposal_id).status == "closed"
        assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "topic_closed"))
    assert post_form(member, f"/bijeenkomsten/onderwerpen/{proposal_id}/steunen", {"wanted": "ja"},
                     page=LIST).status_code == 403


def test_planning_links_the_event_and_tells_proposer_and_supporters_once(app, login, post_form, world):
    proposer_id, member_id, adviser_id = world
    with app.app_context():
        proposal = _proposal(_user(proposer_id))
        for supporter in (_user(member_id), make_user(status="disabled")):
            topics.set_support(proposal, supporter, True)
        addresses = sorted([_user(proposer_id).email, _user(member_id).email])
        unrelated = make_user().email
        event_id = make_event(title="Kennisatelier zelforganisaties").id
        make_event(title="Concept", status="draft")
        make_event(title="Voorbij", starts_at=utcnow() - timedelta(days=3))
        proposal_id = proposal.id
    url = f"/bijeenkomsten/onderwerpen/{proposal_id}/plannen"
    staff = _as(app, login, adviser_id)
    html = staff.get(url).get_data(as_text=True)
    assert "Kennisatelier zelforganisaties" in html and "Concept" not in html and "Voorbij" not in html
    response = post_form(staff, url, {"event_id": "424242"}, page=url)
    assert response.status_code == 422 and "Kies uit de lijst." in response.get_data(as_text=True)
    assert post_form(staff, url, {"event_id": str(event_id)}, page=url).status_code == 302
    assert post_form(staff, url, {"event_id": str(event_id)}, page=url).status_code == 200  # already planned
    with app.app_context():
        planned = db.session.get(TopicProposal, proposal_id)
        assert (planned.status, planned.event_id) == ("planned", event_id)
        mails = list(db.session.scalars(select(OutboxMail).where(OutboxMail.subject.like("Uw onderwerp%"))))
        assert sorted(m.to_address for m in mails) == addresses and unrelated not in addresses
        assert all(f"/bijeenkomsten/{event_id}" in m.body_text for m in mails)
        audit = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "topic_planned"))
        assert audit.details["event_id"] == event_id and audit.details["told"] == 2
        with pytest.raises(topics.TopicError):
            topics.plan_proposal(planned, db.session.get(type(planned.event), event_id), _user(adviser_id))
    assert "Kennisatelier zelforganisaties" in staff.get(LIST).get_data(as_text=True)  # under "Ingepland"


def _bulk_proposals(proposer_ids, supporter_id, count):
    now, before = utcnow(), db.session.scalar(select(func.max(TopicProposal.id))) or 0
    db.session.execute(insert(TopicProposal.__table__), [
        {"title": f"Voorstel nummer {n}", "description": "Toelichting", "proposer_id": proposer_ids[n % 2],
         "status": "open", "support_count": n % 7, "created_at": now - timedelta(minutes=n)}
        for n in range(count)])
    ids = db.session.scalars(select(TopicProposal.id).where(TopicProposal.id > before)
                             .order_by(TopicProposal.id)).all()
    db.session.execute(insert(TopicSupport.__table__), [
        {"proposal_id": pid, "user_id": supporter_id, "created_at": now} for pid in ids[::3]])
    db.session.commit()


def test_the_list_issues_the_same_number_of_queries_for_5_and_500_proposals(
        app, client, login, count_queries):
    with app.app_context():
        proposers = [make_user().id, make_user().id]
        member_id = make_user().id
        _bulk_proposals(proposers, member_id, 5)
    login(client, member_id)

    def counted():
        client.get(LIST)
        with count_queries() as queries:
            assert client.get(LIST).status_code == 200
        return queries.count

    few = counted()
    with app.app_context():
        _bulk_proposals(proposers, member_id, 495)
        assert db.session.scalar(select(func.count(TopicProposal.id))) == 500
    assert counted() == few
