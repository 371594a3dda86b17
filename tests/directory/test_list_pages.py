"""The directory without a count: 'Volgende' exactly when there are more members, odd page numbers."""

from servicecentrum.extensions import db
from servicecentrum.organisations.models import Organisation
from tests import factories
from tests.list_pages import assert_odd_pages_never_fail, html, list_counts, next_link


def _members(app, client, login, count: int):
    """``count`` active members in the directory, the viewer among them."""
    with app.app_context():
        organisation = factories.make_organisation(region="Utrecht")
        viewer = factories.make_user(name="Aafke Kijker", organisation=organisation)
        for n in range(count - 1):
            factories.make_user(name=f"Lid {n:02d}", organisation=organisation)
        login(client, viewer)
        return organisation.id


def test_a_full_page_has_no_next_link_and_one_more_member_has_one(app, client, login):
    organisation_id = _members(app, client, login, 25)
    assert next_link(html(client.get("/leden"))) is None
    with app.app_context():
        organisation = db.session.get(Organisation, organisation_id)
        factories.make_user(name="Zeger Zesentwintig", organisation=organisation)
    first = html(client.get("/leden?region=Utrecht"))
    assert "Leden 1–25; er zijn er meer." in first and "region=Utrecht" in next_link(first)
    second = html(client.get(next_link(first)))
    assert "Zeger Zesentwintig" in second and next_link(second) is None and "26 leden gevonden." in second


def test_the_directory_is_not_counted_and_odd_pages_never_fail(app, client, login, count_queries):
    _members(app, client, login, 30)
    client.get("/leden")  # warm up
    with count_queries() as queries:
        assert client.get("/leden?page=2").status_code == 200
    assert list_counts(queries.statements) == [] and queries.count <= 12
    assert_odd_pages_never_fail(client, "/leden", past_end="3", last_page_text=None)
