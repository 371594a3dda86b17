"""Each role's start page in a browser: blocks with the member's items, axe-core, no sideways scroll."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from servicecentrum.auth.models import User
from servicecentrum.database import utcnow
from servicecentrum.events.models import Registration
from servicecentrum.extensions import db
from servicecentrum.forum.models import Question
from servicecentrum.helpdesk import sla
from servicecentrum.library.models import Practice
from servicecentrum.notifications.inbox import Follow, Notification
from tests import factories

from .conftest import assert_accessible, login_as, make_member

WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SMALL = {"width": 320, "height": 640}
NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


def _user(email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


def _officer_world(live_server, email: str) -> None:
    with live_server.app.app_context():
        officer = _user(email)
        theme = factories.make_theme(name="Inburgering")
        db.session.add(Follow(user_id=officer.id, target_type="theme", target_id=theme.id))
        question = Question(title="Hoe organiseren jullie het taalcafé?", author=officer, answer_count=1)
        db.session.add(question)
        db.session.flush()
        db.session.add(Notification(user_id=officer.id, kind="answer", text="Nieuw antwoord", url="/vragen",
                                    subject_type="question", subject_id=question.id))
        factories.make_ticket(requester=officer, subject="Subsidie voor maatschappelijke begeleiding",
                              status="waiting")
        event = factories.make_event(title="Kennisatelier Statushouders")
        db.session.add(Registration(event=event, user=officer, status="confirmed"))
        db.session.add(Practice(title="Buddy's voor nieuwkomers", status="published", published_at=utcnow(),
                                themes=[theme]))
        db.session.commit()


def _adviser_world(live_server, email: str) -> None:
    with live_server.app.app_context():
        adviser = _user(email)
        theme = factories.make_theme(name="Onderwijs")
        adviser.expertise = [theme]
        programme = factories.make_programme(name="Onderwijs en Inburgering", advisers=[adviser])
        factories.make_ticket(programme=programme, subject="Schoolkeuze voor nieuwkomers",
                              first_response_due=sla.today())
        db.session.add(Question(title="Wie heeft ervaring met schakelklassen?", themes=[theme],
                                created_at=utcnow() - timedelta(days=2)))
        factories.make_event(title="Masterclass Onderwijsachterstanden", organisers=[adviser])
        db.session.commit()


def _admin_world(live_server) -> None:
    with live_server.app.app_context():
        factories.make_user(name="Karin Aanvrager", status="pending",
                            requested_organisation="Gemeente Elders")
        factories.make_outbox_mail(subject="Bevestig uw e-mailadres", status="failed")


def _check_widths(page) -> None:
    for size in (WIDE, PHONE):
        page.set_viewport_size(size)
        assert_accessible(page)
    for size in (PHONE, SMALL):
        page.set_viewport_size(size)
        assert page.evaluate(NO_SIDEWAYS_SCROLL), f"horizontal scroll at {size['width']} px"


@pytest.mark.parametrize("role", ["officer", "adviser", "admin"])
def test_start_page_blocks_show_the_members_items_accessibly_at_every_width(live_server, page, role):
    email, password = make_member(live_server, role, name="Sanne Jansen")
    expected = {
        "officer": {"Mijn open vragen aan collega's": "Hoe organiseren jullie het taalcafé?",
                    "Mijn vragen aan de helpdesk": "Subsidie voor maatschappelijke begeleiding",
                    "Mijn aanmeldingen voor bijeenkomsten": "Kennisatelier Statushouders",
                    "Nieuwe praktijken in uw thema's": "Buddy's voor nieuwkomers"},
        "adviser": {"Eerste reactie uiterlijk vandaag": "Schoolkeuze voor nieuwkomers",
                    "Onbeantwoorde vragen in uw thema's": "Wie heeft ervaring met schakelklassen?",
                    "Mijn volgende bijeenkomsten": "Masterclass Onderwijsachterstanden"},
        "admin": {"Aanvragen om toegang": "Karin Aanvrager",
                  "Mislukte e-mail": "Bevestig uw e-mailadres"},
    }[role]
    if role == "officer":
        _officer_world(live_server, email)
    elif role == "adviser":
        _adviser_world(live_server, email)
    else:
        _admin_world(live_server)
    page.set_viewport_size(WIDE)
    login_as(page, live_server, email, password)
    page.goto(f"{live_server.url}/overzicht")
    assert page.get_by_role("heading", level=1).inner_text() == "Welkom, Sanne Jansen"
    for title, item in expected.items():
        block = page.get_by_role("region", name=title)
        assert block.is_visible(), title
        assert block.get_by_text(item).is_visible(), item
    if role == "officer":
        helpdesk = page.get_by_role("region", name="Mijn vragen aan de helpdesk")
        assert helpdesk.get_by_text("Wacht op uw reactie").is_visible()
        questions = page.get_by_role("region", name="Mijn open vragen aan collega's")
        assert questions.get_by_text("1 nieuw").is_visible()
    if role == "adviser":
        queue = page.get_by_role("region", name="Mijn wachtrij")
        assert queue.get_by_role("link", name="1 nieuw, nog zonder behandelaar").is_visible()
    _check_widths(page)
    if role == "adviser":  # a number leads into the queue, filtered the same way
        page.set_viewport_size(WIDE)
        with page.expect_navigation():
            page.get_by_role("link", name="1 nieuw, nog zonder behandelaar").click()
        assert "/helpdesk/wachtrij?unassigned=y" in page.url
        assert page.get_by_role("link", name="Schoolkeuze voor nieuwkomers").is_visible()


def test_empty_start_page_offers_next_steps_and_the_follow_button_works(live_server, page):
    email, password = make_member(live_server, "officer")
    with live_server.app.app_context():
        factories.make_theme(name="Werk en participatie")
    login_as(page, live_server, email, password)
    page.goto(f"{live_server.url}/overzicht")
    assert page.get_by_role("link", name="Stel een vraag aan collega's").is_visible()
    assert page.get_by_role("link", name="Stel een vraag aan FORUM").is_visible()
    _check_widths(page)
    page.set_viewport_size(WIDE)
    with page.expect_navigation():
        page.get_by_role("button", name="Volg Werk en participatie").click()
    assert page.url.endswith("/overzicht")
    assert page.get_by_text("U volgt: Werk en participatie").is_visible()
