"""Follow and notify: followers hear of answers, accepted answers, new questions and mentions."""

from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.forum import notify
from servicecentrum.notifications.inbox import Follow, Notification
from servicecentrum.notifications.models import OutboxMail
from tests import factories
from tests.forum.test_notify_helpers import make_answer, make_question, make_tag


def _mails_to(address):
    return list(db.session.scalars(select(OutboxMail).where(OutboxMail.to_address == address)))


def _notes_for(user):
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id)))


def test_the_asker_follows_their_own_question_when_it_is_posted(app_ctx):
    question = make_question()
    notify.posted(question)
    assert notify.is_following(question.author, "question", question.id)


def test_a_follower_gets_a_notification_and_an_email_when_the_question_is_answered(app_ctx):
    follower = factories.make_user(email="volger@proefstad.test")
    question = make_question()
    notify.follow(follower, "question", question.id)
    answer = make_answer(question)
    assert notify.question_answered(answer) == 1
    [note] = _notes_for(follower)
    assert note.kind == "answer" and note.mailed_at is not None
    assert note.url == f"/vragen/{question.id}#antwoord-{answer.id}"
    [mail] = _mails_to("volger@proefstad.test")
    assert question.title in mail.body_text
    assert f"/vragen/{question.id}#antwoord-{answer.id}" in mail.body_text


def test_the_author_of_an_answer_is_not_notified_about_their_own_answer(app_ctx):
    question = make_question()
    notify.posted(question)
    answer = make_answer(question, author=question.author)
    assert notify.question_answered(answer) == 0


def test_accepting_an_answer_notifies_its_author_but_not_the_asker_who_accepted(app_ctx):
    question = make_question()
    notify.posted(question)
    answer = make_answer(question)
    notify.answer_accepted(answer)
    assert [n.kind for n in _notes_for(answer.author)] == ["accepted"]
    assert _notes_for(question.author) == []


def test_a_new_question_notifies_followers_of_its_theme_and_tag_once(app_ctx):
    theme, tag = factories.make_theme(), make_tag("stage")
    fan = factories.make_user()
    notify.follow(fan, "theme", theme.id)
    notify.follow(fan, "tag", tag.id)
    question = make_question(themes=[theme], tags=[tag])
    notify.posted(question)
    assert [n.kind for n in _notes_for(fan)] == ["new_question"]


def test_mentions_by_quoted_name_or_email_local_part_notify_active_members_only(app_ctx):
    fatima = factories.make_user(name="Fatima el Amrani", email="f.elamrani@proefstad.test")
    joost = factories.make_user(email="joost.devries@proefstad.test")
    factories.make_user(name="Oud Lid", status="disabled")
    question = make_question(body='Wat vinden @"fatima el amrani", @joost.devries en @"Oud Lid"? '
                                  "Mail naar info@joost.devries.nl")
    notify.posted(question)
    assert [n.kind for n in _notes_for(fatima)] == ["mention"]
    assert [n.kind for n in _notes_for(joost)] == ["mention"]
    assert db.session.scalar(select(Notification).where(Notification.kind == "mention")
                             .where(Notification.user_id.notin_([fatima.id, joost.id]))) is None


def test_mentioning_yourself_does_nothing(app_ctx):
    author = factories.make_user(name="Sanne Jansen")
    question = make_question(author=author, body='Zie ook @"Sanne Jansen"')
    assert notify.posted(question) == 0


def test_hidden_posts_never_notify_anyone(app_ctx):
    follower = factories.make_user(email="volger@proefstad.test")
    question = make_question()
    notify.follow(follower, "question", question.id)
    answer = make_answer(question, is_hidden=True)
    assert notify.question_answered(answer) == 0
    assert notify.posted(answer) == 0
    assert _mails_to("volger@proefstad.test") == []


def test_members_who_want_no_mail_get_only_the_site_notification(app_ctx):
    follower = factories.make_user(email="stil@proefstad.test", notify_frequency="never")
    question = make_question()
    notify.follow(follower, "question", question.id)
    notify.question_answered(make_answer(question))
    assert len(_notes_for(follower)) == 1
    assert _mails_to("stil@proefstad.test") == []


def test_the_daily_digest_is_sent_once_and_holds_every_notification(app_ctx):
    follower = factories.make_user(email="dagelijks@proefstad.test", notify_frequency="daily")
    weekly = factories.make_user(email="wekelijks@proefstad.test", notify_frequency="weekly")
    question = make_question()
    for member in (follower, weekly):
        notify.follow(member, "question", question.id)
    notify.question_answered(make_answer(question))
    notify.question_answered(make_answer(question))
    assert _mails_to("dagelijks@proefstad.test") == []
    assert notify.send_digests("daily") == 1
    [mail] = _mails_to("dagelijks@proefstad.test")
    assert mail.body_text.count(f"/vragen/{question.id}#antwoord-") == 2
    assert notify.send_digests("daily") == 0
    assert len(_mails_to("dagelijks@proefstad.test")) == 1
    assert _mails_to("wekelijks@proefstad.test") == []
    assert notify.send_digests("weekly") == 1


def test_the_digest_command_sends_each_digest_once(app, runner):
    with app.app_context():
        follower = factories.make_user(email="dagelijks@proefstad.test", notify_frequency="daily")
        question = make_question()
        notify.follow(follower, "question", question.id)
        notify.question_answered(make_answer(question))
    first = runner.invoke(args=["mail", "digest", "--frequency", "daily"])
    second = runner.invoke(args=["mail", "digest"])
    assert "Digests queued: 1" in first.output
    assert "Digests queued: 0" in second.output
    with app.app_context():
        assert len(_mails_to("dagelijks@proefstad.test")) == 1


def test_a_post_hidden_before_the_digest_is_left_out_of_it(app_ctx):
    from servicecentrum.forum import moderation

    adviser = factories.make_user(role="adviser")
    follower = factories.make_user(email="dagelijks@proefstad.test", notify_frequency="daily")
    question = make_question()
    notify.follow(follower, "question", question.id)
    answer = make_answer(question, body="Bel mevrouw X op 06-12345678")
    notify.question_answered(answer)
    moderation.hide_post(adviser, answer, "Persoonsgegevens")
    assert notify.send_digests("daily") == 0
    assert _notes_for(follower) == []


def test_unread_count_counts_until_the_member_opens_the_list(app_ctx):
    follower = factories.make_user()
    question = make_question()
    notify.follow(follower, "question", question.id)
    notify.question_answered(make_answer(question))
    assert notify.unread_count(follower) == 1
    _page, rows = notify.read_notifications(follower)
    assert [row.is_new for row in rows] == [True]
    assert notify.unread_count(follower) == 0


def test_toggle_follow_follows_and_unfollows(app_ctx):
    member = factories.make_user()
    theme = factories.make_theme()
    assert notify.toggle_follow(member, "theme", theme.id) is True
    assert notify.toggle_follow(member, "theme", theme.id) is False
    assert db.session.scalar(select(Follow)) is None


def test_the_export_holds_follows_and_notifications_and_deletion_removes_them(app_ctx):
    from servicecentrum.account.export import build_export
    from servicecentrum.account.services import delete_account

    member = factories.make_user()
    question = make_question()
    notify.follow(member, "question", question.id)
    notify.question_answered(make_answer(question))
    section = build_export(member)["sections"]["follows"]
    assert section["follows"][0]["id"] == question.id
    assert section["notifications"][0]["url"].startswith(f"/vragen/{question.id}")
    delete_account(member, factories.PASSWORD)
    assert db.session.scalar(select(Follow)) is None
    assert db.session.scalar(select(Notification)) is None
