"""The Markdown editor on the question form: toolbar by keyboard, server preview, dropped
attachments with upload progress, and similar questions in view while typing the title."""

import re

import pytest

from servicecentrum.extensions import db
from servicecentrum.search.sync import drain
from tests import factories
from tests.forum.test_qa_helpers import make_question
from tests.library.helpers import PDF_BYTES

from .conftest import assert_accessible, csp_violations, login_as, make_member

SIMILAR_TITLE = "Hoe pakken jullie schooluitval aan?"
DROP_FILE = """([name, bytes]) => {
  const transfer = new DataTransfer();
  transfer.items.add(new File([new Uint8Array(bytes)], name, {type: "application/pdf"}));
  const target = document.querySelector("textarea[data-markdown-editor]");
  for (const type of ["dragenter", "dragover", "drop"]) {
    target.dispatchEvent(new DragEvent(type, {dataTransfer: transfer, bubbles: true, cancelable: true}));
  }
}"""


def _demo_question(live_server) -> None:
    with live_server.app.app_context():
        theme = factories.make_theme(name="Onderwijs")
        make_question(factories.make_user(), themes=[theme], title=SIMILAR_TITLE,
                      body="Wij zien veel uitval in het mbo.")
        drain()


def _in_view(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def _tab_to(page, name: str, limit: int = 25) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.textContent.trim()") == name:
            return
    raise AssertionError(f"Tab never reached the button {name!r}")


def test_write_format_preview_attach_and_post_a_question(live_server, page, console_messages):
    email, password = make_member(live_server)
    _demo_question(live_server)
    page.set_viewport_size({"width": 1280, "height": 800})
    login_as(page, live_server, email, password)
    page.goto(f"{live_server.url}/vragen/nieuw")

    page.get_by_label("Uw vraag in één zin").fill("Schooluitval voorkomen in het mbo")
    similar = page.locator("#similar-results").get_by_role("link", name=SIMILAR_TITLE)
    similar.wait_for()
    assert _in_view(page, similar)

    body = page.get_by_label("Toelichting")
    body.fill("veel uitval")
    body.evaluate("(area) => area.setSelectionRange(0, 4)")
    page.get_by_label("Uw vraag in één zin").focus()
    _tab_to(page, "BVet")  # the toolbar's first button: a visible "B", named "Vet"
    assert page.evaluate("document.activeElement.getAttribute('data-md-button')") == "bold"
    page.keyboard.press("Enter")
    assert body.input_value() == "**veel** uitval"
    body.evaluate("(area) => area.setSelectionRange(area.value.length - 6, area.value.length)")
    body.press("Control+i")
    assert body.input_value() == "**veel** _uitval_"

    body.fill("Wij zien **veel** uitval.\n\n<script>window.hacked = 1</script>\n\n"
              "| Stad | Aantal |\n|---|---|\n| Gouda | 3 |")
    page.get_by_role("button", name="Voorbeeld").click()
    preview = page.get_by_role("region", name="Voorbeeld")
    preview.locator("strong", has_text="veel").wait_for()
    assert preview.get_attribute("aria-live") == "polite"
    assert preview.locator("td", has_text="Gouda").count() == 1
    assert "<script>window.hacked = 1</script>" in preview.inner_text()
    assert page.evaluate("window.hacked") is None
    assert not body.is_visible()
    assert page.get_by_role("button", name="Voorbeeld").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="Schrijven").click()
    assert body.is_visible()

    page.evaluate(DROP_FILE, ["plan.pdf", list(PDF_BYTES)])
    listed = page.get_by_role("list", name="Gekozen bijlagen")
    assert "plan.pdf" in listed.inner_text() and "kB" in listed.inner_text()
    assert page.evaluate("document.querySelector('#attachments').files.length") == 1
    page.get_by_role("button", name="Verwijderen plan.pdf").click()
    assert page.evaluate("document.querySelector('#attachments').files.length") == 0
    page.evaluate(DROP_FILE, ["plan.pdf", list(PDF_BYTES)])

    page.get_by_role("button", name="Vraag plaatsen").click()
    page.locator("h1", has_text="Schooluitval voorkomen in het mbo").wait_for()
    assert re.search(r"/vragen/\d+$", page.url)
    assert page.get_by_text("Uw vraag is geplaatst.").is_visible()
    assert page.get_by_role("link", name="plan.pdf").is_visible()
    assert page.locator("main strong", has_text="veel").count() == 1
    assert page.evaluate("window.hacked") is None
    assert not csp_violations(console_messages)
    with live_server.app.app_context():
        from servicecentrum.forum.models import PostAttachment

        assert db.session.scalar(db.select(db.func.count(PostAttachment.id))) == 1


@pytest.mark.parametrize("width,height", [(1280, 800), (390, 844)])
def test_question_form_with_editor_is_accessible_and_shows_similar_content_in_view(
        live_server, page, console_messages, width, height):
    email, password = make_member(live_server)
    _demo_question(live_server)
    page.set_viewport_size({"width": width, "height": height})
    login_as(page, live_server, email, password)
    page.goto(f"{live_server.url}/vragen/nieuw")
    page.get_by_role("toolbar", name="Opmaak").wait_for()
    assert page.locator("#themes input[type='checkbox']").count() >= 1
    assert_accessible(page)

    page.get_by_label("Uw vraag in één zin").fill("Schooluitval bij nieuwkomers")
    similar = page.locator("#similar-results").get_by_role("link", name=SIMILAR_TITLE)
    similar.wait_for()
    assert _in_view(page, similar)
    page.get_by_label("Toelichting").fill("**Vet** en een [link](https://example.org)")
    page.get_by_role("button", name="Voorbeeld").click()
    page.get_by_role("region", name="Voorbeeld").get_by_role("link", name="link").wait_for()
    assert_accessible(page)

    # A validation error after an upload by XMLHttpRequest: the page with the Dutch errors
    # replaces the form, with what was typed, and the editor works again.
    page.get_by_role("button", name="Schrijven").click()
    page.get_by_label("Uw vraag in één zin").fill("Kort")
    page.evaluate(DROP_FILE, ["plan.pdf", list(PDF_BYTES)])
    page.get_by_role("button", name="Vraag plaatsen").click()
    page.locator(".error-summary").wait_for()
    assert "tussen 10 en 200 tekens" in page.locator(".error-summary").inner_text()
    assert page.get_by_label("Uw vraag in één zin").input_value() == "Kort"
    assert page.get_by_label("Toelichting").input_value() == "**Vet** en een [link](https://example.org)"
    page.get_by_role("toolbar", name="Opmaak").wait_for()
    assert_accessible(page)
    assert not csp_violations(console_messages)


@pytest.mark.parametrize("width,height", [(1280, 800), (390, 844)])
def test_the_editor_is_on_the_answer_practice_and_new_ticket_forms(live_server, page, console_messages,
                                                                     width, height):
    email, password = make_member(live_server)
    with live_server.app.app_context():
        factories.make_programme(slug="servicecentrum-integratiebeleid",
                                 advisers=[factories.make_user("adviser")])
        theme = factories.make_theme(name="Inburgering")
        theme_id = theme.id
        question_id = make_question(factories.make_user(), title=SIMILAR_TITLE).id
    page.set_viewport_size({"width": width, "height": height})
    login_as(page, live_server, email, password)
    for path, label in ((f"/vragen/{question_id}", "Uw antwoord"), ("/praktijken/nieuw", "Beschrijving"),
                        ("/helpdesk/nieuw", "Uw vraag")):
        page.goto(live_server.url + path)
        page.get_by_role("toolbar", name="Opmaak").wait_for()
        page.get_by_role("textbox", name=label, exact=True).fill("Een **vette** zin")
        page.get_by_role("button", name="Voorbeeld").click()
        page.get_by_role("region", name="Voorbeeld").locator("strong", has_text="vette").wait_for()
        assert_accessible(page)
        page.get_by_role("button", name="Schrijven").click()

    # The new helpdesk question: a dropped file goes up with the question, with progress.
    page.get_by_label("Onderwerp").fill("Plan van aanpak inburgering")
    page.get_by_label("Thema").select_option(str(theme_id))
    page.evaluate(DROP_FILE, ["plan.pdf", list(PDF_BYTES)])
    assert "plan.pdf" in page.get_by_role("list", name="Gekozen bijlagen").inner_text()
    page.get_by_role("button", name="Vraag versturen").click()
    page.locator("h1", has_text="Plan van aanpak inburgering").wait_for()
    assert re.search(r"/helpdesk/\d+$", page.url)
    assert page.get_by_role("link", name=re.compile("plan.pdf")).count() >= 1
    assert not csp_violations(console_messages)
