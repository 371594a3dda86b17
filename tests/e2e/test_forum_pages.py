"""The question pages pass axe-core: the list, a thread, the form with errors, "bekijk dit eerst",
and the similar questions that appear while typing a title."""

import pytest

from servicecentrum.extensions import db
from servicecentrum.search.sync import drain
from tests import factories
from tests.forum.test_qa_helpers import make_answer, make_question

from .conftest import assert_accessible, csp_violations, login_as, make_member


def _threads(live_server, email: str) -> int:
    """A few threads, one of them by the member with an accepted expert answer."""
    with live_server.app.app_context():
        author = db.session.scalar(db.select(factories.User).where(factories.User.email == email))
        adviser = factories.make_user(role="adviser", name="Ravi Adviseur")
        theme = factories.make_theme(name="Onderwijs")
        question = make_question(author, themes=[theme], title="Hoe pakken jullie schooluitval aan?",
                                 body="Wij zien **veel** uitval.\n\n- in het mbo\n- in het vo")
        make_answer(question, adviser, body="Kijk naar de *aanpak* met mentoren.", is_accepted=True,
                    useful_count=2)
        make_answer(question, factories.make_user(), body="Wij werken met maatjes.")
        make_question(None, title="Taalcoaches werven voor statushouders")
        drain()
        return question.id


@pytest.mark.parametrize("role", ["officer", "adviser"])
def test_question_pages_are_accessible(live_server, page, console_messages, role):
    email, password = make_member(live_server, role)
    question_id = _threads(live_server, email)
    login_as(page, live_server, email, password)
    base = live_server.url
    for path in ("/vragen", "/vragen?unanswered=y&sort=activity", f"/vragen/{question_id}",
                 f"/vragen/{question_id}/bewerken", f"/vragen/{question_id}/geschiedenis", "/vragen/nieuw"):
        response = page.goto(base + path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)

    page.goto(f"{base}/vragen/nieuw")
    page.get_by_label("Uw vraag in één zin").fill("Kort")
    with page.expect_navigation():
        page.get_by_role("button", name="Vraag plaatsen").click()
    assert page.locator(".error-summary").is_visible()
    assert page.get_by_label("Uw vraag in één zin").input_value() == "Kort"
    assert_accessible(page)
    assert not csp_violations(console_messages)


def test_similar_questions_appear_while_typing_and_without_javascript(live_server, browser):
    email, password = make_member(live_server)
    _threads(live_server, email)
    base = live_server.url
    for javascript in (True, False):
        context = browser.new_context(locale="nl-NL")
        context.set_default_timeout(10_000)
        if not javascript:  # as without JavaScript: similar.js never loads
            context.route("**/similar*.js", lambda route: route.abort())
        page = context.new_page()
        try:
            login_as(page, live_server, email, password)
            page.goto(f"{base}/vragen/nieuw")
            page.get_by_label("Uw vraag in één zin").fill("Schooluitval voorkomen in het mbo")
            if javascript:
                region = page.locator("#similar-results")
                region.get_by_role("link", name="Hoe pakken jullie schooluitval aan?").wait_for()
                assert region.get_attribute("aria-live") == "polite"
                continue
            with page.expect_navigation():
                page.get_by_role("button", name="Vraag plaatsen").click()
            assert page.locator("h1").inner_text() == "Bekijk dit eerst"
            assert page.get_by_role("link", name="Hoe pakken jullie schooluitval aan?").count() == 1
            typed = page.get_by_label("Uw vraag in één zin").input_value()
            assert typed == "Schooluitval voorkomen in het mbo"
            assert_accessible(page)
            with page.expect_navigation():
                page.get_by_role("button", name="Toch plaatsen").click()
            assert page.locator("h1").inner_text() == "Schooluitval voorkomen in het mbo"
        finally:
            context.close()
