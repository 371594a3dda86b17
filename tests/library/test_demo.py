"""The demo library: at least 30 practices in our own words, mostly published, seeded idempotently."""

from collections import Counter

from sqlalchemy import func, select

from servicecentrum.demo.practices import PRACTICES
from servicecentrum.extensions import db
from servicecentrum.library.models import Practice, PracticeVersion
from servicecentrum.text import render_markdown


def test_the_demo_texts_cover_the_four_fields_with_concrete_steps():
    assert len(PRACTICES) >= 30
    assert len({p["title"] for p in PRACTICES}) == len(PRACTICES)
    themes = Counter(theme for p in PRACTICES for theme in p["themes"])
    assert all(themes[t] >= 5 for t in ("onderwijs", "werk", "participatie-en-zorg"))
    for item in PRACTICES:
        html = str(render_markdown(item["body"]))
        steps = "<ol>" in html or "<ul>" in html or html.count("<h2>") >= 3
        assert "<h2>" in html and steps, item["title"]
        assert len(item["summary"]) <= 1000 and len(item["title"]) <= 200


def test_demo_seed_loads_mostly_published_practices_and_a_few_in_review_and_draft(app, runner):
    assert runner.invoke(args=["demo", "seed", "--password", "demo-wachtwoord-2026"]).exit_code == 0
    with app.app_context():
        statuses = Counter(db.session.scalars(select(Practice.status)))
        assert sum(statuses.values()) == len(PRACTICES)
        assert statuses["published"] >= 20 and statuses["review"] >= 2 and statuses["draft"] >= 2
        published = db.session.scalars(select(Practice).where(Practice.status == "published")).all()
        assert all(p.themes and p.organisations and p.spearhead and p.author for p in published)
        assert db.session.scalar(select(func.count(PracticeVersion.id))) >= statuses["published"]
        assert any(p.rating_count for p in published)
