"""The notification centre honours each member's choice per kind, proven on the outbox."""

from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.notifications import centre, preferences
from servicecentrum.notifications.digest import send_digests
from servicecentrum.notifications.inbox import Notification, NotificationPreference
from servicecentrum.notifications.models import OutboxMail
from tests import factories


def _mails_to(user):
    return list(db.session.scalars(select(OutboxMail).where(OutboxMail.to_address == user.email)))


def _notes_for(user):
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id)))


def _choose(user, kind, channel):
    db.session.add(NotificationPreference(user_id=user.id, kind=kind, channel=channel))
    db.session.commit()


def _tell(user, kind="helpdesk_reply", text="Adviseur Jansen beantwoordde uw helpdeskvraag", **extra):
    count = centre.notify([user], kind, text, "/helpdesk/7", subject=("ticket", 7), **extra)
    db.session.commit()
    return count


def test_site_only_adds_the_notification_and_queues_no_mail(app_ctx):
    member = factories.make_user()
    _choose(member, "helpdesk_reply", "site")
    assert _tell(member) == 1
    [note] = _notes_for(member)
    assert (note.subject_type, note.subject_id, note.url) == ("ticket", 7, "/helpdesk/7")
    assert _mails_to(member) == []
    assert send_digests("daily") == 0
    assert _mails_to(member) == []


def test_mail_queues_one_mail_now_and_leaves_it_out_of_the_digest(app_ctx):
    member = factories.make_user()
    _choose(member, "answer", "mail")
    _tell(member, kind="answer", text="Sanne beantwoordde de vraag 'Schooluitval'")
    [mail] = _mails_to(member)
    assert "Schooluitval" in mail.subject and "/helpdesk/7" in mail.body_text
    assert send_digests("daily") == 0
    assert len(_mails_to(member)) == 1


def test_digest_waits_then_comes_once_in_the_daily_digest(app_ctx):
    member = factories.make_user(notify_frequency="daily")
    _choose(member, "helpdesk_reply", "digest")
    _tell(member, text="Antwoord op uw vraag over inburgering")
    assert _mails_to(member) == []
    assert send_digests("daily") == 1
    [digest] = _mails_to(member)
    assert digest.body_text.count("Antwoord op uw vraag over inburgering") == 1
    assert send_digests("daily") == 0
    assert len(_mails_to(member)) == 1


def test_the_digest_holds_only_the_kinds_set_to_digest(app_ctx):
    member = factories.make_user(notify_frequency="weekly")
    _choose(member, "answer", "digest")
    _choose(member, "mention", "site")
    _tell(member, kind="answer", text="Een nieuw antwoord in de digest")
    _tell(member, kind="mention", text="Iemand noemde u, alleen in de site")
    assert send_digests("daily") == 0  # a weekly member is not in the daily run
    assert send_digests("weekly") == 1
    [digest] = _mails_to(member)
    assert "Een nieuw antwoord in de digest" in digest.body_text
    assert "alleen in de site" not in digest.body_text


def test_defaults_mail_time_bound_kinds_now_and_put_followed_themes_in_the_digest(app_ctx):
    member = factories.make_user()
    _tell(member, kind="waitlist_offer", text="Er is een plaats voor u vrij")
    assert len(_mails_to(member)) == 1
    _tell(member, kind="new_question", text="Nieuwe vraag over een thema dat u volgt")
    assert len(_mails_to(member)) == 1
    assert send_digests("daily") == 1
    assert "Nieuwe vraag over een thema" in _mails_to(member)[-1].body_text


def test_the_actor_and_inactive_members_are_not_told(app_ctx):
    actor = factories.make_user()
    blocked = factories.make_user(status="disabled")
    member = factories.make_user()
    count = centre.notify([actor, blocked, member, member], "answer", "Nieuw antwoord", "/vragen/1",
                          actor_id=actor.id)
    db.session.commit()
    assert count == 1
    assert _notes_for(actor) == [] and _notes_for(blocked) == []
    assert len(_notes_for(member)) == 1


def test_members_who_want_no_mail_at_all_get_none_whatever_the_kind(app_ctx):
    member = factories.make_user(notify_frequency="never")
    _choose(member, "helpdesk_reply", "mail")
    _tell(member)
    assert len(_notes_for(member)) == 1
    assert _mails_to(member) == []


def test_unread_markers_and_marking_a_subject_read(app_ctx, count_queries):
    member, other = factories.make_user(), factories.make_user()
    for ticket_id in (3, 5):
        centre.notify([member], "helpdesk_reply", "Antwoord", f"/helpdesk/{ticket_id}",
                      subject=("ticket", ticket_id))
    centre.notify([other], "helpdesk_reply", "Antwoord", "/helpdesk/9", subject=("ticket", 9))
    db.session.commit()
    db.session.refresh(member)
    with count_queries() as stats:
        assert centre.unread_subject_ids(member, "ticket", [3, 5, 9, 11]) == {3, 5}
    assert stats.count == 1
    assert centre.unread_subject_ids(member, "question", [3]) == set()
    assert centre.mark_subject_read(member, "ticket", 3) == 1
    assert centre.unread_subject_ids(member, "ticket", [3, 5]) == {5}
    assert centre.unread_count(member) == 1 and centre.unread_count(other) == 1


def test_preferences_are_in_the_export_and_deleted_with_the_account(app_ctx):
    from servicecentrum.account.export import build_export
    from servicecentrum.account.services import delete_account

    member = factories.make_user()
    preferences.save_preferences(member, {"answer": "digest", "quote": "mail"}, "weekly", "America/Curacao")
    section = build_export(member)["sections"]["notification_preferences"]
    assert section == {"channels": {"answer": "digest", "quote": "mail"}, "digest_frequency": "weekly",
                       "time_zone": "America/Curacao"}
    delete_account(member, factories.PASSWORD)
    assert db.session.scalar(select(NotificationPreference)) is None
