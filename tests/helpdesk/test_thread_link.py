"""From ticket back to thread: a staff reply becomes an expert answer in the thread, once."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from servicecentrum.database import utcnow
from servicecentrum.extensions import db
from servicecentrum.forum import notify, unanswered
from servicecentrum.forum.models import Answer, Question
from servicecentrum.helpdesk import conversion, services
from servicecentrum.helpdesk.models import Ticket, TicketMessage
from servicecentrum.helpdesk.services import HelpdeskError
from servicecentrum.notifications import centre
from servicecentrum.search.models import SearchOutboxEntry
from tests import factories
from tests.forum.test_notify_helpers import make_question


def thread_ticket():
    """An officer's unanswered thread put to an adviser; the adviser replied, and noted something."""
    adviser = factories.make_user("adviser", name="Anna Adviseur")
    programme = factories.make_programme(advisers=[adviser], slug="servicecentrum-integratiebeleid",
                                         name="Servicecentrum Integratiebeleid")
    asker = factories.make_user("officer", name="Olaf Ambtenaar")
    question = make_question(author=asker, title="Hoe organiseren jullie taalcafés?",
                             created_at=utcnow() - timedelta(days=6))
    ticket = unanswered.ask_adviser(asker, question)
    reply = services.add_message(ticket, adviser, "Begin met vrijwilligers uit de bibliotheek.")
    note = services.add_message(ticket, adviser, "Intern: bel de gemeente nog even.", kind="note")
    return {"adviser": adviser, "programme": programme, "asker": asker, "question": question,
            "ticket": ticket, "reply": reply, "note": note}


def _answers(question_id):
    return list(db.session.scalars(select(Answer).where(Answer.question_id == question_id)))


def test_a_staff_reply_becomes_an_expert_answer_once(app_ctx):
    t = thread_ticket()
    notify.follow(t["asker"], "question", t["question"].id)
    db.session.commit()
    answer = conversion.post_to_thread(t["adviser"], t["reply"])
    assert answer.is_expert and answer.author_id == t["adviser"].id
    assert answer.body == "Begin met vrijwilligers uit de bibliotheek."
    question = db.session.get(Question, t["question"].id)
    assert question.answer_count == 1
    assert db.session.get(TicketMessage, t["reply"].id).answer_id == answer.id
    assert [c.action for c in db.session.get(Ticket, t["ticket"].id).changes][-1] == "posted_to_thread"
    assert db.session.scalar(select(func.count(SearchOutboxEntry.id)).where(
        SearchOutboxEntry.doc_type == "answer", SearchOutboxEntry.doc_id == answer.id)) >= 1
    # The asker heard of the helpdesk reply, and (following the thread) of the expert answer.
    assert centre.unread_subject_ids(t["asker"], "question", [question.id]) == {question.id}
    assert notify.unread_count(t["asker"]) == 2
    with pytest.raises(HelpdeskError, match="al als expertantwoord"):
        conversion.post_to_thread(t["adviser"], db.session.get(TicketMessage, t["reply"].id))
    assert len(_answers(question.id)) == 1


def test_an_interrupted_post_is_linked_to_its_copy_not_posted_again(app_ctx):
    t = thread_ticket()
    first = conversion.post_to_thread(t["adviser"], t["reply"])
    message = db.session.get(TicketMessage, t["reply"].id)
    message.answer_id = None  # as if the request died between the answer and the link
    db.session.commit()
    again = conversion.post_to_thread(t["adviser"], message)
    assert again.id == first.id and len(_answers(t["question"].id)) == 1
    assert message.answer_id == first.id


def test_an_admin_posts_an_expert_answer_too(app_ctx):
    t = thread_ticket()
    admin = factories.make_user("admin")
    reply = services.add_message(t["ticket"], admin, "Zie ook de handreiking.")
    assert conversion.post_to_thread(admin, reply).is_expert


@pytest.mark.parametrize("field, text", [("is_locked", "gesloten"), ("is_hidden", "verborgen")])
def test_a_locked_or_hidden_thread_refuses_in_dutch(app_ctx, field, text):
    t = thread_ticket()
    setattr(t["question"], field, True)
    db.session.commit()
    with pytest.raises(HelpdeskError, match=text):
        conversion.post_to_thread(t["adviser"], t["reply"])
    assert _answers(t["question"].id) == []
    assert db.session.get(TicketMessage, t["reply"].id).answer_id is None


def test_only_public_staff_replies_of_a_thread_ticket_go_to_the_thread(app_ctx):
    t = thread_ticket()
    own = services.add_message(t["ticket"], t["asker"], "Dank, en hoe vind ik die vrijwilligers?")
    with pytest.raises(HelpdeskError, match="Alleen een openbaar antwoord"):
        conversion.post_to_thread(t["adviser"], own)
    with pytest.raises(HelpdeskError, match="Alleen een openbaar antwoord"):
        conversion.post_to_thread(t["adviser"], t["note"])
    plain = factories.make_ticket(programme=t["programme"])
    reply = services.add_message(plain, t["adviser"], "Antwoord zonder draad")
    with pytest.raises(HelpdeskError, match="niet bij een draad"):
        conversion.post_to_thread(t["adviser"], reply)


def _ids(app, **extra):
    with app.app_context():
        t = thread_ticket()
        ids = {k: v.id for k, v in t.items()}
        for name, make in extra.items():
            ids[name] = make().id
        return ids


def test_the_adviser_posts_through_the_ticket_page_and_the_button_goes(app, client, login, post_form):
    ids = _ids(app)
    login(client, ids["adviser"])
    page = client.get(f"/helpdesk/{ids['ticket']}").get_data(as_text=True)
    assert page.count("Plaats als expertantwoord in de draad") == 1  # the reply, not the note
    url = f"/helpdesk/{ids['ticket']}/berichten/{ids['reply']}/naar-draad"
    response = post_form(client, url)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/helpdesk/{ids['ticket']}#bericht-{ids['reply']}"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Het antwoord staat nu als expertantwoord in de draad." in page
    with app.app_context():
        [answer] = _answers(ids["question"])
    assert f'href="/vragen/{ids["question"]}#antwoord-{answer.id}"' in page
    assert "Plaats als expertantwoord in de draad" not in page
    assert "Geplaatst als expertantwoord in de draad." in page
    again = post_form(client, url)
    assert again.status_code == 302
    assert "al als expertantwoord in de draad" in client.get(again.headers["Location"]).get_data(as_text=True)
    with app.app_context():
        assert len(_answers(ids["question"])) == 1
    thread = client.get(f"/vragen/{ids['question']}").get_data(as_text=True)
    assert "Begin met vrijwilligers uit de bibliotheek." in thread and "Expert van FORUM" in thread
    assert "bel de gemeente" not in thread


def test_only_the_tickets_handlers_post_to_the_thread(app, client, login, post_form):
    ids = _ids(app, stranger=lambda: factories.make_user("officer"),
               other_adviser=lambda: factories.make_user("adviser"))
    url = f"/helpdesk/{ids['ticket']}/berichten/{ids['reply']}/naar-draad"
    login(client, ids["asker"])  # sees the ticket and the reply, not the button
    assert "Plaats als expertantwoord" not in client.get(f"/helpdesk/{ids['ticket']}").get_data(as_text=True)
    for who in ("asker", "stranger", "other_adviser"):
        login(client, ids[who])
        assert post_form(client, url).status_code == 404, who
    login(client, ids["adviser"])
    note_url = f"/helpdesk/{ids['ticket']}/berichten/{ids['note']}/naar-draad"
    assert post_form(client, note_url).status_code == 404
    assert post_form(client, f"/helpdesk/{ids['ticket']}/berichten/99999/naar-draad").status_code == 404
    with app.app_context():
        assert _answers(ids["question"]) == []
