"""The admin lists count up to a limit: the total, 'meer dan', the pager and odd page numbers."""

from sqlalchemy import insert

from servicecentrum import paging
from servicecentrum.audit.models import AuditEvent
from servicecentrum.auth.models import User
from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from servicecentrum.notifications.models import OutboxMail
from tests import factories
from tests.list_pages import assert_odd_pages_never_fail, html, list_counts, next_link


def _admin(app, client, login) -> None:
    with app.app_context():
        login(client, factories.make_user(role="admin", name="Anna Beheer").id)


def _rows(model, count: int, **fields) -> None:
    now = utcnow()
    db.session.execute(insert(model), [{**{key: (value(n) if callable(value) else value)
                                           for key, value in fields.items()}, "created_at": now}
                                       for n in range(count)])
    db.session.commit()


def _audit_events(count: int) -> None:
    _rows(AuditEvent, count, action="logout", details={}, ip_address="192.0.2.1")


def _mails(count: int) -> None:
    _rows(OutboxMail, count, to_address=lambda n: f"lid{n}@proefstad.test", subject=lambda n: f"Bericht {n}",
          body_text="Tekst", message_id=lambda n: f"<lijst-{n}@servicecentrum.test>", status="sent")


def _users(count: int) -> None:
    _rows(User, count, email=lambda n: f"lid{n:03d}@proefstad.test", name=lambda n: f"Lid {n:03d}",
          role="officer", status="active", job_title="", notify_frequency="daily", hide_from_directory=False)


def test_every_admin_list_pages_with_its_total(app, client, login):
    _admin(app, client, login)
    with app.app_context():
        _audit_events(51)
        _mails(51)
        _users(50)  # and the admin: 51
    for url, total in (("/beheer/audit", "51 gebeurtenissen gevonden."),
                       ("/beheer/e-mail", "51 e-mails gevonden."),
                       ("/beheer/gebruikers?status=active", "51 gebruikers gevonden.")):
        first = html(client.get(url))
        assert total in first and "Pagina 1 van 2" in first, url
        assert "page=2" in next_link(first), url
        assert next_link(html(client.get(next_link(first)))) is None, url


def test_past_the_count_limit_the_lists_say_more_than(app, client, login, monkeypatch, count_queries):
    monkeypatch.setattr(paging, "COUNT_LIMIT", 60)
    _admin(app, client, login)
    with app.app_context():
        _audit_events(130)
        _mails(130)
    client.get("/beheer/audit")  # warm up
    with count_queries() as queries:
        audit = html(client.get("/beheer/audit"))
    assert "Meer dan 60 gebeurtenissen gevonden." in audit and "Pagina 1</p>" in audit
    assert all("LIMIT" in statement for statement in list_counts(queries.statements))
    assert "Meer dan 60 e-mails gevonden." in html(client.get("/beheer/e-mail"))
    assert client.get("/beheer/audit?page=3").status_code == 200
    assert client.get("/beheer/audit?page=4").status_code == 404


def test_admin_page_numbers_outside_the_list_show_the_first_or_last_page(app, client, login):
    _admin(app, client, login)
    with app.app_context():
        _audit_events(60)
        _mails(60)
        _users(60)
        for n in range(30):
            factories.make_user(status="pending", email_verified_at=utcnow(), name=f"Aanvrager {n:02d}")
    for url, last in (("/beheer/audit", "Pagina 2 van 2"), ("/beheer/e-mail", "Pagina 2 van 2"),
                      ("/beheer/gebruikers", "Pagina 2 van 2"), ("/beheer/organisaties", "Proef")):
        assert_odd_pages_never_fail(client, url, past_end="3", last_page_text=last)
    for page in ("0", "-2", "3", str(10**30)):
        response = client.get(f"/beheer/aanvragen?pagina={page}")
        assert response.status_code == 200 and "Aanvrager" in html(response), page
    assert "Pagina 2 van 2" in html(client.get("/beheer/aanvragen?pagina=99"))
