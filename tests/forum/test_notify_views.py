"""Follow buttons and the notification list, as a member uses them."""

from servicecentrum.extensions import db
from servicecentrum.forum import notify
from servicecentrum.forum.models import Answer
from tests import factories
from tests.forum.test_notify_helpers import make_answer, make_question, make_tag


def test_member_follows_and_unfollows_a_question(app, client, login, post_form):
    with app.app_context():
        member = factories.make_user()
        question_id = make_question().id
        member_id = member.id
    login(client, member_id)
    response = post_form(client, f"/vragen/{question_id}/volgen")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/vragen/{question_id}"
    with app.app_context():
        assert notify.is_following(db.session.get(type(member), member_id), "question", question_id)
    post_form(client, f"/vragen/{question_id}/volgen")
    with app.app_context():
        assert not notify.is_following(db.session.get(type(member), member_id), "question", question_id)


def test_following_a_hidden_or_unknown_question_answers_404(app, client, login, post_form):
    with app.app_context():
        member_id = factories.make_user().id
        hidden_id = make_question(is_hidden=True).id
    login(client, member_id)
    assert post_form(client, f"/vragen/{hidden_id}/volgen").status_code == 404
    assert post_form(client, "/vragen/999/volgen").status_code == 404


def test_member_follows_a_theme_and_a_tag_and_returns_to_the_page(app, client, login, post_form):
    with app.app_context():
        member_id = factories.make_user().id
        theme_id, tag_id = factories.make_theme().id, make_tag("vve").id
    login(client, member_id)
    response = post_form(client, f"/vragen/thema/{theme_id}/volgen", {"next": "/vragen?thema=1"})
    assert response.headers["Location"] == "/vragen?thema=1"
    response = post_form(client, f"/vragen/tag/{tag_id}/volgen", {"next": "https://evil.test/"})
    assert response.headers["Location"] == "/vragen"
    with app.app_context():
        member = db.session.get(factories.User, member_id)
        assert notify.is_following(member, "theme", theme_id)
        assert notify.is_following(member, "tag", tag_id)


def test_notification_list_shows_new_notifications_until_marked_read(app, client, login, post_form):
    with app.app_context():
        follower = factories.make_user()
        question = make_question(title="Wie heeft ervaring met stageplaatsen voor statushouders?")
        notify.follow(follower, "question", question.id)
        notify.question_answered(make_answer(question))
        follower_id = follower.id
    login(client, follower_id)
    assert client.get("/vragen/meldingen").headers["Location"] == "/meldingen"  # the old address
    html = client.get("/meldingen").get_data(as_text=True)
    assert "Wie heeft ervaring met stageplaatsen voor statushouders?" in html
    assert "Ongelezen" in html
    post_form(client, "/meldingen/alles-gelezen", page="/meldingen")
    with app.app_context():
        assert notify.unread_count(db.session.get(factories.User, follower_id)) == 0
    assert "notification__new" not in client.get("/meldingen").get_data(as_text=True)


def test_notification_list_shows_only_the_members_own_notifications(app, client, login):
    with app.app_context():
        follower, other = factories.make_user(), factories.make_user()
        question = make_question(title="Een vraag die alleen de volger ziet in de meldingen")
        notify.follow(follower, "question", question.id)
        notify.question_answered(make_answer(question))
        other_id = other.id
    login(client, other_id)
    html = client.get("/meldingen").get_data(as_text=True)
    assert "alleen de volger" not in html
    assert "U heeft nog geen meldingen" in html


def test_notification_list_uses_the_same_number_of_queries_for_few_and_many(app, client, login,
                                                                             count_queries):
    with app.app_context():
        follower = factories.make_user(notify_frequency="never")
        question = make_question()
        notify.follow(follower, "question", question.id)
        answer_id = make_answer(question).id
        follower_id = follower.id
    login(client, follower_id)
    client.get("/meldingen")  # the first request of a process also loads the site settings

    def measure():
        with count_queries() as stats:
            assert client.get("/meldingen").status_code == 200
        return stats.count

    with app.app_context():
        notify.question_answered(db.session.get(Answer, answer_id))
    few = measure()
    with app.app_context():
        for _ in range(30):
            notify.question_answered(db.session.get(Answer, answer_id))
    assert measure() == few
