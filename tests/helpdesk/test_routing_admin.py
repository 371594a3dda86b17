"""/beheer/routering: admins keep the ordered routing rules and can try the routing; others get 403."""

import re

import pytest
from sqlalchemy import func, select

from servicecentrum.audit.models import AuditEvent
from servicecentrum.extensions import db
from servicecentrum.helpdesk import services
from servicecentrum.helpdesk.models import RoutingRule, Ticket
from servicecentrum.notifications.models import OutboxMail
from tests.factories import make_organisation, make_programme, make_theme, make_user

LIST = "/beheer/routering"


@pytest.fixture
def setup(app, client, login):
    """An admin logged in; a theme, two programmes with one adviser each, a G30 city."""
    with app.app_context():
        admin = make_user("admin")
        anna = make_user("adviser", name="Anna Aalders")
        bert = make_user("adviser", name="Bert Bos")
        ids = {
            "admin": admin.id, "anna": anna.id, "bert": bert.id,
            "theme": make_theme(name="Onderwijs").id,
            "fallback": make_programme(slug="servicecentrum-integratiebeleid",
                                       name="Servicecentrum Integratiebeleid", advisers=[bert]).id,
            "onderwijs": make_programme(name="Onderwijs en Inburgering", advisers=[anna]).id,
            "utrecht": make_organisation(name="Gemeente Utrecht", region="Utrecht", is_g30=True).id,
        }
    login(client, ids["admin"])
    return ids


def _rule(ids, **fields):
    return {"name": "Onderwijsvragen", "theme": str(ids["theme"]),
            "keywords": "School, schooluitval ,school", "region": "Utrecht", "g30": "yes",
            "programme": str(ids["onderwijs"]), "adviser": str(ids["anna"]), "is_active": "y", **fields}


def _audit(app, action):
    with app.app_context():
        return [e.details for e in db.session.scalars(select(AuditEvent).where(AuditEvent.action == action))]


def _names_in_order(page: str) -> list[str]:
    return re.findall(r'<th scope="row"><a href="/beheer/routering/\d+/bewerken">([^<]+)</a>', page)


def _make_rules(app, ids, names):
    with app.app_context():
        for position, name in enumerate(names, start=1):
            db.session.add(RoutingRule(name=name, position=position, programme_id=ids["onderwijs"]))
        db.session.commit()
        return {r.name: r.id for r in db.session.scalars(select(RoutingRule))}


@pytest.mark.parametrize("role", ["officer", "adviser"])
def test_only_admins_reach_the_routing_screens(app, client, login, post_form, role):
    with app.app_context():
        programme_id, user_id = make_programme().id, make_user(role).id
    rule_id = _make_rules(app, {"onderwijs": programme_id}, ["Regel"])["Regel"]
    login(client, user_id)
    for path in (LIST, f"{LIST}/nieuw", f"{LIST}/{rule_id}/bewerken"):
        assert client.get(path).status_code == 403, path
    for path in (f"{LIST}/nieuw", f"{LIST}/{rule_id}/verwijderen", f"{LIST}/{rule_id}/verplaatsen"):
        assert post_form(client, path, {"direction": "up"}).status_code == 403, path
    with app.app_context():
        assert db.session.scalar(select(func.count(RoutingRule.id))) == 1


def test_an_admin_adds_a_rule_and_sees_it_in_words(app, client, setup, post_form):
    page = client.get(f"{LIST}/nieuw").get_data(as_text=True)
    assert '<label class="field__label" for="keywords">' in page
    response = post_form(client, f"{LIST}/nieuw", _rule(setup), follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Regel Onderwijsvragen is toegevoegd" in page
    assert ("Thema is Onderwijs; onderwerp of vraag bevat een van &#39;school&#39;, &#39;schooluitval&#39;; "
            "organisatie ligt in Utrecht; organisatie is een G30-gemeente") in page
    assert "Anna Aalders" in page and "Onderwijs en Inburgering" in page
    with app.app_context():
        rule = db.session.scalar(select(RoutingRule))
        assert (rule.keywords, rule.g30, rule.region, rule.position) == (
            "school, schooluitval", True, "Utrecht", 1)
    (details,) = _audit(app, "routing_rule_created")
    assert details["name"] == "Onderwijsvragen" and details["keywords"] == "school, schooluitval"


@pytest.mark.parametrize(("fields", "message"), [
    ({"name": "  "}, "Geef de regel een naam."),
    ({"programme": ""}, "Kies het programma dat de vraag krijgt."),
    ({"adviser": "bert"}, "Deze adviseur hoort niet bij het programma Onderwijs en Inburgering."),
    ({"keywords": "x" * 501}, "Houd de woorden samen korter dan 500 tekens."),
])
def test_a_wrong_rule_is_refused_in_dutch_and_keeps_what_was_typed(app, client, setup, post_form,
                                                                    fields, message):
    fields = {k: str(setup[v]) if v == "bert" else v for k, v in fields.items()}
    data = _rule(setup, **{"keywords": "statushouder, huisvesting", **fields})
    response = post_form(client, f"{LIST}/nieuw", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in page
    if "keywords" not in fields:
        assert 'value="statushouder, huisvesting"' in page
    with app.app_context():
        assert db.session.scalar(select(func.count(RoutingRule.id))) == 0


def test_editing_a_rule_is_audited_and_an_unchanged_save_is_not(app, client, setup, post_form):
    post_form(client, f"{LIST}/nieuw", _rule(setup))
    rule_id = _make_rules(app, setup, [])["Onderwijsvragen"]
    page = client.get(f"{LIST}/{rule_id}/bewerken").get_data(as_text=True)
    assert 'value="school, schooluitval"' in page and "selected" in page
    response = post_form(client, f"{LIST}/{rule_id}/bewerken", _rule(setup, keywords="vve", g30="",
                                                                      is_active=""), follow_redirects=True)
    assert "Regel Onderwijsvragen is bijgewerkt." in response.get_data(as_text=True)
    assert "Nee, uitgeschakeld" in response.get_data(as_text=True)
    (details,) = _audit(app, "routing_rule_updated")
    assert (details["keywords_old"], details["keywords_new"]) == ("school, schooluitval", "vve")
    assert (details["g30_old"], details["g30_new"], details["active_new"]) == (True, None, False)
    response = post_form(client, f"{LIST}/{rule_id}/bewerken", _rule(setup, keywords="vve", g30="",
                                                                      is_active=""), follow_redirects=True)
    assert "Er was niets veranderd." in response.get_data(as_text=True)
    assert len(_audit(app, "routing_rule_updated")) == 1
    assert client.get(f"{LIST}/999999/bewerken").status_code == 404


def test_moving_rules_up_and_down_changes_the_order(app, client, setup, post_form):
    ids = _make_rules(app, setup, ["Eerste", "Tweede", "Derde"])
    assert _names_in_order(client.get(LIST).get_data(as_text=True)) == ["Eerste", "Tweede", "Derde"]
    response = post_form(client, f"{LIST}/{ids['Derde']}/verplaatsen", {"direction": "up"},
                         follow_redirects=True)
    assert _names_in_order(response.get_data(as_text=True)) == ["Eerste", "Derde", "Tweede"]
    response = post_form(client, f"{LIST}/{ids['Eerste']}/verplaatsen", {"direction": "down"},
                         follow_redirects=True)
    assert _names_in_order(response.get_data(as_text=True)) == ["Derde", "Eerste", "Tweede"]
    response = post_form(client, f"{LIST}/{ids['Derde']}/verplaatsen", {"direction": "up"},
                         follow_redirects=True)
    assert "Regel Derde staat al bovenaan of onderaan." in response.get_data(as_text=True)
    response = post_form(client, f"{LIST}/{ids['Derde']}/verplaatsen", {"direction": "opzij"},
                         follow_redirects=True)
    assert "Kies of de regel omhoog of omlaag moet." in response.get_data(as_text=True)
    moves = _audit(app, "routing_rule_moved")
    assert [(m["name"], m["position_old"], m["position_new"]) for m in moves] == [
        ("Derde", 3, 2), ("Eerste", 1, 2)]


def test_deleting_a_rule_keeps_the_routing_note_of_its_tickets(app, client, setup, post_form):
    ids = _make_rules(app, setup, ["Eerste", "Alles naar onderwijs", "Derde"])
    with app.app_context():
        db.session.get(RoutingRule, ids["Eerste"]).is_active = False
        db.session.commit()
        ticket = services.create_ticket(make_user("officer"), services.TicketData("Vraag over school", ""))
        note, ticket_id = ticket.routing_note, ticket.id
        assert ticket.routing_rule_id == ids["Alles naar onderwijs"]
    response = post_form(client, f"{LIST}/{ids['Alles naar onderwijs']}/verwijderen", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Regel Alles naar onderwijs is verwijderd." in page
    assert _names_in_order(page) == ["Eerste", "Derde"]
    with app.app_context():
        ticket = db.session.get(Ticket, ticket_id)
        assert ticket.routing_rule_id is None and ticket.routing_note == note
        assert sorted(r.position for r in db.session.scalars(select(RoutingRule))) == [1, 2]
    assert [d["name"] for d in _audit(app, "routing_rule_deleted")] == ["Alles naar onderwijs"]
    assert post_form(client, f"{LIST}/{ids['Alles naar onderwijs']}/verwijderen").status_code == 404


def test_trying_the_routing_shows_where_a_question_goes_without_saving(app, client, setup, post_form):
    post_form(client, f"{LIST}/nieuw", _rule(setup))
    with app.app_context():
        mails_before = db.session.scalar(select(func.count(OutboxMail.id)))
    query = {"subject": "Schooluitval in de wijk", "body": "", "theme": str(setup["theme"]),
             "organisation": str(setup["utrecht"])}
    page = client.get(LIST, query_string=query).get_data(as_text=True)
    result = page.split("Uitkomst")[1]
    assert "Onderwijs en Inburgering" in result and "Anna Aalders" in result and "Onderwijsvragen" in result
    assert "woord &#39;school&#39;, &#39;schooluitval&#39;" in result
    # Without the organisation the G30 condition fails: the fallback and its adviser.
    page = client.get(LIST, query_string={**query, "organisation": ""}).get_data(as_text=True)
    result = page.split("Uitkomst")[1]
    assert "Servicecentrum Integratiebeleid" in result and "Bert Bos" in result
    assert "Geen regel van toepassing" in result
    with app.app_context():
        assert db.session.scalar(select(func.count(Ticket.id))) == 0
        assert db.session.scalar(select(func.count(OutboxMail.id))) == mails_before
    response = client.get(LIST, query_string={"subject": " ", "body": ""})
    assert response.status_code == 422
    assert "Vul een onderwerp of een vraag in." in response.get_data(as_text=True)


def test_the_audit_log_names_routing_changes_in_dutch(app, client, setup, post_form):
    post_form(client, f"{LIST}/nieuw", _rule(setup))
    assert "Routeringsregel toegevoegd" in client.get("/beheer/audit").get_data(as_text=True)


def test_the_list_needs_the_same_queries_for_3_or_30_rules(app, client, setup, count_queries):
    _make_rules(app, setup, [f"Regel {n}" for n in range(3)])
    client.get(LIST)
    with count_queries() as few:
        assert client.get(LIST).status_code == 200
    _make_rules(app, setup, [f"Extra {n}" for n in range(27)])
    with count_queries() as many:
        client.get(LIST)
    assert many.count == few.count
