"""The queue counts up to a limit and 'Mijn vragen' not at all: pagers and odd page numbers."""

from sqlalchemy import insert

from servicecentrum import paging
from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from servicecentrum.helpdesk.models import Ticket
from tests.factories import make_programme, make_user
from tests.list_pages import assert_odd_pages_never_fail, html, list_counts, next_link

QUEUE = "/helpdesk/wachtrij"


def _tickets(count: int, programme_id: int, requester_id: int | None = None) -> None:
    now = utcnow()
    db.session.execute(insert(Ticket), [
        {"subject": f"Bulkvraag {n:03d}", "body": "", "programme_id": programme_id, "status": "new",
         "priority": "normal", "service_level": "basic", "routing_note": "", "created_at": now,
         "updated_at": now, "publish_consent": False, "publish_named": False, "requester_id": requester_id}
        for n in range(count)])
    db.session.commit()


def _adviser_with(app, client, login, count: int) -> None:
    with app.app_context():
        adviser = make_user("adviser")
        _tickets(count, make_programme(advisers=[adviser]).id)
        login(client, adviser)


def test_the_queue_shows_volgende_exactly_when_there_are_more_tickets(app, client, login):
    _adviser_with(app, client, login, 50)
    full = html(client.get(QUEUE))
    assert "50 vragen gevonden." in full and next_link(full) is None
    with app.app_context():
        _tickets(1, db.session.scalar(db.select(Ticket.programme_id).limit(1)))
    first = html(client.get(QUEUE + "?unassigned=y"))
    assert "51 vragen gevonden." in first and "Pagina 1 van 2" in first
    assert "unassigned=y" in next_link(first)
    assert next_link(html(client.get(next_link(first)))) is None


def test_past_the_count_limit_the_queue_says_more_than(app, client, login, monkeypatch, count_queries):
    monkeypatch.setattr(paging, "COUNT_LIMIT", 40)
    _adviser_with(app, client, login, 120)
    client.get(QUEUE)  # warm up
    with count_queries() as queries:
        first = html(client.get(QUEUE))
    assert "Meer dan 40 vragen gevonden." in first and "Pagina 1</p>" in first and next_link(first)
    [counted] = list_counts(queries.statements)
    assert "LIMIT" in counted
    assert "Bulkvraag" in html(client.get(QUEUE + "?page=3"))
    assert client.get(QUEUE + "?page=4").status_code == 404


def test_queue_page_numbers_outside_the_list_show_the_first_or_last_page(app, client, login):
    _adviser_with(app, client, login, 60)
    assert_odd_pages_never_fail(client, QUEUE + "?status=all", past_end="3", last_page_text="Pagina 2 van 2")


def test_mijn_vragen_pages_without_counting(app, client, login, count_queries):
    with app.app_context():
        officer = make_user()
        _tickets(26, make_programme().id, requester_id=officer.id)
        login(client, officer)
    client.get("/helpdesk")  # warm up
    with count_queries() as queries:
        first = html(client.get("/helpdesk"))
    assert list_counts(queries.statements) == [] and queries.count <= 12
    assert "Pagina 1</p>" in first and "page=2" in next_link(first)
    assert next_link(html(client.get(next_link(first)))) is None
    assert_odd_pages_never_fail(client, "/helpdesk", past_end="3", last_page_text=None)
