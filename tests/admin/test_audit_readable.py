"""The audit log as an admin reads it: Dutch actions, linked objects, formatted values, filters."""

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from servicecentrum.admin.audit_labels import ACTION_LABELS
from servicecentrum.audit.services import record
from servicecentrum.extensions import db
from tests import factories
from tests.forum.test_qa_helpers import make_question

SOURCE = Path(__file__).resolve().parents[2] / "servicecentrum"
# The first argument of record(...): everything up to the first keyword argument.
RECORD_CALL = re.compile(r"\brecord\(\s*(.+?),\s*(?:actor|target|ip_address|batch)=", re.S)
LITERAL = re.compile(r"""f?"([a-z0-9_.{}()]+)\"""")


def recorded_actions() -> set[str]:
    """Every action name the code can write to the audit log, read from the source."""
    actions = set()
    for path in SOURCE.rglob("*.py"):
        for call in RECORD_CALL.finditer(path.read_text(encoding="utf-8")):
            for name in LITERAL.findall(call.group(1)):
                if "{post_type_of(post)}" in name:  # moderation: question_… and answer_…
                    actions |= {name.replace("{post_type_of(post)}", kind) for kind in ("question", "answer")}
                else:
                    actions.add(name)
    return actions


def add(action, at=None, **kwargs):
    event = record(action, ip_address=kwargs.pop("ip_address", "192.0.2.1"), **kwargs)
    if at is not None:
        event.created_at = at
    db.session.commit()
    return event


@pytest.fixture
def admin_client(app, client, login):
    with app.app_context():
        admin = factories.make_user(role="admin", name="Anna Beheer", email="anna@forum.test")
        login(client, admin.id)
    return client


def rows_of(html: str) -> str:
    return html.split("<tbody>")[1] if "<tbody>" in html else ""


def test_every_recorded_action_has_a_dutch_description():
    actions = recorded_actions()
    assert {"login_succeeded", "question_created", "question_hidden", "answer_restored",
            "event_check_in_undone", "setting_changed", "signal_marked"} <= actions
    missing = sorted(actions - set(ACTION_LABELS))
    assert not missing, f"actions without a Dutch description in audit_labels.py: {missing}"


def test_the_page_shows_dutch_descriptions_not_action_names(app, admin_client):
    with app.app_context():
        add("question_created", actor=factories.make_user(), target=make_question(title="Schooluitval"))
    html = rows_of(admin_client.get("/beheer/audit").get_data(as_text=True))
    assert ">Vraag gesteld</td>" in html and "question_created" not in html


def test_the_object_is_a_link_with_its_title(app, admin_client):
    with app.app_context():
        officer = factories.make_user(name="Sanne Jansen", email="sanne@zwolle.test")
        question = make_question(title="Hoe werkt het taalcafé?")
        ticket = factories.make_ticket(subject="Budget voor inburgering")
        event = factories.make_event(title="Masterclass Participatie")
        organisation = factories.make_organisation(name="Gemeente Zwolle")
        for action, target in (("question_created", question), ("ticket_published", ticket),
                               ("event_published", event), ("organisation_updated", organisation),
                               ("role_changed", officer)):
            add(action, actor=officer, target=target)
        ids = (question.id, ticket.id, event.id, organisation.id, officer.id)
    html = rows_of(admin_client.get("/beheer/audit").get_data(as_text=True))
    assert f'<a href="/vragen/{ids[0]}">Hoe werkt het taalcafé?</a>' in html
    assert f'<a href="/helpdesk/{ids[1]}">Budget voor inburgering</a>' in html
    assert f'<a href="/bijeenkomsten/{ids[2]}">Masterclass Participatie</a>' in html
    assert f'<a href="/beheer/organisaties/{ids[3]}">Gemeente Zwolle</a>' in html
    assert f'<a href="/beheer/gebruikers/{ids[4]}">Sanne Jansen (sanne@zwolle.test)</a>' in html


def test_an_object_that_no_longer_exists_is_plain_text(app, admin_client):
    with app.app_context():
        question = make_question(title="Weg ermee")
        add("question_created", actor=factories.make_user(), target=question)
        question_id = question.id
        db.session.delete(question)
        db.session.commit()
    html = rows_of(admin_client.get("/beheer/audit").get_data(as_text=True))
    assert f"Vraag {question_id} (bestaat niet meer)" in html
    assert f'href="/vragen/{question_id}"' not in html


def test_money_dates_booleans_and_roles_are_formatted(app, admin_client):
    with app.app_context():
        admin = factories.make_user(role="admin")
        add("setting_changed", actor=admin, setting="helpdesk_hourly_rate_cents", old=9500, new=123450)
        add("setting_changed", actor=admin, setting="mfa_required_for_all", old=False, new=True)
        add("audit_exported", actor=admin, rows=3, since="2024-03-02", until="2024-12-31")
        add("role_changed", actor=admin, target=admin, old="officer", new="adviser")
        add("organisation_updated", actor=admin, target=factories.make_organisation(),
            g30_old=False, g30_new=True, allowance_minutes_old=480, allowance_minutes_new=750)
    html = rows_of(admin_client.get("/beheer/audit").get_data(as_text=True))
    assert "Uurtarief aanvullende begeleiding" in html
    assert '<del class="audit-old">€\xa095,00</del>' in html
    assert '<ins class="audit-new">€\xa01.234,50</ins>' in html
    assert "Tweestapsverificatie verplicht voor iedereen" in html
    assert '<del class="audit-old">Nee</del>' in html and '<ins class="audit-new">Ja</ins>' in html
    assert "<dt>Vanaf</dt>" in html and "<dd>2 maart 2024</dd>" in html
    assert "<dd>31 december 2024</dd>" in html
    assert '<del class="audit-old">Lid</del>' in html and '<ins class="audit-new">Adviseur</ins>' in html
    assert "<dt>Vrije helpdeskuren per jaar</dt>" in html and '<ins class="audit-new">12,5 uur</ins>' in html
    assert "helpdesk_hourly_rate_cents" not in html and "_old" not in html


def test_a_routing_rule_change_names_the_theme_programme_and_adviser(app, admin_client):
    from servicecentrum.helpdesk.models import RoutingRule

    with app.app_context():
        adviser = factories.make_user(role="adviser", name="Ruud Adviseur")
        old = factories.make_programme(name="Sociale Cohesie")
        new = factories.make_programme(name="Jeugd en Veiligheid")
        theme = factories.make_theme(name="Onderwijs")
        rule = RoutingRule(name="Scholen", programme=new)
        db.session.add(rule)
        db.session.commit()
        add("routing_rule_updated", actor=adviser, target=rule, name=rule.name, programme_old=old.id,
            programme_new=new.id, theme_old=None, theme_new=theme.id, adviser_old=None,
            adviser_new=adviser.id, active_old=True, active_new=False)
        rule_id = rule.id
    html = rows_of(admin_client.get("/beheer/audit").get_data(as_text=True))
    assert f'<a href="/beheer/routering/{rule_id}/bewerken">Scholen</a>' in html
    assert '<del class="audit-old">Sociale Cohesie</del>' in html
    assert '<ins class="audit-new">Jeugd en Veiligheid</ins>' in html
    assert '<ins class="audit-new">Onderwijs</ins>' in html
    assert '<ins class="audit-new">Ruud Adviseur</ins>' in html
    assert "<dt>Actief</dt>" in html and '<ins class="audit-new">Nee</ins>' in html


@pytest.fixture
def varied_log(app, admin_client):
    with app.app_context():
        sanne = factories.make_user(name="Sanne Jansen", email="sanne@zwolle.test")
        piet = factories.make_user(name="Piet de Boer", email="piet@utrecht.test")
        add("login_succeeded", at=datetime(2024, 3, 1, 9, tzinfo=UTC), actor=sanne, target=sanne)
        add("question_created", at=datetime(2024, 3, 2, 22, 30, tzinfo=UTC), actor=piet,
            target=make_question())
        add("logout", at=datetime(2024, 3, 4, 12, tzinfo=UTC), actor=sanne)
    return admin_client


def shown(client, query: str) -> set[str]:
    rows = rows_of(client.get(f"/beheer/audit?{query}").get_data(as_text=True))
    return {label for label in ("Ingelogd", "Vraag gesteld", "Uitgelogd") if f">{label}</td>" in rows}


def test_filters_on_who_by_part_of_name_or_address(varied_log):
    assert shown(varied_log, "actor=jansen") == {"Ingelogd", "Uitgelogd"}
    assert shown(varied_log, "actor=UTRECHT") == {"Vraag gesteld"}
    assert shown(varied_log, "actor=100%25") == set()


def test_filters_on_what_with_dutch_choices(varied_log):
    html = varied_log.get("/beheer/audit").get_data(as_text=True)
    assert '<option value="question_created">Vraag gesteld</option>' in html
    assert shown(varied_log, "action=question_created") == {"Vraag gesteld"}


def test_filters_on_when_in_dutch_date_format(varied_log):
    assert shown(varied_log, "van=02-03-2024&tot=03-03-2024") == {"Vraag gesteld"}
    assert shown(varied_log, "van=2024-03-04") == {"Uitgelogd"}


@pytest.mark.parametrize("query", ["van=31-02-2024", "tot=morgen", "van=2024-13-01"])
def test_a_bad_date_gets_a_dutch_message_not_a_500(varied_log, query):
    response = varied_log.get(f"/beheer/audit?{query}")
    assert response.status_code == 422
    assert "Vul een geldige datum in, zoals 28-11-2026." in response.get_data(as_text=True)


def test_the_log_is_paginated(app, admin_client):
    with app.app_context():
        admin = factories.make_user(role="admin")
        start = datetime(2024, 1, 1, tzinfo=UTC)
        for n in range(60):
            add("logout", at=start + timedelta(minutes=n), actor=admin)
    first = admin_client.get("/beheer/audit").get_data(as_text=True)
    assert first.count(">Uitgelogd</td>") == 50
    assert "Pagina 1 van 2" in first and 'rel="next"' in first
    second = admin_client.get("/beheer/audit?page=2").get_data(as_text=True)
    assert second.count(">Uitgelogd</td>") == 10


def test_the_table_reflows_on_phones(app, admin_client):
    with app.app_context():
        add("logout", actor=factories.make_user())
    html = admin_client.get("/beheer/audit").get_data(as_text=True)
    assert 'class="table table--reflow' in html
    assert 'data-label="Handeling"' in html and 'data-label="Betreft"' in html


def _fill(total: int) -> None:
    """Add audit events about five kinds of object, so every page shows all five kinds."""
    officer = factories.make_user()
    kinds = [factories.make_user, factories.make_organisation, make_question, factories.make_ticket,
             factories.make_event]
    targets = [[make() for _ in range(3)] for make in kinds]
    actions = ["role_changed", "organisation_updated", "question_created", "ticket_published",
               "event_published"]
    for n in range(total):
        kind = n % 5
        add(actions[kind], actor=officer, target=targets[kind][n % 3], old_status="a", new_status="b")


def test_the_query_count_is_the_same_for_5_and_500_events(app, admin_client, count_queries):
    counts = []
    for total in (5, 500):
        with app.app_context():
            _fill(total if not counts else total - 5)
        with count_queries() as queries:
            assert admin_client.get("/beheer/audit").status_code == 200
        counts.append(queries.count)
    assert counts[0] == counts[1], counts
