"""Admins list, add and change organisations and the e-mail domains they vouch for."""

import pytest
from sqlalchemy import select

from servicecentrum.audit.models import AuditEvent
from servicecentrum.extensions import db
from servicecentrum.organisations.models import Organisation
from tests import factories

VALID = {"name": "Gemeente Amersfoort", "kind": "gemeente", "cbs_code": "gm0307", "region": "Utrecht",
         "size_class": "100k-250k", "is_g30": "y", "email_domains": "@Amersfoort.nl\n\nwerk.amersfoort.nl \n"}


@pytest.fixture
def admin_client(app, client, login):
    with app.app_context():
        login(client, factories.make_user(role="admin").id)
    return client


def events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_admin_adds_a_municipality_with_normalised_domains(app, admin_client, post_form):
    response = post_form(admin_client, "/beheer/organisaties/nieuw", VALID, follow_redirects=True)
    assert "Organisatie Gemeente Amersfoort is toegevoegd." in response.get_data(as_text=True)
    with app.app_context():
        org = db.session.scalar(select(Organisation).where(Organisation.name == "Gemeente Amersfoort"))
        assert (org.cbs_code, org.region, org.size_class) == ("GM0307", "Utrecht", "100k-250k")
        assert org.is_g30 is True
        assert org.allowed_domains == ["amersfoort.nl", "werk.amersfoort.nl"]
        (event,) = events("organisation_created")
        assert event.target_id == org.id
        assert event.details["cbs"] == "GM0307"
        assert event.details["domains"] == "amersfoort.nl, werk.amersfoort.nl"
        assert not any("code" in key for key in event.details)


@pytest.mark.parametrize(("changes", "message"), [
    ({"cbs_code": "0307"}, "Een CBS-gemeentecode is GM met vier cijfers, zoals GM0344."),
    ({"cbs_code": "GM307"}, "Een CBS-gemeentecode is GM met vier cijfers, zoals GM0344."),
    ({"kind": "onderwijs"}, "Alleen een gemeente heeft een CBS-gemeentecode."),
    ({"email_domains": "amersfoort.nl\nniet een domein"}, "niet een domein is geen geldig e-maildomein."),
    ({"email_domains": "amersfoort"}, "amersfoort is geen geldig e-maildomein."),
    ({"name": "  "}, "Vul de naam van de organisatie in."),
    ({"region": "Bretagne"}, "Ongeldige keuze"),
])
def test_invalid_input_gets_a_dutch_message_and_keeps_what_was_typed(app, admin_client, post_form,
                                                                     changes, message):
    response = post_form(admin_client, "/beheer/organisaties/nieuw", {**VALID, **changes})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in html
    typed = {**VALID, **changes}
    assert typed["email_domains"].strip().splitlines()[-1].strip() in html  # what was typed stays
    if typed["name"].strip():
        assert f'value="{typed["name"]}"' in html
    with app.app_context():
        assert db.session.scalar(select(Organisation)) is None


def test_a_name_cbs_code_or_domain_of_another_organisation_is_refused_naming_it(app, admin_client, post_form):
    with app.app_context():
        factories.make_organisation(name="Gemeente Utrecht", cbs_code="GM0344", domains=["utrecht.nl"])
    cases = [
        ({"name": "gemeente utrecht"}, "Er bestaat al een organisatie met deze naam: Gemeente Utrecht."),
        ({"cbs_code": "GM0344"}, "CBS-gemeentecode GM0344 hoort al bij Gemeente Utrecht."),
        ({"email_domains": "amersfoort.nl\nUTRECHT.nl"},
         "Het domein utrecht.nl hoort al bij Gemeente Utrecht."),
    ]
    for changes, message in cases:
        response = post_form(admin_client, "/beheer/organisaties/nieuw", {**VALID, **changes})
        assert response.status_code == 422
        assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalars(select(Organisation.name)).all() == ["Gemeente Utrecht"]


def test_admin_edits_an_organisation_and_the_change_is_audited(app, admin_client, post_form):
    with app.app_context():
        org_id = factories.make_organisation(name="Gemeente Zwolle",
                                             domains=["zwolle.nl", "oud.zwolle.nl"]).id
    page = admin_client.get(f"/beheer/organisaties/{org_id}").get_data(as_text=True)
    assert "oud.zwolle.nl\nzwolle.nl" in page
    data = {"name": "Gemeente Zwolle", "kind": "gemeente", "cbs_code": "GM0193", "region": "Overijssel",
            "size_class": "100k-250k", "email_domains": "zwolle.nl\nnieuw.zwolle.nl"}
    response = post_form(admin_client, f"/beheer/organisaties/{org_id}", data, follow_redirects=True)
    assert "Organisatie Gemeente Zwolle is bijgewerkt." in response.get_data(as_text=True)
    with app.app_context():
        org = db.session.get(Organisation, org_id)
        assert org.cbs_code == "GM0193" and org.region == "Overijssel"
        assert org.allowed_domains == ["nieuw.zwolle.nl", "zwolle.nl"]
        (event,) = events("organisation_updated")
        assert event.details["cbs_old"] is None and event.details["cbs_new"] == "GM0193"
        assert event.details["domains_old"] == "oud.zwolle.nl, zwolle.nl"
        assert "name_old" not in event.details  # unchanged fields are left out
    post_form(admin_client, f"/beheer/organisaties/{org_id}", data)  # the same again: nothing to record
    with app.app_context():
        assert len(events("organisation_updated")) == 1


def test_an_organisation_keeps_its_own_name_code_and_domains_when_edited(app, admin_client, post_form):
    with app.app_context():
        org_id = factories.make_organisation(name="Gemeente Utrecht", cbs_code="GM0344",
                                             domains=["utrecht.nl"]).id
    data = {"name": "Gemeente Utrecht", "kind": "gemeente", "cbs_code": "GM0344", "region": "Utrecht",
            "email_domains": "utrecht.nl", "is_g30": "y"}
    response = post_form(admin_client, f"/beheer/organisaties/{org_id}", data)
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Organisation, org_id).is_g30 is True


def test_organisation_list_shows_member_counts_with_the_same_queries_for_few_and_many(
        app, admin_client, count_queries):
    with app.app_context():
        org = factories.make_organisation(name="Gemeente Arnhem")
        for _ in range(3):
            factories.make_user(organisation=org)
        factories.make_user(organisation=org, status="disabled")
        org_id = org.id
    html = admin_client.get("/beheer/organisaties").get_data(as_text=True)
    assert f'href="/beheer/gebruikers?organisation={org_id}">3</a>' in html
    assert "(4 in totaal)" in html

    def queries() -> int:
        with count_queries() as counted:
            assert admin_client.get("/beheer/organisaties").status_code == 200
        return counted.count

    few = queries()
    with app.app_context():
        for n in range(40):
            factories.make_user(organisation=factories.make_organisation(domains=[f"d{n}.test"]))
    assert queries() == few


def test_several_organisations_without_cbs_code_or_domains_can_exist(app, admin_client, post_form):
    for name in ("Stichting Welzijn Oost", "ROC Midden"):
        data = {"name": name, "kind": "welzijn", "cbs_code": " ", "email_domains": ""}
        response = post_form(admin_client, "/beheer/organisaties/nieuw", data)
        assert response.status_code == 302
    with app.app_context():
        orgs = db.session.scalars(select(Organisation).order_by(Organisation.name)).all()
        assert [(o.name, o.cbs_code, o.region, o.allowed_domains) for o in orgs] == [
            ("ROC Midden", None, None, []), ("Stichting Welzijn Oost", None, None, [])]
