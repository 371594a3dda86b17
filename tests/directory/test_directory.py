"""The member directory: filters, hidden profiles, a member's posts, and hiding oneself."""

import re

import pytest
from sqlalchemy import select

from servicecentrum.audit.models import AuditEvent
from servicecentrum.extensions import db
from tests import factories
from tests.forum.test_notify_helpers import make_answer, make_question


@pytest.fixture
def people(app):
    with app.app_context():
        zorg = factories.make_theme(name="Zorg en welzijn")
        utrecht = factories.make_organisation(name="Gemeente Utrecht", region="Utrecht")
        tilburg = factories.make_organisation(name="Gemeente Tilburg", region="Noord-Brabant")
        anna = factories.make_user(name="Anna de Boer", organisation=utrecht, expertise=[zorg])
        bram = factories.make_user(name="Bram Kok", organisation=tilburg)
        hidden = factories.make_user(name="Carla Verborgen", organisation=tilburg, hide_from_directory=True)
        factories.make_user(name="Dirk Uitgeschakeld", status="disabled")
        return {"anna": anna.id, "bram": bram.id, "hidden": hidden.id, "zorg": zorg.id,
                "utrecht": utrecht.id, "admin": factories.make_user(role="admin", name="Beheer").id}


def _names(client, query=""):
    """Return the names the list shows as links to profiles."""
    html = client.get("/leden" + query).get_data(as_text=True)
    return re.findall(r'<a href="/leden/\d+">([^<]+)</a>', html)


def test_members_find_active_visible_peers(client, login, people):
    login(client, people["bram"])
    html = _names(client)
    assert "Anna de Boer" in html and "Bram Kok" in html
    assert "Carla Verborgen" not in html and "Dirk Uitgeschakeld" not in html


def test_filters_on_organisation_province_expertise_and_name(client, login, people):
    login(client, people["bram"])
    assert "Bram Kok" not in _names(client, f"?organisation={people['utrecht']}")
    by_region = _names(client, "?region=Noord-Brabant")
    assert "Bram Kok" in by_region and "Anna de Boer" not in by_region
    by_theme = _names(client, f"?theme={people['zorg']}")
    assert "Anna de Boer" in by_theme and "Bram Kok" not in by_theme
    by_name = _names(client, "?q=anna")
    assert "Anna de Boer" in by_name and "Bram Kok" not in by_name
    assert client.get("/leden?organisation=abc&region=Mars&theme=%").status_code == 200


def test_admins_see_hidden_profiles_others_get_404(client, login, people):
    login(client, people["bram"])
    assert client.get(f"/leden/{people['hidden']}").status_code == 404
    login(client, people["admin"])
    assert "Carla Verborgen" in _names(client)
    assert client.get(f"/leden/{people['hidden']}").status_code == 200


def test_member_page_lists_only_visible_questions_and_answers(app, client, login, people):
    with app.app_context():
        anna = db.session.get(factories.User, people["anna"])
        make_question(author=anna, title="Zichtbare vraag over mantelzorg")
        make_question(author=anna, title="Verborgen vraag", is_hidden=True)
        make_answer(make_question(title="Vraag over VVE"), author=anna)
        make_answer(make_question(title="Andere vraag"), author=anna, is_hidden=True)
    login(client, people["bram"])
    html = client.get(f"/leden/{people['anna']}").get_data(as_text=True)
    assert "Zichtbare vraag over mantelzorg" in html and "Vraag over VVE" in html
    assert "Verborgen vraag" not in html and "Andere vraag" not in html


def test_member_hides_themself_from_the_directory(app, client, login, post_form, people):
    login(client, people["anna"])
    response = post_form(client, "/leden/zichtbaarheid", {"hide_from_directory": "y"})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(factories.User, people["anna"]).hide_from_directory
        assert db.session.scalar(select(AuditEvent.action)) == "directory_visibility_changed"
    login(client, people["bram"])
    assert "Anna de Boer" not in _names(client)
    login(client, people["anna"])
    post_form(client, "/leden/zichtbaarheid", {})
    with app.app_context():
        assert not db.session.get(factories.User, people["anna"]).hide_from_directory


def test_the_list_uses_the_same_number_of_queries_for_5_and_200_members(app, client, login, count_queries):
    with app.app_context():
        theme = factories.make_theme()
        org = factories.make_organisation()
        viewer_id = factories.make_user(organisation=org).id
        for _ in range(4):
            factories.make_user(organisation=org, expertise=[theme])
    login(client, viewer_id)
    client.get("/leden")  # warm up: the first request of a process fills the kept settings and lists
    with count_queries() as few:
        assert client.get("/leden").status_code == 200
    with app.app_context():
        for _ in range(195):
            factories.make_user(organisation=factories.make_organisation(), expertise=[theme])
    with count_queries() as many:
        assert client.get("/leden").status_code == 200
    assert many.count == few.count
