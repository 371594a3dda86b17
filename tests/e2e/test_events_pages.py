"""The event pages with ids and states the accessibility walker cannot reach pass axe-core."""

from datetime import timedelta

from servicecentrum.database import utcnow
from servicecentrum.events import booking, evaluation
from servicecentrum.events.models import EventQuestion
from servicecentrum.extensions import db
from tests import factories

from .conftest import assert_accessible, login_as, make_member, serious_violations


def test_attendee_list_and_results_pages_are_accessible(live_server, page):
    email, password = make_member(live_server, "adviser")
    m_email, m_password = make_member(live_server, "officer")
    with live_server.app.app_context():
        me = db.session.scalar(db.select(factories.User).where(factories.User.email == email))
        member = db.session.scalar(db.select(factories.User).where(factories.User.email == m_email))
        ev = factories.make_event(organisers=[me], capacity=1,
                                  starts_at=utcnow().replace(microsecond=0) - timedelta(hours=3))
        db.session.add_all([EventQuestion(event=ev, purpose="registration", label="Dieet"),
                            EventQuestion(event=ev, purpose="evaluation", label="Nuttig?", choices="Ja\nNee",
                                          required=True),
                            EventQuestion(event=ev, purpose="evaluation", label="Wat mist u?")])
        db.session.commit()
        booking.register(ev, member, now=ev.starts_at - timedelta(days=1))
        for _ in range(2):
            booking.register(ev, factories.make_user(), now=ev.starts_at - timedelta(days=1))
        evaluation.submit_evaluation(ev, db.session.get(factories.User, member.id), 4, "Goed",
                                     {str(q.id): "Ja" for q in ev.questions if q.required})
        eid = ev.id
    login_as(page, live_server, email, password)
    for path in (f"/bijeenkomsten/{eid}/deelnemers", f"/bijeenkomsten/{eid}/evaluatie/resultaten",
                 f"/bijeenkomsten/{eid}"):
        r = page.goto(live_server.url + path)
        assert r.status == 200, path
        assert page.locator("h1").count() == 1
        assert_accessible(page)
    page.goto(live_server.url + f"/bijeenkomsten/{eid}/deelnemers")
    page.get_by_label("E-mailadres van het lid").fill("nobody@x.test")
    with page.expect_navigation():
        page.get_by_role("button", name="Toevoegen").click()
    assert page.get_by_label("E-mailadres van het lid").input_value() == "nobody@x.test"
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Markeer").first.click()
    assert_accessible(page)
    assert page.get_by_role("button", name="Aanwezigheid van").count() == 1


def test_evaluation_form_is_accessible_with_errors(live_server, page):
    m_email, m_password = make_member(live_server, "officer")
    with live_server.app.app_context():
        member = db.session.scalar(db.select(factories.User).where(factories.User.email == m_email))
        ev = factories.make_event(starts_at=utcnow().replace(microsecond=0) - timedelta(hours=3))
        db.session.add_all([EventQuestion(event=ev, purpose="evaluation", label="Nuttig?", choices="Ja\nNee",
                                          required=True),
                            EventQuestion(event=ev, purpose="evaluation", label="Wat mist u?")])
        db.session.commit()
        booking.register(ev, member, now=ev.starts_at - timedelta(days=1))
        eid = ev.id
    login_as(page, live_server, m_email, m_password)
    page.goto(live_server.url + f"/bijeenkomsten/{eid}/evaluatie")
    assert_accessible(page)
    page.get_by_label("Wat mist u?").fill("Meer praktijk")
    with page.expect_navigation():
        page.get_by_role("button", name="Evaluatie versturen").click()
    assert page.locator(".error-summary").is_visible()
    assert page.get_by_label("Wat mist u?").input_value() == "Meer praktijk"
    assert_accessible(page)
    page.get_by_label("4 – tevreden").check()
    page.get_by_label("Ja").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Evaluatie versturen").click()
    assert "Bedankt voor uw evaluatie." in page.content()
    assert "U heeft deze bijeenkomst geëvalueerd" in page.content()
    page.goto(live_server.url + f"/bijeenkomsten/{eid}/evaluatie")
    assert_accessible(page)


def test_event_list_detail_registration_and_organiser_pages_are_accessible(live_server, page):
    email, password = make_member(live_server, "admin")
    oemail, opw = make_member(live_server, "officer")
    with live_server.app.app_context():
        theme = factories.make_theme(name="Inburgering")
        full = factories.make_event(title="Volle masterclass", capacity=1, theme=theme,
                                    online_url="https://x.example/a")
        booking.register(full, factories.make_user())
        ev = factories.make_event(title="Atelier", theme=theme)
        db.session.add_all([EventQuestion(event=ev, label="Dieet", required=True, choices="Geen\nVega"),
                            EventQuestion(event=ev, label="Verwachtingen", required=False),
                            EventQuestion(event=ev, purpose="evaluation", label="Cijfer?")])
        db.session.commit()
        factories.make_event(title="Concept", status="draft")
        factories.make_event(title="G30", audience="g30")
        ids = ev.id, full.id
    problems = []
    login_as(page, live_server, oemail, opw)
    for path in ["/bijeenkomsten", "/bijeenkomsten?periode=afgelopen", f"/bijeenkomsten/{ids[0]}",
                 f"/bijeenkomsten/{ids[1]}"]:
        r = page.goto(live_server.url + path)
        assert r.status == 200, path
        assert page.locator("h1").count() == 1
        problems += [f"{path}: {v}" for v in serious_violations(page)]
    page.goto(live_server.url + f"/bijeenkomsten/{ids[0]}")
    page.get_by_label("Verwachtingen").fill("Getypt")
    with page.expect_navigation():
        page.get_by_role("button", name="Aanmelden").click()
    assert page.get_by_label("Verwachtingen").input_value() == "Getypt"
    problems += [f"reg error: {v}" for v in serious_violations(page)]
    page.get_by_label("Vega").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Aanmelden").click()
    assert "U bent aangemeld" in page.content()
    problems += [f"registered: {v}" for v in serious_violations(page)]
    page.goto(live_server.url + f"/bijeenkomsten/{ids[1]}")
    with page.expect_navigation():
        page.get_by_role("button", name="Op de wachtlijst").click()
    assert "plaats 1" in page.content()
    problems += [f"waitlisted: {v}" for v in serious_violations(page)]
    page.context.clear_cookies()
    login_as(page, live_server, email, password)
    for path in ["/bijeenkomsten", "/bijeenkomsten/nieuw", f"/bijeenkomsten/{ids[0]}",
                 f"/bijeenkomsten/{ids[0]}/bewerken", f"/bijeenkomsten/{ids[0]}/vragen",
                 f"/bijeenkomsten/{ids[0]}/annuleren"]:
        r = page.goto(live_server.url + path)
        assert r.status == 200, path
        assert page.locator("h1").count() == 1, path
        problems += [f"{path}: {v}" for v in serious_violations(page)]
    page.goto(live_server.url + "/bijeenkomsten/nieuw")
    page.get_by_label("Titel").fill("Mijn titel")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan als concept").click()
    assert page.get_by_label("Titel").input_value() == "Mijn titel"
    problems += [f"create error: {v}" for v in serious_violations(page)]
    page.goto(live_server.url + f"/bijeenkomsten/{ids[0]}/annuleren")
    with page.expect_navigation():
        page.get_by_role("button", name="Bijeenkomst annuleren").click()
    problems += [f"cancel error: {v}" for v in serious_violations(page)]
    assert not problems, "\n".join(problems)


def test_offer_and_calendar_feed_pages_are_accessible(live_server, page):
    email, password = make_member(live_server, "officer")
    with live_server.app.app_context():
        member = db.session.scalar(db.select(factories.User).where(factories.User.email == email))
        event = factories.make_event(capacity=1)
        first = booking.register(event, factories.make_user())
        waiting = booking.register(event, member)
        booking.cancel(first)
        offer_id = waiting.id
    login_as(page, live_server, email, password)
    for path in (f"/bijeenkomsten/aanbod/{offer_id}", "/bijeenkomsten/agenda"):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert_accessible(page)
    with page.expect_navigation():
        page.locator('main form button[type="submit"]').first.click()
    assert "/bijeenkomsten/agenda/" in page.content()  # the new secret link, shown once
    assert_accessible(page)
