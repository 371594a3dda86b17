"""The list and detail pages cost the same number of queries for 5 and for 500 practices."""

import pytest

from servicecentrum.auth.models import User
from servicecentrum.extensions import db
from servicecentrum.library.models import (
    Practice,
    PracticeAttachment,
    PracticeComment,
    PracticeRating,
    practice_organisations,
    practice_themes,
)
from tests import factories
from tests.library.helpers import make_attachment, make_practice
from tests.query_budget import own_queries

MAX_QUERIES = 12


def _add_practices(count: int, theme_ids, organisation_ids, spearhead_id, author_id) -> None:
    """Insert many published practices in bulk, each with two themes and two organisations."""
    start = db.session.query(Practice).count()
    rows = [{"title": f"Praktijk {start + n}", "summary": "Samenvatting", "body": "Tekst", "kind": "praktijk",
             "status": "published", "year": 2000 + n % 8, "target_groups": [], "spearhead_id": spearhead_id,
             "author_id": author_id, "helpful_count": n % 7, "rating_count": n % 9}
            for n in range(count)]
    db.session.execute(db.insert(Practice), rows)
    ids = [p.id for p in db.session.query(Practice.id).order_by(Practice.id.desc()).limit(count)]
    db.session.execute(practice_themes.insert(), [{"practice_id": i, "theme_id": t}
                                                  for i in ids for t in theme_ids[:2]])
    db.session.execute(practice_organisations.insert(), [{"practice_id": i, "organisation_id": o}
                                                         for i in ids for o in organisation_ids[:2]])
    db.session.commit()


def _counts(client, count_queries, paths) -> dict[str, int]:
    counts = {}
    for path in paths:
        client.get(path)  # the first visit may refresh the session record
        with count_queries() as stats:
            response = client.get(path)
        assert response.status_code == 200, path
        counts[path] = stats.count
    return counts


@pytest.mark.parametrize("role", ["officer", "adviser"])
def test_list_and_detail_cost_the_same_queries_for_5_and_500_practices(
        app, client, login, count_queries, role):
    with app.app_context():
        themes = [factories.make_theme(), factories.make_theme(), factories.make_theme()]
        organisations = [factories.make_organisation(region=r) for r in ("Utrecht", "Gelderland", "Zeeland")]
        spearhead = factories.make_spearhead()
        author = factories.make_user()
        member = factories.make_user(role=role)
        detail = make_practice(author=author, themes=themes, organisations=organisations, spearhead=spearhead)
        make_attachment(detail)
        db.session.add(PracticeRating(practice_id=detail.id, user_id=author.id, helpful=True))
        db.session.commit()
        refs = ([t.id for t in themes], [o.id for o in organisations], spearhead.id, author.id)
        _add_practices(4, *refs)
        login(client, member)
        detail_id, theme_slug = detail.id, themes[0].slug
    paths = ["/praktijken", f"/praktijken?theme={theme_slug}&region=Utrecht&region=Zeeland&sort=useful",
             f"/praktijken/{detail_id}", f"/praktijken/{detail_id}/geschiedenis",
             "/praktijken?view=mine", "/praktijken?view=review"]
    with_5 = _counts(client, count_queries, paths)
    with app.app_context():
        _add_practices(495, *refs)
        assert db.session.query(Practice).count() == 500
        assert db.session.query(PracticeAttachment).count() == 1
    with_500 = _counts(client, count_queries, paths)
    assert with_5 == with_500
    assert max(with_500.values()) <= MAX_QUERIES, with_500


# The practice page's own queries (issue 14 allows 11): the practice with spearhead, author and
# reviewer, its themes, organisations and files; the review remarks (author and staff) and the
# member's own rating (others).
DETAIL_BUDGET = {"officer": 5, "adviser": 6}


def _add_rows(practice_id: int, count: int, start: int) -> None:
    """count more files, review remarks and ratings (by members who are only there to rate)."""
    raters = db.session.execute(db.insert(User).returning(User.id), [
        {"email": f"beoordelaar{start + n}@proefstad.test", "name": f"Beoordelaar {start + n}",
         "role": "officer", "status": "active"} for n in range(count)]).scalars().all()
    db.session.execute(db.insert(PracticeAttachment), [
        {"practice_id": practice_id, "filename": f"bijlage-{start + n}.pdf",
         "stored_name": f"p{start + n}.pdf", "content_type": "application/pdf", "size": 10}
        for n in range(count)])
    db.session.execute(db.insert(PracticeComment), [
        {"practice_id": practice_id, "author_id": raters[n], "body": f"Opmerking {start + n}"}
        for n in range(count)])
    db.session.execute(db.insert(PracticeRating), [
        {"practice_id": practice_id, "user_id": rater, "helpful": True} for rater in raters])
    db.session.commit()


@pytest.mark.parametrize("role", ["officer", "adviser"])
def test_a_practice_with_5_and_500_files_remarks_and_ratings_costs_the_same_queries(
        app, client, login, count_queries, role):
    with app.app_context():
        member = factories.make_user(role=role)
        practice = make_practice(author=factories.make_user(), themes=[factories.make_theme()],
                                 organisations=[factories.make_organisation()],
                                 spearhead=factories.make_spearhead())
        practice_id = practice.id
        _add_rows(practice_id, 5, 0)
        login(client, member)
    url = f"/praktijken/{practice_id}"
    few = own_queries(client, count_queries, url)
    with app.app_context():
        _add_rows(practice_id, 495, 5)
    many = own_queries(client, count_queries, url)
    html = client.get(url).get_data(as_text=True)
    assert "bijlage-499.pdf" in html
    assert ("Opmerking 499" in html) == (role == "adviser")  # the review is for the author and staff
    assert few == many <= DETAIL_BUDGET[role], (few, many)
