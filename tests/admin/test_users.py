"""Admins find members, change their role, block and unblock them, assign programmes, reset MFA."""

from sqlalchemy import select

from servicecentrum.auth.models import User
from servicecentrum.extensions import db
from tests import factories


def as_admin(app, client, login, **fields) -> int:
    with app.app_context():
        admin_id = factories.make_user(role="admin", name="Anna Beheer", **fields).id
    login(client, admin_id)
    return admin_id


# --- the list --------------------------------------------------------------------------------


def test_user_list_filters_on_name_or_email_role_status_and_organisation(app, client, login):
    with app.app_context():
        utrecht = factories.make_organisation(name="Gemeente Utrecht")
        factories.make_user(name="Sanne Jansen", email="sanne@utrecht.test", organisation=utrecht)
        factories.make_user(name="Pieter de Vries", email="pieter@zwolle.test")
        factories.make_user(name="Fatima Adviseur", role="adviser", email="fatima@forum.test")
        factories.make_user(name="Karel Geblokkeerd", status="disabled", organisation=utrecht)
    as_admin(app, client, login)

    def names(query: str) -> list[str]:
        html = client.get(f"/beheer/gebruikers?{query}").get_data(as_text=True)
        return [n for n in ("Sanne Jansen", "Pieter de Vries", "Fatima Adviseur", "Karel Geblokkeerd")
                if n in html]

    assert names("q=JANSEN") == ["Sanne Jansen"]
    assert names("q=zwolle.test") == ["Pieter de Vries"]
    assert names("role=adviser") == ["Fatima Adviseur"]
    assert names("status=disabled") == ["Karel Geblokkeerd"]
    with app.app_context():
        utrecht_id = db.session.scalar(select(User.organisation_id).where(User.email == "sanne@utrecht.test"))
    assert names(f"organisation={utrecht_id}") == ["Sanne Jansen", "Karel Geblokkeerd"]
    assert names(f"organisation={utrecht_id}&status=active") == ["Sanne Jansen"]
    assert names("q=%25") == []  # a % is a character to look for, not a wildcard


def test_user_list_is_sorted_by_name_and_keeps_the_filters_across_pages(app, client, login):
    with app.app_context():
        org = factories.make_organisation()
        for n in range(55):
            factories.make_user(name=f"Lid {n:03d}", organisation=org)
    as_admin(app, client, login)
    html = client.get("/beheer/gebruikers?q=lid+0").get_data(as_text=True)
    assert "55 gebruikers gevonden." in html
    assert html.index("Lid 000") < html.index("Lid 001") < html.index("Lid 049")
    assert "Lid 050" not in html
    assert 'href="/beheer/gebruikers?page=2&amp;q=lid+0"' in html
    second = client.get("/beheer/gebruikers?page=2&q=lid+0").get_data(as_text=True)
    assert "Lid 050" in second and "Lid 054" in second and "Lid 049" not in second


def test_user_list_costs_the_same_queries_for_5_and_200_members(app, client, login, count_queries):
    admin_id = as_admin(app, client, login)

    def add_members(n: int) -> None:
        with app.app_context():
            for _ in range(n):
                factories.make_user()  # each with an organisation of its own

    def queries() -> int:
        client.get("/beheer/gebruikers")  # warm up the session record's last_seen_at
        with count_queries() as counted:
            response = client.get("/beheer/gebruikers")
        assert response.status_code == 200
        return counted.count

    add_members(4)  # plus the admin: 5 users
    few = queries()
    add_members(195)
    assert queries() == few
    assert admin_id


def test_an_invalid_filter_gets_a_dutch_message_and_422(app, client, login):
    as_admin(app, client, login)
    response = client.get("/beheer/gebruikers?role=keizer")
    assert response.status_code == 422
    assert "Ongeldige keuze" in response.get_data(as_text=True)


# --- the detail page ------------------------------------------------------------------------


def test_detail_shows_organisation_last_login_mfa_and_programmes(app, client, login):
    with app.app_context():
        adviser = factories.make_user(role="adviser", name="Fatima Adviseur", job_title="Adviseur onderwijs")
        factories.make_programme(name="Onderwijs en Inburgering", advisers=[adviser])
        officer = factories.make_user(name="Sanne Jansen", organisation=factories.make_organisation(
            name="Gemeente Utrecht"))
        adviser_id, officer_id = adviser.id, officer.id
    as_admin(app, client, login)
    html = client.get(f"/beheer/gebruikers/{adviser_id}").get_data(as_text=True)
    assert "Adviseur onderwijs" in html and "Onderwijs en Inburgering" in html
    assert "<dt>Tweestapsverificatie</dt><dd>Aan</dd>" in html
    assert "<dt>Laatst ingelogd</dt><dd>Nooit</dd>" in html
    assert 'name="programmas-programmes"' in html  # advisers get programme checkboxes
    html = client.get(f"/beheer/gebruikers/{officer_id}").get_data(as_text=True)
    assert "Gemeente Utrecht" in html and "<dt>Tweestapsverificatie</dt><dd>Uit</dd>" in html
    assert 'name="programmas-programmes"' not in html  # officers do not


def test_admin_sees_no_role_or_block_form_on_their_own_page(app, client, login):
    admin_id = as_admin(app, client, login)
    html = client.get(f"/beheer/gebruikers/{admin_id}").get_data(as_text=True)
    assert "U kunt uw eigen rol niet wijzigen." in html
    assert "U kunt uw eigen account niet blokkeren." in html
    assert f'action="/beheer/gebruikers/{admin_id}/rol"' not in html
