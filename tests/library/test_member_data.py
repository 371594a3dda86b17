"""The member's data export includes their practices, review remarks and ratings."""

from servicecentrum.account.export import build_export
from servicecentrum.extensions import db
from servicecentrum.library import services, workflow
from tests import factories
from tests.library.helpers import make_practice


def test_the_export_lists_the_members_practices_remarks_and_ratings(app_ctx):
    member = factories.make_user()
    mine = make_practice(author=member, status="review", title="Mijn praktijk")
    theirs = make_practice(author=factories.make_user(), title="Andermans praktijk")
    make_practice(author=factories.make_user(), status="draft", title="Geheim")
    workflow.comment(member, mine, "Graag snel")
    services.rate_practice(member, theirs, True)
    section = build_export(db.session.get(type(member), member.id))["sections"]["practices"]
    assert [p["title"] for p in section["authored"]] == ["Mijn praktijk"]
    assert section["review_remarks"][0]["body"] == "Graag snel"
    assert section["ratings"] == [{"practice_id": theirs.id, "practice_title": "Andermans praktijk",
                                   "helpful": True, "rated_at": section["ratings"][0]["rated_at"]}]
    assert "Geheim" not in str(section)
