"""Times show in Amsterdam time (or the member's own zone), and dates the Dutch way."""

from datetime import UTC, datetime

import pytest
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict

from servicecentrum.extensions import db
from servicecentrum.forms import LocalDateField
from servicecentrum.forum.models import Question
from tests import factories

WINTER = datetime(2026, 1, 15, 13, 5, tzinfo=UTC)  # 14:05 in Amsterdam (UTC+1)
SUMMER = datetime(2026, 7, 14, 22, 30, tzinfo=UTC)  # 00:30 on 15 July in Amsterdam (UTC+2)


def _page(app, client, login, url_for_member, time_zone=None) -> str:
    with app.app_context():
        member = factories.make_user(time_zone=time_zone)
        url = url_for_member(member)
        login(client, member)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def _ticket_page(moment):
    def make(member):
        ticket = factories.make_ticket(requester=member, created_at=moment)
        return f"/helpdesk/{ticket.id}"
    return make


def _event_page(moment):
    def make(_member):
        return f"/bijeenkomsten/{factories.make_event(starts_at=moment).id}"
    return make


def _question_page(moment):
    def make(member):
        question = Question(title="Wanneer is dit gevraagd?", body="Een vraag.", author_id=member.id,
                            created_at=moment, updated_at=moment, last_activity_at=moment)
        db.session.add(question)
        db.session.commit()
        return f"/vragen/{question.id}"
    return make


def test_a_ticket_shows_its_time_in_amsterdam_winter_time_without_seconds(app, client, login):
    html = _page(app, client, login, _ticket_page(WINTER))
    assert "15 januari 2026, 14:05" in html
    assert "14:05:00" not in html


def test_an_event_shows_its_start_in_amsterdam_summer_time(app, client, login):
    html = _page(app, client, login, _event_page(datetime(2026, 6, 16, 11, 30, tzinfo=UTC)))
    assert "16 juni 2026, 13:30" in html and "15:30" in html  # two hours, in CEST


def test_a_question_asked_late_in_the_evening_is_dated_by_the_amsterdam_day(app, client, login):
    html = _page(app, client, login, _question_page(SUMMER))
    assert "15 juli 2026" in html and "14 juli 2026" not in html


def test_a_member_in_london_sees_london_time(app, client, login):
    html = _page(app, client, login, _ticket_page(WINTER), time_zone="Europe/London")
    assert "15 januari 2026, 13:05" in html and "14:05" not in html


def test_a_member_in_london_sees_the_london_day_of_a_question(app, client, login):
    html = _page(app, client, login, _question_page(SUMMER), time_zone="Europe/London")
    assert "14 juli 2026" in html


class _DateForm(FlaskForm):
    class Meta:
        csrf = False

    day = LocalDateField("Datum")
    typed = LocalDateField("Getypte datum", typed=True)


@pytest.mark.parametrize("typed, expected", [("03-12-2026", "2026-12-03"), ("2026-12-03", "2026-12-03"),
                                             ("3-12-2026", "2026-12-03")])
def test_a_date_field_takes_the_dutch_format_and_a_date_pickers(app, typed, expected):
    with app.test_request_context():
        form = _DateForm(formdata=MultiDict({"day": typed}))
        assert form.validate(), form.errors
        assert form.day.data.isoformat() == expected


def test_a_date_field_refuses_an_impossible_date_in_dutch(app):
    with app.test_request_context():
        form = _DateForm(formdata=MultiDict({"day": "31-02-2026"}))
        assert not form.validate()
        assert form.day.errors == ["Vul een geldige datum in, zoals 28-11-2026."]
        assert 'value="31-02-2026"' in form.day()  # what was typed stays


def test_a_typed_date_field_shows_its_date_as_dd_mm_jjjj(app):
    from datetime import date

    with app.test_request_context():
        form = _DateForm(data={"typed": date(2026, 12, 3), "day": date(2026, 12, 3)})
        assert 'value="03-12-2026"' in form.typed() and 'placeholder="dd-mm-jjjj"' in form.typed()
        assert 'value="2026-12-03"' in form.day()  # a date picker needs the ISO value


def test_the_filters_format_dates_and_times_consistently(app):
    with app.test_request_context():
        env = app.jinja_env
        render = lambda source, **values: env.from_string(source).render(**values)  # noqa: E731
        assert render("{{ t|date }}", t=WINTER) == "15 januari 2026"
        assert render("{{ t|datetime }}", t=WINTER) == "15 januari 2026, 14:05"
        assert render("{{ t|datetime('medium') }}", t=WINTER) == "15 januari 2026, 14:05"
        assert render("{{ t|time }}", t=WINTER) == "14:05"
        assert render("{{ t|date_short }}", t=WINTER) == "15-01-2026"
        assert render("{{ t|datetime('short') }}", t=WINTER) == "15-01-2026 14:05"
        assert render("{{ none|date }}", none=None) == ""
