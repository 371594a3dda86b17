"""`flask helpdesk escalate`: a missed target mails the programme's advisers once, and only once.

A basic ticket filed on Monday 4 January 2027 is due a first response on Wednesday 6 January
and a solution on Monday 18 January. "Today" is passed to the command, never the real date.
"""

from datetime import UTC, datetime

from sqlalchemy import select, update

from servicecentrum.extensions import db
from servicecentrum.helpdesk import sla
from servicecentrum.helpdesk.escalation import EscalationReport, candidates, escalate, escalate_ticket
from servicecentrum.helpdesk.models import Ticket, TicketChange
from servicecentrum.notifications.models import OutboxMail
from tests.factories import make_programme, make_ticket, make_user

FILED = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)


def _setup(app, **ticket_fields):
    """A programme with two active advisers and a blocked one, and one ticket; returns ids."""
    with app.app_context():
        anna, bert = make_user("adviser", name="Anna Aalders"), make_user("adviser", name="Bert Bos")
        gone = make_user("adviser", name="Gerrit Gestopt", status="disabled")
        programme = make_programme(name="Sociale Cohesie", advisers=[anna, bert, gone])
        requester = make_user("officer")
        ticket = make_ticket(requester=requester, programme=programme, subject="Buurtfeest en subsidie",
                             created_at=FILED, **ticket_fields)
        sla.set_due_dates(ticket, FILED)
        db.session.commit()
        return {"ticket": ticket.id, "anna": anna.email, "bert": bert.email, "gone": gone.email,
                "requester": requester.email}


def _run(runner, today: str):
    result = runner.invoke(args=["helpdesk", "escalate", "--today", today])
    assert result.exit_code == 0, result.output
    return result.output


def _escalation_mails(app) -> list[OutboxMail]:
    with app.app_context():
        mails = db.session.scalars(select(OutboxMail).where(OutboxMail.subject.like("Termijn verstreken%"))
                                   .order_by(OutboxMail.id)).all()
        db.session.expunge_all()
        return mails


def _ticket(app) -> tuple[Ticket, list[TicketChange]]:
    with app.app_context():
        ticket = db.session.scalar(select(Ticket))
        changes = [c for c in ticket.changes if c.action == "escalated"]
        db.session.expunge_all()
        return ticket, changes


def test_nothing_happens_on_the_due_date_itself(app, runner):
    _setup(app)
    assert "0 ticket(s) escalated" in _run(runner, "2027-01-06")
    assert _escalation_mails(app) == []


def test_a_missed_first_response_mails_the_active_advisers_once(app, runner):
    ids = _setup(app)
    output = _run(runner, "2027-01-07")
    assert "1 ticket(s) escalated: 1 first-response and 0 resolution target(s) missed; 2 e-mail(s)" in output
    mails = _escalation_mails(app)
    assert sorted(m.to_address for m in mails) == sorted([ids["anna"], ids["bert"]])
    body = mails[0].body_text
    assert mails[0].subject == "Termijn verstreken: Buurtfeest en subsidie"
    assert "Eerste reactie: uiterlijk" in body and "Oplossing" not in body
    assert f"/helpdesk/{ids['ticket']}" in body
    assert "Sociale Cohesie" in body

    ticket, changes = _ticket(app)
    assert ticket.first_response_escalated_at is not None and ticket.resolution_escalated_at is None
    assert len(changes) == 1 and changes[0].is_internal and changes[0].actor_id is None
    assert "eerste reactie (uiterlijk 06-01-2027)" in changes[0].new_value
    assert "Anna Aalders" in changes[0].new_value and "Gerrit" not in changes[0].new_value

    # Running again, the same day or later, sends nothing new for this target.
    assert "0 ticket(s) escalated" in _run(runner, "2027-01-07")
    assert "0 ticket(s) escalated" in _run(runner, "2027-01-12")
    assert len(_escalation_mails(app)) == 2


def test_the_resolution_target_is_escalated_separately_later(app, runner):
    _setup(app)
    _run(runner, "2027-01-07")
    assert "0 ticket(s) escalated" in _run(runner, "2027-01-18")
    output = _run(runner, "2027-01-19")
    assert "1 ticket(s) escalated: 0 first-response and 1 resolution target(s) missed" in output
    mails = _escalation_mails(app)
    assert len(mails) == 4
    for mail in mails[2:]:
        assert "Oplossing: uiterlijk" in mail.body_text and "Eerste reactie" not in mail.body_text
    _run(runner, "2027-01-20")
    assert len(_escalation_mails(app)) == 4
    ticket, changes = _ticket(app)
    assert ticket.resolution_escalated_at is not None and len(changes) == 2


def test_both_targets_missed_at_once_make_one_mail_per_adviser(app, runner):
    _setup(app)
    assert "1 first-response and 1 resolution" in _run(runner, "2027-01-19")
    mails = _escalation_mails(app)
    assert len(mails) == 2
    assert "Eerste reactie: uiterlijk" in mails[0].body_text and "Oplossing: uiterlijk" in mails[0].body_text
    ticket, changes = _ticket(app)
    assert ticket.first_response_escalated_at and ticket.resolution_escalated_at and len(changes) == 1


def test_an_answered_ticket_is_only_escalated_for_its_resolution(app, runner):
    _setup(app, first_responded_at=datetime(2027, 1, 5, 10, tzinfo=UTC), status="open")
    assert "0 ticket(s) escalated" in _run(runner, "2027-01-12")
    assert "0 first-response and 1 resolution" in _run(runner, "2027-01-19")


def test_resolved_and_closed_tickets_are_never_escalated(app, runner):
    _setup(app, status="resolved")
    with app.app_context():
        make_ticket(created_at=FILED, status="closed", first_response_due=FILED.date(),
                    resolution_due=FILED.date())
    assert "0 ticket(s) escalated" in _run(runner, "2027-02-01")
    assert _escalation_mails(app) == []


def test_the_requester_never_gets_an_escalation_mail(app, runner):
    ids = _setup(app)
    _run(runner, "2027-01-19")
    assert ids["requester"] not in {m.to_address for m in _escalation_mails(app)}
    assert ids["gone"] not in {m.to_address for m in _escalation_mails(app)}


def test_a_programme_without_active_advisers_is_stamped_and_noted(app_ctx):
    programme = make_programme(name="Leeg programma")
    ticket = make_ticket(programme=programme, created_at=FILED)
    sla.set_due_dates(ticket, FILED)
    db.session.commit()
    report = escalate(today=datetime(2027, 1, 7).date(), now=datetime(2027, 1, 7, 6, tzinfo=UTC))
    assert (report.tickets, report.first_response, report.mails) == (1, 1, 0)
    assert ticket.first_response_escalated_at == datetime(2027, 1, 7, 6, tzinfo=UTC)
    (line,) = [c for c in ticket.changes if c.action == "escalated"]
    assert "geen actieve adviseur" in line.new_value and line.is_internal


def test_an_assignee_outside_the_programme_list_is_told_too(app_ctx):
    anna = make_user("adviser", name="Anna Aalders")
    helper = make_user("adviser", name="Hans Helper")
    ticket = make_ticket(programme=make_programme(advisers=[anna]), assignee=helper, created_at=FILED)
    sla.set_due_dates(ticket, FILED)
    db.session.commit()
    assert escalate(today=datetime(2027, 1, 7).date()).mails == 2
    recipients = {m.to_address for m in db.session.scalars(
        select(OutboxMail).where(OutboxMail.subject.like("Termijn verstreken%")))}
    assert recipients == {anna.email, helper.email}


def test_a_target_another_run_escalated_meanwhile_is_not_mailed_again(app_ctx):
    anna = make_user("adviser", name="Anna Aalders")
    ticket = make_ticket(programme=make_programme(advisers=[anna]), created_at=FILED)
    sla.set_due_dates(ticket, FILED)
    db.session.commit()
    today = datetime(2027, 1, 7).date()
    (loaded,) = candidates(today)
    # A second cron job stamps the row after this run read it.
    db.session.execute(update(Ticket).values(first_response_escalated_at=datetime(2027, 1, 7, 5, tzinfo=UTC))
                       .execution_options(synchronize_session=False))
    report = EscalationReport()
    escalate_ticket(loaded, today, datetime(2027, 1, 7, 6, tzinfo=UTC), report)
    db.session.commit()
    assert (report.tickets, report.mails) == (0, 0)
    assert not [c for c in loaded.changes if c.action == "escalated"]
