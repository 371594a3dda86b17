"""The member directory, the notification list and the moderation pages pass axe-core."""

from servicecentrum.extensions import db
from servicecentrum.forum import moderation, notify
from tests import factories
from tests.forum.test_notify_helpers import make_answer, make_question

from .conftest import assert_accessible, csp_violations, login_as, make_member


def _network(live_server, email: str) -> dict:
    """Members with expertise, a thread with a report, and a notification for the member."""
    with live_server.app.app_context():
        member = db.session.scalar(db.select(factories.User).where(factories.User.email == email))
        theme = factories.make_theme(name="Onderwijs")
        org = factories.make_organisation(name="Gemeente Zwolle", region="Overijssel")
        peer = factories.make_user(name="Yusuf Demir", organisation=org, expertise=[theme])
        question = make_question(author=peer, title="Hoe voorkomen jullie voortijdig schoolverlaten?",
                                 themes=[theme])
        answer = make_answer(question, author=member, body="Met **een vast aanspreekpunt** op school.")
        moderation.report_post(peer, answer, "Dit lijkt reclame.")
        notify.follow(member, "question", question.id)
        notify.question_answered(make_answer(question))
        return {"peer": peer.id, "answer": answer.id, "theme": theme.id}


def test_directory_and_notification_pages_are_accessible(live_server, page, console_messages):
    email, password = make_member(live_server, "officer")
    ids = _network(live_server, email)
    login_as(page, live_server, email, password)
    base = live_server.url
    for path in ("/leden", f"/leden?theme={ids['theme']}&region=Overijssel&q=yus", f"/leden/{ids['peer']}",
                 "/vragen/meldingen", f"/vragen/melden/question/{1}"):
        response = page.goto(base + path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Melding versturen").click()
    assert page.locator(".error-summary").is_visible()
    assert_accessible(page)
    assert not csp_violations(console_messages)


def test_moderation_pages_are_accessible(live_server, page, console_messages):
    email, password = make_member(live_server, "adviser")
    ids = _network(live_server, email)
    login_as(page, live_server, email, password)
    base = live_server.url
    answer_page = f"/vragen/moderatie/answer/{ids['answer']}"
    for path in ("/vragen/moderatie", answer_page, "/vragen/moderatie/question/1"):
        response = page.goto(base + path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Bericht verbergen").click()
    assert page.locator(".error-summary").is_visible()
    assert_accessible(page)
    assert not csp_violations(console_messages)
