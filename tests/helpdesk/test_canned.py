"""Canned replies per programme: its advisers (and admins) add, change and remove them."""

import pytest
from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.helpdesk.models import CannedReply
from tests.factories import make_programme, make_user

LIST = "/helpdesk/standaardantwoorden"


@pytest.fixture
def world(app):
    """Anna advises Jeugd, Carla advises Cohesie; each programme has one canned reply."""
    with app.app_context():
        anna, carla = make_user("adviser", name="Anna Adviseur"), make_user("adviser", name="Carla Adviseur")
        jeugd = make_programme(name="Jeugd en Veiligheid", advisers=[anna])
        cohesie = make_programme(name="Sociale Cohesie", advisers=[carla])
        own = CannedReply(programme=jeugd, title="Verwijzing naar de kennisbank",
                          body="Kijk in de kennisbank.")
        other = CannedReply(programme=cohesie, title="Buurtbudget uitgelegd",
                            body="Zo werkt het buurtbudget.")
        db.session.add_all([own, other])
        db.session.commit()
        return {"anna": anna.id, "carla": carla.id, "jeugd": jeugd.id, "cohesie": cohesie.id,
                "own": own.id, "other": other.id}


def _reply(reply_id):
    return db.session.get(CannedReply, reply_id)


def test_officers_may_not_open_canned_replies(app, client, login, post_form, world):
    with app.app_context():
        officer = make_user("officer").id
    login(client, officer)
    assert client.get(LIST).status_code == 403
    assert client.get(LIST + "/nieuw").status_code == 403
    assert client.get(f"{LIST}/{world['own']}/bewerken").status_code == 403
    assert post_form(client, f"{LIST}/{world['own']}/verwijderen").status_code == 403


def test_advisers_see_only_their_programmes_replies_and_admins_all(app, client, login, world):
    login(client, world["anna"])
    html = client.get(LIST).get_data(as_text=True)
    assert "Jeugd en Veiligheid" in html and "Verwijzing naar de kennisbank" in html
    assert "Sociale Cohesie" not in html and "Buurtbudget uitgelegd" not in html
    with app.app_context():
        admin = make_user("admin").id
    login(client, admin)
    html = client.get(LIST).get_data(as_text=True)
    assert "Verwijzing naar de kennisbank" in html and "Buurtbudget uitgelegd" in html


def test_an_adviser_adds_a_reply_to_their_own_programme(app, client, login, post_form, world):
    login(client, world["anna"])
    form = client.get(LIST + "/nieuw").get_data(as_text=True)
    assert '<label class="field__label" for="programme_id">Programma</label>' in form
    assert "Jeugd en Veiligheid" in form and "Sociale Cohesie" not in form
    response = post_form(client, LIST + "/nieuw", {"programme_id": str(world["jeugd"]),
                                                   "title": "Subsidie aanvragen",
                                                   "body": "U vraagt subsidie aan bij de gemeente."},
                         follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "Het standaardantwoord is opgeslagen." in html and "Subsidie aanvragen" in html
    assert "door Anna Adviseur" in html
    with app.app_context():
        reply = db.session.scalar(select(CannedReply).where(CannedReply.title == "Subsidie aanvragen"))
        assert reply.programme_id == world["jeugd"] and reply.updated_by_id == world["anna"]


def test_an_adviser_cannot_add_to_another_programme(app, client, login, post_form, world):
    login(client, world["anna"])
    response = post_form(client, LIST + "/nieuw", {"programme_id": str(world["cohesie"]),
                                                   "title": "Stiekem", "body": "Tekst"})
    assert response.status_code == 422
    assert "Kies uit de lijst." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(CannedReply).where(CannedReply.title == "Stiekem")) is None


def test_invalid_input_keeps_what_was_typed(app, client, login, post_form, world):
    login(client, world["anna"])
    response = post_form(client, LIST + "/nieuw", {"programme_id": str(world["jeugd"]), "title": "",
                                                   "body": "Mijn zorgvuldig getypte tekst"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Geef het standaardantwoord een titel." in html
    assert "Mijn zorgvuldig getypte tekst" in html
    response = post_form(client, f"{LIST}/{world['own']}/bewerken",
                         {"programme_id": str(world["jeugd"]), "title": "x" * 121, "body": "Nieuwe tekst"})
    assert response.status_code == 422
    assert "De titel is hoogstens 120 tekens lang." in response.get_data(as_text=True)
    assert "Nieuwe tekst" in response.get_data(as_text=True)


def test_an_adviser_edits_a_reply_and_the_change_is_recorded(app, client, login, post_form, world):
    login(client, world["anna"])
    page = client.get(f"{LIST}/{world['own']}/bewerken").get_data(as_text=True)
    assert "Kijk in de kennisbank." in page
    response = post_form(client, f"{LIST}/{world['own']}/bewerken",
                         {"programme_id": str(world["jeugd"]), "title": "Kennisbank",
                          "body": "Zoek in de kennisbank op uw thema."}, follow_redirects=True)
    assert "Het standaardantwoord is bijgewerkt." in response.get_data(as_text=True)
    with app.app_context():
        reply = _reply(world["own"])
        assert (reply.title, reply.body) == ("Kennisbank", "Zoek in de kennisbank op uw thema.")
        assert reply.updated_by_id == world["anna"] and reply.updated_at is not None


def test_another_programmes_reply_is_not_found(app, client, login, post_form, world):
    login(client, world["anna"])
    assert client.get(f"{LIST}/{world['other']}/bewerken").status_code == 404
    response = post_form(client, f"{LIST}/{world['other']}/bewerken",
                         {"programme_id": str(world["jeugd"]), "title": "Gekaapt", "body": "Tekst"})
    assert response.status_code == 404
    assert post_form(client, f"{LIST}/{world['other']}/verwijderen").status_code == 404
    assert client.get(f"{LIST}/999999/bewerken").status_code == 404
    with app.app_context():
        assert _reply(world["other"]).title == "Buurtbudget uitgelegd"


def test_an_adviser_deletes_a_reply(app, client, login, post_form, world):
    login(client, world["anna"])
    response = post_form(client, f"{LIST}/{world['own']}/verwijderen", follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "is verwijderd" in html and "Dit programma heeft nog geen standaardantwoorden." in html
    with app.app_context():
        assert _reply(world["own"]) is None
        assert _reply(world["other"]) is not None


def test_an_admin_keeps_the_replies_of_every_programme(app, client, login, post_form, world):
    with app.app_context():
        admin = make_user("admin").id
    login(client, admin)
    response = post_form(client, f"{LIST}/{world['other']}/bewerken",
                         {"programme_id": str(world["cohesie"]), "title": "Buurtbudget",
                          "body": "Bijgewerkt door de beheerder."})
    assert response.status_code == 302
    with app.app_context():
        assert _reply(world["other"]).updated_by_id == admin
