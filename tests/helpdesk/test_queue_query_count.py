"""The advisers' queue issues the same number of SQL queries with 10 and with 10,000 tickets."""

from datetime import timedelta

from sqlalchemy import func, insert, select

from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from servicecentrum.helpdesk import sla
from servicecentrum.helpdesk.models import STATUSES, Ticket
from tests.factories import make_organisation, make_programme, make_theme, make_user

LIMIT = 12
QUEUE = "/helpdesk/wachtrij"


def _world():
    """Two programmes, advisers, organisations and themes to spread the tickets over."""
    adviser, colleague = make_user("adviser", name="Anna Adviseur"), make_user("adviser")
    mine = make_programme(advisers=[adviser, colleague])
    other = make_programme(advisers=[make_user("adviser")])
    organisations = [make_organisation().id for _ in range(5)]
    themes = [make_theme().id for _ in range(3)]
    return {"adviser": adviser.id, "assignees": [None, adviser.id, colleague.id],
            "programmes": [mine.id, other.id], "organisations": organisations, "themes": themes}


def _add_tickets(world, start: int, count: int) -> None:
    """Insert tickets in bulk (not through the factory): due dates around today, some overdue."""
    today, now = sla.today(), utcnow()
    rows = []
    for n in range(start, start + count):
        rows.append({
            "subject": f"Vraag {n} over inburgering", "body": "Tekst",
            "programme_id": world["programmes"][n % 2],
            "organisation_id": world["organisations"][n % 5],
            "theme_id": world["themes"][n % 3],
            "assignee_id": world["assignees"][n % 3],
            "status": STATUSES[n % len(STATUSES)], "priority": "normal", "service_level": "basic",
            "routing_note": "", "publish_consent": False, "publish_named": False,
            "first_response_due": today + timedelta(days=n % 7 - 3),
            "resolution_due": today + timedelta(days=n % 21 - 5),
            "first_responded_at": now if n % 4 == 0 else None,
            "created_at": now - timedelta(minutes=n), "updated_at": now,
        })
    # The table, not the ORM class: every row has the same columns, so each chunk is one batch.
    for chunk in range(0, len(rows), 2000):
        db.session.execute(insert(Ticket.__table__), rows[chunk:chunk + 2000])
    db.session.commit()


def _count(client, count_queries, url: str) -> int:
    client.get(url)  # warm up: caches and the session
    with count_queries() as queries:
        response = client.get(url)
        assert response.status_code == 200
    if url == QUEUE:
        assert "Verlopen" in response.get_data(as_text=True)
    return queries.count


def test_the_queue_with_10_and_10000_tickets_issues_the_same_queries(app, client, login, count_queries):
    urls = (QUEUE, QUEUE + "?overdue=y&status=all&unassigned=y", QUEUE + "?mine=y&page=2")
    with app.app_context():
        world = _world()
        _add_tickets(world, 0, 10)
    login(client, world["adviser"])
    small = [_count(client, count_queries, url) for url in urls]
    with app.app_context():
        _add_tickets(world, 10, 9990)
        assert db.session.scalar(select(func.count(Ticket.id))) == 10000
    large = [_count(client, count_queries, url) for url in urls]
    print(f"queries with 10 tickets: {small}; with 10,000: {large}")
    assert small == large
    assert max(large) <= LIMIT
