"""Signals: staff mark a ticket or a thread (theme, anonymised description); staff see the list."""

from datetime import UTC, datetime

import pytest
from flask import render_template
from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.forum.models import Question
from servicecentrum.helpdesk.models import Ticket, TicketChange
from servicecentrum.signals import services as signals
from servicecentrum.signals import views as signal_views
from servicecentrum.signals.models import Signal
from tests import factories
from tests.forum.test_qa_helpers import make_question

DESCRIPTION = "Gemeenten vinden weinig aanbod voor taalles aan werkende nieuwkomers."


def _setup(app):
    """An officer's ticket in a programme with one adviser; a theme; a thread."""
    with app.app_context():
        adviser = factories.make_user("adviser")
        programme = factories.make_programme(advisers=[adviser])
        officer = factories.make_user("officer")
        ticket = factories.make_ticket(requester=officer, programme=programme, assignee=adviser)
        theme = factories.make_theme(name="Inburgering")
        question = make_question(officer, title="Hoe bereiken jullie werkende nieuwkomers?")
        return {"ticket": ticket.id, "officer": officer.id, "adviser": adviser.id, "theme": theme.id,
                "question": question.id}


def _signals() -> list[Signal]:
    return list(db.session.scalars(select(Signal).order_by(Signal.id)))


def _mark(client, post_form, url, theme_id, description=DESCRIPTION):
    return post_form(client, url, {"theme": str(theme_id), "description": description})


def test_an_adviser_marks_a_ticket_as_a_signal(app, client, login, post_form):
    ids = _setup(app)
    with app.app_context():
        login(client, ids["adviser"])
    url = f"/helpdesk/{ids['ticket']}/signaal"
    form_page = client.get(url).get_data(as_text=True)
    assert "Noem geen namen van personen of organisaties" in form_page
    assert '<label class="field__label" for="signal-description"' in form_page
    response = _mark(client, post_form, url, ids["theme"])
    assert response.status_code == 302
    assert response.headers["Location"] == f"/helpdesk/{ids['ticket']}#signalen"
    with app.app_context():
        (signal,) = _signals()
        assert (signal.source_type, signal.ticket_id, signal.question_id) == ("ticket", ids["ticket"], None)
        assert (signal.theme_id, signal.description) == (ids["theme"], DESCRIPTION)
        assert signal.created_by_id == ids["adviser"]
        change = db.session.scalar(select(TicketChange).where(TicketChange.action == "signal"))
        assert change.ticket_id == ids["ticket"] and change.is_internal is True


@pytest.mark.parametrize(("theme", "description", "message"), [
    ("", DESCRIPTION, "Kies een thema."),
    ("999999", DESCRIPTION, "Kies uit de lijst."),
    ("THEME", "Te kort", "Beschrijf het signaal in 20 tot 1000 tekens."),
    ("THEME", "x" * 1001, "Beschrijf het signaal in 20 tot 1000 tekens."),
    ("THEME", "", "Beschrijf het signaal."),
])
def test_a_bad_signal_is_refused_with_422_and_what_was_typed_kept(app, client, login, post_form,
                                                                   theme, description, message):
    ids = _setup(app)
    with app.app_context():
        login(client, ids["adviser"])
    theme = str(ids["theme"]) if theme == "THEME" else theme
    response = post_form(client, f"/helpdesk/{ids['ticket']}/signaal",
                         {"theme": theme, "description": description})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in html
    if description:
        assert description[:50] in html
    with app.app_context():
        assert _signals() == []


@pytest.mark.parametrize(("who", "status"), [("requester", 404), ("other_officer", 404),
                                               ("other_adviser", 404)])
def test_only_the_tickets_handlers_mark_it(app, client, login, post_form, who, status):
    ids = _setup(app)
    with app.app_context():
        if who == "requester":
            user = ids["officer"]
        elif who == "other_officer":
            user = factories.make_user("officer")
        else:
            user = factories.make_user("adviser", programmes=[factories.make_programme()])
        login(client, user)
    url = f"/helpdesk/{ids['ticket']}/signaal"
    assert client.get(url).status_code == status
    assert _mark(client, post_form, url, ids["theme"]).status_code == status
    with app.app_context():
        assert _signals() == []
    assert client.get("/helpdesk/999999/signaal").status_code == 404


def test_staff_mark_a_thread_and_officers_may_not(app, client, login, post_form):
    ids = _setup(app)
    url = f"/vragen/{ids['question']}/signaal"
    with app.app_context():
        login(client, ids["officer"])
    detail = client.get(f"/vragen/{ids['question']}").get_data(as_text=True)
    assert "Markeer als signaal" not in detail
    assert client.get(url).status_code == 403
    assert _mark(client, post_form, url, ids["theme"]).status_code == 403

    with app.app_context():
        login(client, ids["adviser"])
    detail = client.get(f"/vragen/{ids['question']}").get_data(as_text=True)
    assert f'href="{url}"' in detail and "Markeer als signaal" in detail
    assert client.get(url).status_code == 200
    assert post_form(client, url, {"theme": str(ids["theme"]), "description": "kort"}).status_code == 422
    response = _mark(client, post_form, url, ids["theme"])
    assert response.status_code == 302
    assert response.headers["Location"] == f"/vragen/{ids['question']}"
    assert client.get("/vragen/999999/signaal").status_code == 404
    with app.app_context():
        (signal,) = _signals()
        assert (signal.source_type, signal.question_id) == ("question", ids["question"])
        assert signal.ticket_id is None


def test_the_signal_list_is_for_staff_only(app, client, login):
    ids = _setup(app)
    with app.app_context():
        adviser = db.session.get(factories.User, ids["adviser"])
        theme_data = signals.SignalData(ids["theme"], DESCRIPTION)
        signals.mark_ticket(db.session.get(Ticket, ids["ticket"]), adviser, theme_data)
        signals.mark_question(db.session.get(Question, ids["question"]), adviser,
                              signals.SignalData(ids["theme"], "Scholen zoeken hulp bij ouderbetrokkenheid."))
        login(client, ids["officer"])
    assert client.get("/helpdesk/signalen").status_code == 403

    with app.app_context():
        login(client, ids["adviser"])
    html = client.get("/helpdesk/signalen").get_data(as_text=True)
    assert DESCRIPTION in html and "Scholen zoeken hulp bij ouderbetrokkenheid." in html
    assert "Inburgering" in html and "Helpdeskvraag" in html and "Vraag op het forum" in html
    assert '<th scope="col">' in html
    assert f'href="/helpdesk/{ids["ticket"]}"' in html

    with app.app_context():
        login(client, factories.make_user("adviser"))  # not in the ticket's programme
    html = client.get("/helpdesk/signalen").get_data(as_text=True)
    assert DESCRIPTION in html and f'href="/helpdesk/{ids["ticket"]}"' not in html


def test_the_ticket_page_part_shows_signals_and_the_form_to_handlers_only(app):
    ids = _setup(app)
    with app.test_request_context():
        ticket = db.session.get(Ticket, ids["ticket"])
        adviser = db.session.get(factories.User, ids["adviser"])
        officer = db.session.get(factories.User, ids["officer"])
        signals.mark_ticket(ticket, adviser, signals.SignalData(ids["theme"], DESCRIPTION))
        assert signal_views.signal_context(ticket, officer) == {}
        context = signal_views.signal_context(ticket, adviser)
        html = render_template("helpdesk/_detail_signal.html", ticket=ticket, **context)
        assert DESCRIPTION in html and "Inburgering" in html
        assert f'action="/helpdesk/{ticket.id}/signaal"' in html and 'id="signal-theme"' in html
        assert render_template("helpdesk/_detail_signal.html", ticket=ticket).strip() == ""


def test_counts_per_theme_and_quarter_follow_the_amsterdam_calendar(app_ctx):
    adviser = factories.make_user("adviser")
    work, school = factories.make_theme(name="Werk"), factories.make_theme(name="Onderwijs")
    ticket = factories.make_ticket(programme=factories.make_programme(advisers=[adviser]))
    moments = [
        (work, datetime(2026, 1, 5, 9, tzinfo=UTC)),
        (work, datetime(2026, 3, 31, 23, 30, tzinfo=UTC)),  # 1 April in Amsterdam: Q2
        (school, datetime(2026, 2, 1, 12, tzinfo=UTC)),
        (work, datetime(2026, 5, 1, 12, tzinfo=UTC)),
    ]
    for theme, moment in moments:
        signals.mark_ticket(ticket, adviser, signals.SignalData(theme.id, DESCRIPTION), now=moment)
    rows = [(r.year, r.quarter, r.theme_name, r.count) for r in signals.counts_by_theme_and_quarter()]
    assert rows == [(2026, 1, "Onderwijs", 1), (2026, 1, "Werk", 1), (2026, 2, "Werk", 2)]
    limited = signals.counts_by_theme_and_quarter(datetime(2026, 4, 1, tzinfo=UTC),
                                                  datetime(2026, 7, 1, tzinfo=UTC))
    assert [(r.quarter, r.theme_name, r.count) for r in limited] == [(2, "Werk", 1)]


def test_the_ticket_page_offers_the_signal_form_to_its_handlers_only(app, client, login, post_form):
    ids = _setup(app)
    url = f"/helpdesk/{ids['ticket']}"
    with app.app_context():
        login(client, ids["adviser"])
    _mark(client, post_form, f"{url}/signaal", ids["theme"])
    html = client.get(url).get_data(as_text=True)
    assert f'action="{url}/signaal"' in html and DESCRIPTION in html
    assert "Het signaal is vastgelegd" in html

    with app.app_context():
        login(client, ids["officer"])
    own = client.get(url).get_data(as_text=True)
    assert client.get(url).status_code == 200
    assert f'action="{url}/signaal"' not in own and DESCRIPTION not in own
