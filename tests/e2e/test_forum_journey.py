"""Issue 5's journey in a real browser: ask (seeing similar content first), a peer answers, the
asker accepts, the people involved and a follower hear of it by e-mail, the digest goes once."""

from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.forum import notify
from servicecentrum.notifications.models import OutboxMail
from servicecentrum.search.sync import drain
from tests import factories
from tests.library.helpers import make_practice

from .conftest import assert_accessible, csp_violations, login_as, make_member

TITLE = "Hoe houden jullie stageplaatsen vast voor nieuwkomers?"


def _mails_to(live_server, address: str) -> list[tuple[str, str]]:
    with live_server.app.app_context():
        rows = db.session.scalars(select(OutboxMail).where(OutboxMail.to_address == address))
        return [(mail.subject, mail.body_text) for mail in rows]


def _context(browser, live_server, email, password):
    context = browser.new_context(locale="nl-NL")
    context.set_default_timeout(10_000)
    messages: list[str] = []
    page = context.new_page()
    page.on("console", lambda message: messages.append(message.text))
    login_as(page, live_server, email, password)
    return context, page, messages


def test_ask_answer_accept_notify_and_digest_once(live_server, browser):
    base = live_server.url
    asker, password = make_member(live_server, notify_frequency="immediately")
    answerer, _ = make_member(live_server, notify_frequency="immediately")
    follower, _ = make_member(live_server, notify_frequency="daily")
    with live_server.app.app_context():
        theme = factories.make_theme(name="Werk en stages")
        make_practice(title="Stageplaatsen vasthouden met één aanspreekpunt per leerbedrijf")
        who = db.session.scalar(select(factories.User).where(factories.User.email == follower))
        notify.follow(who, "theme", theme.id)
        db.session.commit()
        drain()

    asking, page, asker_console = _context(browser, live_server, asker, password)
    page.goto(f"{base}/vragen/nieuw")
    page.get_by_label("Uw vraag in één zin").fill(TITLE)
    similar = page.locator("#similar-results")
    practice_link = "Stageplaatsen vasthouden met één aanspreekpunt per leerbedrijf"
    similar.get_by_role("link", name=practice_link).wait_for()
    assert_accessible(page)
    page.get_by_label("Toelichting").fill("Leerbedrijven haken na een jaar af. Wat werkt bij jullie?")
    page.get_by_label("Werk en stages").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Vraag plaatsen").click()
    if page.get_by_role("button", name="Toch plaatsen").count():  # the "bekijk dit eerst" step
        with page.expect_navigation():
            page.get_by_role("button", name="Toch plaatsen").click()
    assert page.locator("h1").inner_text() == TITLE
    question_url = page.url

    answering, other, answerer_console = _context(browser, live_server, answerer, password)
    other.goto(question_url)
    other.get_by_role("textbox", name="Uw antwoord").fill(
        "Wij geven elk leerbedrijf één vaste contactpersoon bij de gemeente.")
    with other.expect_navigation():
        other.get_by_role("button", name="Antwoord plaatsen").click()
    assert "één vaste contactpersoon" in other.content()
    assert_accessible(other)

    page.goto(question_url)
    with page.expect_navigation():
        page.get_by_role("button", name="Markeer als beste antwoord").click()
    assert page.get_by_text("Beste antwoord", exact=True).count() >= 1
    assert_accessible(page)

    assert len(_mails_to(live_server, asker)) == 1          # the answer, mailed at once
    assert len(_mails_to(live_server, answerer)) == 1       # the acceptance, mailed at once
    assert _mails_to(live_server, follower) == []           # daily digest: nothing yet
    runner = live_server.app.test_cli_runner()
    assert runner.invoke(args=["mail", "digest", "--frequency", "daily"]).exit_code == 0
    assert runner.invoke(args=["mail", "digest", "--frequency", "daily"]).exit_code == 0
    digests = _mails_to(live_server, follower)
    assert len(digests) == 1 and TITLE in digests[0][1]
    assert csp_violations(asker_console + answerer_console) == []
    asking.close()
    answering.close()
