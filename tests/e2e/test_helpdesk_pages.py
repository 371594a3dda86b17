"""The helpdesk pages with ids and states the walker cannot reach pass axe-core."""

from datetime import timedelta

from servicecentrum.extensions import db
from servicecentrum.helpdesk import billing, sla
from servicecentrum.helpdesk.models import CannedReply
from tests import factories

from .conftest import assert_accessible, login_as, make_member, serious_violations


def test_queue_and_canned_pages_axe(live_server, page):
    email, password = make_member(live_server, "adviser")
    with live_server.app.app_context():
        me = db.session.scalar(db.select(factories.User).where(factories.User.email == email))
        other = factories.make_user("adviser", name="Bert Adviseur")
        programme = factories.make_programme(name="Jeugd en Veiligheid", advisers=[me, other])
        factories.make_theme(name="Onderwijs")
        today = sla.today()
        factories.make_ticket(programme=programme, subject="Te late vraag",
                              first_response_due=today - timedelta(days=2))
        factories.make_ticket(programme=programme, subject="Op tijd")
        reply = CannedReply(programme=programme, title="Standaard", body="Hallo")
        db.session.add(reply)
        db.session.commit()
        reply_id = reply.id
    login_as(page, live_server, email, password)
    for path in ("/helpdesk/wachtrij", "/helpdesk/wachtrij?overdue=y&status=all",
                 "/helpdesk/standaardantwoorden", "/helpdesk/standaardantwoorden/nieuw",
                 f"/helpdesk/standaardantwoorden/{reply_id}/bewerken"):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1
        assert_accessible(page)
    page.goto(live_server.url + "/helpdesk/wachtrij")
    page.get_by_label("Selecteer: Te late vraag").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Toewijzen").click()
    assert page.locator(".error-summary").is_visible()
    assert page.get_by_label("Selecteer: Te late vraag").is_checked()
    assert_accessible(page)
    page.get_by_label("Toewijzen aan").select_option(label="Bert Adviseur")
    with page.expect_navigation():
        page.get_by_role("button", name="Toewijzen").click()
    assert "1 vraag toegewezen aan Bert Adviseur." in page.content()
    page.goto(live_server.url + "/helpdesk/standaardantwoorden/nieuw")
    page.get_by_label("Tekst").fill("Getypt")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    assert page.locator(".error-summary").is_visible()
    assert page.get_by_label("Tekst").input_value() == "Getypt"
    assert_accessible(page)


def _seed_billing(live_server):
    with live_server.app.app_context():
        adviser = factories.make_user("adviser", name="Adviseur Anna")
        organisation = factories.make_organisation(name="Gemeente Proefstad")
        officer = factories.make_user("officer", organisation=organisation, name="Vrager Vera")
        programme = factories.make_programme(advisers=[adviser])
        ticket = factories.make_ticket(requester=officer, programme=programme, assignee=adviser)
        billing.log_time(ticket, adviser, billing.TimeData(sla.today(), 90, "Telefoon"))
        billing.create_quote(ticket, adviser, 75, "Twee werksessies")
        return adviser.email, officer.email, ticket.id, organisation.id


def _check(page, url, problems, fill=None):
    page.goto(url)
    if fill:
        fill(page)
    problems.extend(f"{page.url}: {v}" for v in serious_violations(page))


def test_billing_pages_are_accessible(live_server, page, browser):
    adviser, officer, ticket_id, org_id = _seed_billing(live_server)
    problems = []
    login_as(page, live_server, adviser, factories.PASSWORD)
    base = live_server.url
    _check(page, f"{base}/helpdesk/{ticket_id}", problems)
    _check(page, f"{base}/helpdesk/{ticket_id}/tijd", problems)
    page.locator('input[name="hours"]').fill("abc")
    with page.expect_navigation():
        page.locator('main form button[type="submit"]').click()
    assert page.locator(".error-summary").is_visible()
    problems.extend(f"time errors: {v}" for v in serious_violations(page))
    _check(page, f"{base}/helpdesk/{ticket_id}/offerte", problems)
    with page.expect_navigation():
        page.locator('main form button[type="submit"]').click()
    problems.extend(f"quote errors: {v}" for v in serious_violations(page))
    _check(page, f"{base}/rapportage/declaraties", problems)
    _check(page, f"{base}/rapportage", problems)
    context = browser.new_context()
    officer_page = context.new_page()
    login_as(officer_page, live_server, officer, factories.PASSWORD)
    _check(officer_page, f"{base}/helpdesk/{ticket_id}", problems)
    context.close()
    admin_ctx = browser.new_context()
    admin_page = admin_ctx.new_page()
    login_as(admin_page, live_server, *make_member(live_server, "admin"))
    _check(admin_page, f"{base}/beheer/organisaties/{org_id}", problems)
    _check(admin_page, f"{base}/beheer/organisaties", problems)
    admin_ctx.close()
    assert not problems, "\n".join(problems)


def test_resolved_linked_published_ticket_pages_are_accessible(live_server, browser):
    from servicecentrum.database import utcnow
    from servicecentrum.forum.models import Question
    from servicecentrum.helpdesk import services

    adviser_email, password = make_member(live_server, "adviser", name="Adviseur Ahmed")
    with live_server.app.app_context():
        adviser = db.session.scalar(db.select(factories.User).where(factories.User.email == adviser_email))
        officer = factories.make_user("officer", name="Vrager Vera")
        theme = factories.make_theme(name="Participatie")
        question = Question(title="Hoe betrekken jullie statushouders bij de wijk?", body="Ideeën?",
                            author=officer, organisation=officer.organisation)
        db.session.add(question)
        db.session.commit()
        ticket = factories.make_ticket(requester=officer, assignee=adviser, question=question,
                                       programme=factories.make_programme(advisers=[adviser]),
                                       theme_id=theme.id, publish_consent=True)
        services.add_message(ticket, adviser, "Begin met een buddy uit de buurt.")
        services.add_message(ticket, adviser, "Interne notitie: bel de wijkcoach.", kind="note")
        services.change_status(ticket, adviser, "resolved")
        ticket.published_at = utcnow()
        db.session.commit()
        ticket_id, question_id = ticket.id, question.id
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    login_as(page, live_server, adviser_email, password)
    for path in (f"/helpdesk/{ticket_id}", f"/helpdesk/{ticket_id}/signaal",
                 f"/vragen/{question_id}/signaal", f"/helpdesk/antwoorden/{ticket_id}",
                 "/helpdesk/signalen"):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert_accessible(page)
    page.goto(f"{live_server.url}/helpdesk/{ticket_id}/signaal")
    with page.expect_navigation():
        page.locator('main form button[type="submit"]').last.click()
    assert page.locator(".error-summary").is_visible()  # nothing filled in: errors, accessible
    assert_accessible(page)
    context.close()
