"""Proposing, editing and rating practices, tested without HTTP."""

import pytest
from sqlalchemy import func, select

from servicecentrum.extensions import db
from servicecentrum.library import services
from servicecentrum.library.models import Practice, PracticeComment, PracticeRating, PracticeVersion
from servicecentrum.library.services import PracticeData
from servicecentrum.policies import can_view_practice
from tests import factories
from tests.library.helpers import make_practice, outbox_ids


def _data(**changes) -> PracticeData:
    values = {"title": "Huiswerkklas in de wijk", "summary": "Vier middagen per week hulp bij huiswerk.",
              "body": "## Aanpak\n\nStudenten begeleiden leerlingen.", "kind": "methode",
              "target_groups": ["leerlingen"], "year": 2006, "contact_name": "Henk",
              "contact_email": "henk@zaanstad.test"}
    return PracticeData(**{**values, **changes})


def test_a_new_practice_is_the_authors_draft_with_everything_filled_in(app_ctx):
    author = factories.make_user()
    theme, spearhead = factories.make_theme(), factories.make_spearhead()
    practice = services.create_practice(author, _data(theme_ids=[theme.id], spearhead_id=spearhead.id,
                                                      organisation_ids=[author.organisation_id]))
    assert practice.status == "draft" and practice.author_id == author.id
    assert [t.id for t in practice.themes] == [theme.id]
    assert practice.spearhead == spearhead and practice.organisations == [author.organisation]
    assert (practice.kind, practice.year, practice.target_groups) == ("methode", 2006, ["leerlingen"])
    assert outbox_ids() == [practice.id]
    assert not can_view_practice(factories.make_user(), practice)


def test_an_edit_of_a_draft_is_saved_and_queued_for_the_index(app_ctx):
    author = factories.make_user()
    practice = make_practice(author=author, status="draft")
    outcome = services.update_practice(author, practice, _data(title="Nieuwe titel"))
    assert outcome == "saved"
    assert (practice.title, practice.status) == ("Nieuwe titel", "draft")
    assert outbox_ids() == [practice.id]


def test_saving_without_changes_changes_nothing(app_ctx):
    author = factories.make_user()
    practice = make_practice(author=author, status="draft")
    same = PracticeData(title=practice.title, summary=practice.summary, body=practice.body,
                        kind=practice.kind, year=practice.year, target_groups=practice.target_groups)
    assert services.update_practice(author, practice, same) == "unchanged"
    assert outbox_ids() == []


def test_an_adviser_editing_a_published_practice_publishes_a_new_version(app_ctx):
    adviser = factories.make_user(role="adviser")
    practice = make_practice(author=factories.make_user())
    outcome = services.update_practice(adviser, practice, _data(change_note="Resultaten 2007 toegevoegd"))
    assert outcome == "new_version"
    assert practice.status == "published"
    versions = db.session.scalars(select(PracticeVersion).order_by(PracticeVersion.number)).all()
    assert [v.number for v in versions] == [1, 2]
    assert versions[1].title == "Huiswerkklas in de wijk"
    assert versions[1].change_note == "Resultaten 2007 toegevoegd"
    assert versions[1].changed_by_id == adviser.id
    assert outbox_ids() == [practice.id]


def test_an_authors_edit_of_a_published_practice_goes_back_to_review(app_ctx):
    author = factories.make_user()
    practice = make_practice(author=author)
    assert services.update_practice(author, practice, _data(change_note="Nieuwe cijfers")) == "back_to_review"
    assert practice.status == "review" and practice.submitted_at is not None
    step = db.session.scalar(select(PracticeComment).where(PracticeComment.practice_id == practice.id))
    assert (step.action, step.body) == ("resubmitted", "Nieuwe cijfers")
    # Until an adviser publishes it again, other members no longer see it.
    assert not can_view_practice(factories.make_user(), practice)
    assert db.session.scalar(select(func.count(PracticeVersion.id))) == 1


def _counters(practice_id):
    practice = db.session.get(Practice, practice_id)
    db.session.refresh(practice)
    return practice.rating_count, practice.helpful_count


def test_one_rating_per_member_which_they_can_change_with_counters_kept_right(app_ctx):
    practice = make_practice(author=factories.make_user())
    first, second = factories.make_user(), factories.make_user()
    services.rate_practice(first, practice, True)
    services.rate_practice(second, practice, False)
    assert _counters(practice.id) == (2, 1)
    services.rate_practice(second, practice, True)
    services.rate_practice(second, practice, True)
    assert _counters(practice.id) == (2, 2)
    services.rate_practice(first, practice, False)
    assert _counters(practice.id) == (2, 1)
    assert db.session.scalar(select(func.count(PracticeRating.id))) == 2


def test_a_double_click_that_loses_the_race_still_counts_once(app_ctx, monkeypatch):
    practice = make_practice(author=factories.make_user())
    member = factories.make_user()
    db.session.add(PracticeRating(practice_id=practice.id, user_id=member.id, helpful=False))
    db.session.execute(db.update(Practice).values(rating_count=1))
    db.session.commit()
    real = services._rating
    calls = []

    def late(actor, p):  # the first look misses the row the other request just wrote
        calls.append(1)
        return None if len(calls) == 1 else real(actor, p)

    monkeypatch.setattr(services, "_rating", late)
    services.rate_practice(member, practice, True)
    assert _counters(practice.id) == (1, 1)


def test_only_published_practices_can_be_rated(app_ctx):
    practice = make_practice(author=factories.make_user(), status="review")
    with pytest.raises(services.WrongStatus):
        services.rate_practice(factories.make_user(), practice, True)
