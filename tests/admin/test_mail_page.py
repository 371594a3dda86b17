"""Where the local mail goes: the outbox page for admins, and the console backend."""

import io
import re
from datetime import timedelta

import pytest

from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from servicecentrum.notifications import console
from servicecentrum.notifications.models import OutboxMail
from servicecentrum.notifications.sender import send_due
from tests import factories
from tests.conftest import app_for

LINK = "http://127.0.0.1:5000/registreren/bevestigen/abc123"


def _admin_client(app, login):
    client = app.test_client()
    with app.app_context():
        login(client, factories.make_user(role="admin"))
    return client


@pytest.mark.parametrize("role", ["officer", "adviser"])
def test_only_admins_see_the_outbox(app, login, role):
    with app.app_context():
        mail_id = factories.make_outbox_mail().id
    client = app.test_client()
    with app.app_context():
        login(client, factories.make_user(role=role))
    assert client.get("/beheer/e-mail").status_code == 403
    assert client.get(f"/beheer/e-mail/{mail_id}").status_code == 403
    anonymous = app.test_client()
    assert anonymous.get("/beheer/e-mail").headers["Location"].startswith("/inloggen")


def test_the_outbox_lists_each_mail_with_status_and_error(app, login):
    with app.app_context():
        factories.make_outbox_mail(to_address="sanne@zwolle.test", subject="Bevestig uw e-mailadres")
        factories.make_outbox_mail(subject="Niet aangekomen", status="failed", attempts=8,
                                   last_error="SMTPRecipientsRefused: 550 onbekend")
        factories.make_outbox_mail(subject="Al weg", status="sent", sent_at=utcnow())
    page = _admin_client(app, login).get("/beheer/e-mail").get_data(as_text=True)
    assert "sanne@zwolle.test" in page and "Bevestig uw e-mailadres" in page
    assert "Mislukt" in page and "550 onbekend" in page and "Verzonden" in page
    assert "3 e-mails gevonden." in page
    assert 'class="table table--reflow' in page and 'data-label="Status"' in page
    assert 'href="/beheer/e-mail"' in page  # in the admin menu


def test_the_outbox_filters_on_failed(app, login):
    with app.app_context():
        factories.make_outbox_mail(subject="Gewoon bericht")
        factories.make_outbox_mail(subject="Niet aangekomen", status="failed", last_error="kapot")
    page = _admin_client(app, login).get("/beheer/e-mail?status=failed").get_data(as_text=True)
    assert "Niet aangekomen" in page and "Gewoon bericht" not in page
    assert "1 e-mail gevonden." in page


def test_an_unknown_status_filter_is_a_dutch_message_not_a_500(app, login):
    response = _admin_client(app, login).get("/beheer/e-mail?status=kwijt")
    assert response.status_code == 422
    assert "Ongeldige keuze." in response.get_data(as_text=True)


def test_the_outbox_page_issues_the_same_queries_for_5_and_50_mails(app, login, count_queries):
    client = _admin_client(app, login)
    counts = []
    for total in (5, 50):
        with app.app_context():
            for _ in range(total - db.session.query(OutboxMail).count()):
                factories.make_outbox_mail()
        with count_queries() as queries:
            assert client.get("/beheer/e-mail").status_code == 200
        counts.append(queries.count)
    assert counts[0] == counts[1]


def test_a_mail_opens_with_its_text_and_a_clickable_link(app, login):
    body = f"Beste Sanne,\n\nBevestig uw adres via {LINK}.\n\n<script>niet uitvoeren</script>"
    with app.app_context():
        mail_id = factories.make_outbox_mail(subject="Bevestig uw e-mailadres", body_text=body).id
    client = _admin_client(app, login)
    page = client.get(f"/beheer/e-mail/{mail_id}").get_data(as_text=True)
    assert "<h1>Bevestig uw e-mailadres</h1>" in page
    assert f'<a href="{LINK}">{LINK}</a>.' in page  # the full stop is not part of the link
    assert "<script>niet uitvoeren" not in page and "&lt;script&gt;" in page
    assert client.get("/beheer/e-mail/999999").status_code == 404


def test_without_a_mail_server_the_console_backend_is_used(tmp_path, database_url):
    assert console.mail_backend({"MAIL_SERVER": None}) == "console"
    assert console.mail_backend({"MAIL_SERVER": "smtp.example"}) == "smtp"
    assert console.mail_backend({"MAIL_SERVER": "smtp.example", "MAIL_BACKEND": "console"}) == "console"
    with app_for(tmp_path, database_url, MAIL_SERVER=None) as app, app.app_context():
        assert console.mail_backend() == "console"


def test_the_console_backend_prints_the_mail_and_marks_it_sent(app_ctx, capsys):
    app_ctx.config.update(MAIL_BACKEND="console")
    mail = factories.make_outbox_mail(to_address="sanne@zwolle.test", subject="Bevestig uw e-mailadres",
                                      body_text=f"Klik op {LINK}")
    report = send_due()
    assert report.sent == 1
    printed = capsys.readouterr().out
    assert "To:      sanne@zwolle.test" in printed
    assert "Subject: Bevestig uw e-mailadres" in printed
    assert LINK in printed
    db.session.refresh(mail)
    assert mail.status == "sent" and mail.sent_at is not None


def test_the_console_mailer_names_attachments():
    from email.message import EmailMessage

    message = EmailMessage()
    message["To"], message["Subject"] = "a@b.test", "Uitnodiging"
    message.set_content("Tot dan.")
    message.add_attachment(b"BEGIN:VCALENDAR", maintype="text", subtype="calendar",
                           filename="bijeenkomst.ics")
    out = io.StringIO()
    console.ConsoleMailer(out).send_message(message)
    assert "Tot dan." in out.getvalue() and "bijeenkomst.ics" in out.getvalue()


def test_in_development_mail_queued_by_a_request_is_printed_right_away(tmp_path, database_url,
                                                                       post_form, capsys):
    with app_for(tmp_path, database_url, MAIL_SERVER=None) as app:
        with app.app_context():
            factories.make_user(email="vergeten@zwolle.test")
        client = app.test_client()
        post_form(client, "/wachtwoord-vergeten", {"email": "vergeten@zwolle.test"},
                  page="/wachtwoord-vergeten")
        printed = capsys.readouterr().out
        assert "To:      vergeten@zwolle.test" in printed
        assert re.search(r"http://localhost/wachtwoord-herstellen/\S+", printed)
        with app.app_context():
            mail = db.session.query(OutboxMail).one()
            assert mail.status == "sent"


def test_with_smtp_configured_a_request_leaves_mail_for_the_sender(app, post_form):
    with app.app_context():
        factories.make_user(email="vergeten@zwolle.test")
    client = app.test_client()
    post_form(client, "/wachtwoord-vergeten", {"email": "vergeten@zwolle.test"}, page="/wachtwoord-vergeten")
    with app.app_context():
        assert db.session.query(OutboxMail).one().status == "pending"


def test_the_console_backend_also_serves_the_mail_send_command(app, runner, capsys):
    app.config.update(MAIL_BACKEND="console")
    with app.app_context():
        factories.make_outbox_mail(subject="Herinnering", next_attempt_at=utcnow() - timedelta(minutes=1))
    result = runner.invoke(args=["mail", "send"])
    assert "Sent: 1" in result.output
