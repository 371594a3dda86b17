"""The advisers' queue: who sees what, every filter, overdue first, and assigning several at once."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import insert, select

from servicecentrum.auth.models import User
from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from servicecentrum.helpdesk import sla
from servicecentrum.helpdesk.models import Ticket, TicketChange
from servicecentrum.taxonomy.models import Programme
from tests.factories import make_organisation, make_programme, make_theme, make_ticket, make_user

QUEUE = "/helpdesk/wachtrij"


@pytest.fixture
def world(app):
    """Two programmes; Anna and Bert advise Jeugd, Carla advises Cohesie."""
    with app.app_context():
        anna = make_user("adviser", name="Anna Adviseur")
        bert = make_user("adviser", name="Bert Adviseur")
        carla = make_user("adviser", name="Carla Adviseur")
        jeugd = make_programme(name="Jeugd en Veiligheid", advisers=[anna, bert])
        cohesie = make_programme(name="Sociale Cohesie", advisers=[carla])
        return {"anna": anna.id, "bert": bert.id, "carla": carla.id,
                "jeugd": jeugd.id, "cohesie": cohesie.id}


def _ticket(programme_id, subject, **fields):
    return make_ticket(programme=db.session.get(Programme, programme_id),
                       subject=subject, **fields).id


def _subjects(html: str) -> list[str]:
    """The subjects in the queue table, top to bottom."""
    marker = r"(?: <strong[^>]*>[^<]*</strong>)?"  # "Nieuw bericht"
    return re.findall(r'<th scope="row"><a href="/helpdesk/\d+">([^<]+)</a>' + marker + "</th>", html)


def _open_queue(client, login, user_id, query=""):
    login(client, user_id)
    response = client.get(QUEUE + query)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_officers_may_not_open_the_queue(app, client, login, post_form):
    with app.app_context():
        officer = make_user("officer").id
    login(client, officer)
    assert client.get(QUEUE).status_code == 403
    assert post_form(client, QUEUE + "/toewijzen", {"ticket_ids": "1"}).status_code == 403


def test_advisers_see_only_their_programmes_and_admins_see_all(app, client, login, world):
    with app.app_context():
        _ticket(world["jeugd"], "Jongerenwerk in de wijk")
        _ticket(world["cohesie"], "Buurtfeest organiseren")
        admin = make_user("admin").id
    html = _open_queue(client, login, world["anna"])
    assert _subjects(html) == ["Jongerenwerk in de wijk"]
    assert "1 vraag gevonden." in html
    html = _open_queue(client, login, world["anna"], f"?programme={world['cohesie']}")
    assert _subjects(html) == ["Jongerenwerk in de wijk"]  # a programme not offered is ignored
    html = _open_queue(client, login, admin)
    assert sorted(_subjects(html)) == ["Buurtfeest organiseren", "Jongerenwerk in de wijk"]


def test_the_page_links_to_canned_replies_and_declarations(app, client, login, world):
    html = _open_queue(client, login, world["anna"])
    assert 'href="/helpdesk/standaardantwoorden"' in html
    assert 'href="/rapportage/declaraties"' in html
    for label in ("Programma", "Status", "Thema", "Organisatie", "Alleen zonder behandelaar",
                  "Alleen termijn verlopen", "Alleen aan mij toegewezen"):
        assert f">{label}</label>" in html


def test_status_filter_shows_open_tickets_by_default(app, client, login, world):
    with app.app_context():
        _ticket(world["jeugd"], "Nog open vraag", status="waiting")
        _ticket(world["jeugd"], "Opgeloste vraag", status="resolved")
    assert _subjects(_open_queue(client, login, world["anna"])) == ["Nog open vraag"]
    html = _open_queue(client, login, world["anna"], "?status=resolved")
    assert _subjects(html) == ["Opgeloste vraag"]
    assert '<td data-label="Status">Opgelost</td>' in html
    assert len(_subjects(_open_queue(client, login, world["anna"], "?status=all"))) == 2


def test_unassigned_and_mine_filters(app, client, login, world):
    with app.app_context():
        _ticket(world["jeugd"], "Vraag voor Anna", assignee=db.session.get(User, world["anna"]))
        _ticket(world["jeugd"], "Vraag zonder behandelaar")
    html = _open_queue(client, login, world["anna"], "?unassigned=y")
    assert _subjects(html) == ["Vraag zonder behandelaar"]
    assert '<td data-label="Behandelaar">Niemand</td>' in html
    html = _open_queue(client, login, world["anna"], "?mine=y")
    assert _subjects(html) == ["Vraag voor Anna"]
    assert '<td data-label="Behandelaar">Anna Adviseur</td>' in html


def test_theme_organisation_and_programme_filters(app, client, login, world):
    with app.app_context():
        theme = make_theme(name="Onderwijs")
        utrecht = make_organisation(name="Gemeente Utrecht")
        asker = make_user("officer", organisation=utrecht)
        _ticket(world["jeugd"], "Vraag over scholen", theme_id=theme.id)
        _ticket(world["jeugd"], "Vraag uit Utrecht", requester=asker)
        theme_id, utrecht_id = theme.id, utrecht.id
        admin = make_user("admin").id
        _ticket(world["cohesie"], "Vraag over cohesie")
    html = _open_queue(client, login, world["anna"], f"?theme={theme_id}")
    assert _subjects(html) == ["Vraag over scholen"]
    html = _open_queue(client, login, world["anna"], f"?organisation={utrecht_id}")
    assert _subjects(html) == ["Vraag uit Utrecht"]
    assert '<td data-label="Organisatie">Gemeente Utrecht</td>' in html
    html = _open_queue(client, login, admin, f"?programme={world['cohesie']}")
    assert _subjects(html) == ["Vraag over cohesie"]
    assert '<td data-label="Programma">Sociale Cohesie</td>' in html


def test_overdue_filter_marks_and_sorts_overdue_tickets_first(app, client, login, world):
    today = sla.today()
    with app.app_context():
        _ticket(world["jeugd"], "Ruim op tijd", first_response_due=today + timedelta(days=3),
                resolution_due=today + timedelta(days=9))
        _ticket(world["jeugd"], "Geen eerste reactie", first_response_due=today - timedelta(days=1),
                resolution_due=today + timedelta(days=20))
        _ticket(world["jeugd"], "Beantwoord maar te laat opgelost", first_responded_at=utcnow(),
                first_response_due=today - timedelta(days=5), resolution_due=today - timedelta(days=1))
        _ticket(world["jeugd"], "Wel beantwoord", first_responded_at=utcnow(),
                first_response_due=today - timedelta(days=5), resolution_due=today + timedelta(days=1))
        _ticket(world["jeugd"], "Opgelost en te laat", status="resolved",
                first_response_due=today - timedelta(days=5), resolution_due=today - timedelta(days=1))
    html = _open_queue(client, login, world["anna"])
    assert _subjects(html) == ["Beantwoord maar te laat opgelost", "Geen eerste reactie", "Wel beantwoord",
                               "Ruim op tijd"]
    assert html.count(">Verlopen</strong>") == 2
    html = _open_queue(client, login, world["anna"], "?overdue=y&status=all")
    assert _subjects(html) == ["Beantwoord maar te laat opgelost", "Geen eerste reactie"]


def test_fifty_tickets_per_page_with_the_total(app, client, login, world):
    now = utcnow()
    with app.app_context():
        db.session.execute(insert(Ticket), [
            {"subject": f"Bulkvraag {n:03d}", "body": "", "programme_id": world["jeugd"], "status": "new",
             "priority": "normal", "service_level": "basic", "routing_note": "", "created_at": now,
             "updated_at": now, "publish_consent": False, "publish_named": False} for n in range(55)])
        db.session.commit()
    html = _open_queue(client, login, world["anna"], "?unassigned=y")
    assert "55 vragen gevonden." in html
    assert len(_subjects(html)) == 50
    assert "Pagina 1 van 2" in html and "unassigned=y" in html
    assert len(_subjects(_open_queue(client, login, world["anna"], "?unassigned=y&page=2"))) == 5


def test_bulk_assign_gives_tickets_to_an_adviser_and_keeps_the_filters(app, client, login, post_form, world):
    with app.app_context():
        first = _ticket(world["jeugd"], "Eerste vraag")
        second = _ticket(world["jeugd"], "Tweede vraag")
        other = _ticket(world["cohesie"], "Vraag van een ander programma")
    login(client, world["anna"])
    response = post_form(client, QUEUE + "/toewijzen?unassigned=y&status=new",
                         {"ticket_ids": [first, second, other], "assignee": str(world["bert"])})
    assert response.status_code == 302
    assert response.headers["Location"] == "/helpdesk/wachtrij?status=new&unassigned=y"
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "2 vragen toegewezen aan Bert Adviseur." in html
    assert "1 vraag overgeslagen" in html
    assert _subjects(html) == []  # both are assigned now
    with app.app_context():
        assert db.session.get(Ticket, first).assignee_id == world["bert"]
        assert db.session.get(Ticket, other).assignee_id is None
        history = db.session.scalars(select(TicketChange).where(
            TicketChange.ticket_id == second, TicketChange.action == "assignee")).all()
        assert history[-1].new_value == "Bert Adviseur" and history[-1].actor_id == world["anna"]


def test_bulk_assign_refuses_an_adviser_outside_the_programme(app, client, login, post_form, world):
    with app.app_context():
        ticket_id = _ticket(world["jeugd"], "Vraag over jongeren")
        admin = make_user("admin").id
    login(client, admin)
    response = post_form(client, QUEUE + "/toewijzen",
                         {"ticket_ids": [ticket_id], "assignee": str(world["carla"])})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Carla Adviseur is geen adviseur van het programma Jeugd en Veiligheid" in html
    assert f'value="{ticket_id}" id="ticket-{ticket_id}" checked' in html  # the selection is kept
    with app.app_context():
        assert db.session.get(Ticket, ticket_id).assignee_id is None
    # An adviser only offers advisers of their own programmes.
    login(client, world["anna"])
    response = post_form(client, QUEUE + "/toewijzen",
                         {"ticket_ids": [ticket_id], "assignee": str(world["carla"])})
    assert response.status_code == 422
    assert "Kies uit de lijst." in response.get_data(as_text=True)


def test_bulk_assign_without_a_selection_explains_what_is_missing(app, client, login, post_form, world):
    with app.app_context():
        _ticket(world["jeugd"], "Vraag over jongeren")
    login(client, world["anna"])
    response = post_form(client, QUEUE + "/toewijzen", {"assignee": str(world["bert"])})
    assert response.status_code == 422
    assert "Kies eerst een of meer vragen in de lijst." in response.get_data(as_text=True)
    response = post_form(client, QUEUE + "/toewijzen", {"ticket_ids": ["1"], "assignee": ""})
    assert response.status_code == 422
    assert "Kies een adviseur." in response.get_data(as_text=True)


def test_odd_input_never_breaks_the_queue(app, client, login, post_form, world):
    with app.app_context():
        _ticket(world["jeugd"], "Vraag over jongeren")
    login(client, world["anna"])
    for query in ("?page=99999999999999999999999", "?page=-3", "?programme=²", "?status=onzin",
                  "?theme=abc&organisation=9&organisation=x"):
        response = client.get(QUEUE + query)
        assert response.status_code == 200, query
    assert _subjects(client.get(QUEUE + "?status=onzin").get_data(as_text=True)) == ["Vraag over jongeren"]
    response = post_form(client, QUEUE + "/toewijzen",
                         {"ticket_ids": ["99999999999999999999999", "²"], "assignee": str(world["bert"])})
    assert response.status_code == 422
    response = post_form(client, QUEUE + "/toewijzen",
                         {"ticket_ids": [str(n) for n in range(1, 300)], "assignee": str(world["bert"])})
    assert response.status_code == 422
    assert "Kies hoogstens 200 vragen tegelijk." in response.get_data(as_text=True)
