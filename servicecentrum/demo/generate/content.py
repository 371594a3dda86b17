"""Library practices (themes, ratings, daily views) and peer questions with answers."""

from datetime import timedelta

from ...forum.models import Answer, Question, question_themes
from ...library.models import PRACTICE_KINDS, Practice, PracticeDailyViews, PracticeRating, practice_themes
from .base import Context, insert_rows
from .words import ANSWER, BODY, PLACES, PRACTICE_PATTERNS, QUESTION_PATTERNS, TOPICS

PRACTICE_STATUSES = (["published"] * 85) + (["review"] * 5) + (["draft"] * 7) + (["archived"] * 3)


def _title(ctx: Context, patterns: list[str]) -> tuple[str, str]:
    topic = ctx.rng.choice(TOPICS)
    title = ctx.rng.choice(patterns).format(topic=topic, place=ctx.rng.choice(PLACES))
    return topic, title[0].upper() + title[1:]


def generate_practices(ctx: Context, count: int) -> None:
    rng, members = ctx.rng, ctx.members
    rows, themes, ratings, views = [], [], [], []
    for _ in range(count):
        topic, title = _title(ctx, PRACTICE_PATTERNS)
        author_id, org_id = rng.choice(members)
        created = ctx.moment_in_last(3 * 365)
        status = rng.choice(PRACTICE_STATUSES)
        published = (created + timedelta(days=rng.randint(1, 20))
                     if status in ("published", "archived") else None)
        if published is not None and published > ctx.now:
            published = ctx.now - timedelta(hours=1)
        raters = rng.sample(members, min(len(members), int(rng.paretovariate(1.6)) - 1)) if published else []
        helpful = [rng.random() < 0.8 for _ in raters]
        rows.append({
            "title": title, "summary": f"Hoe {rng.choice(PLACES)} werk maakt van {topic}.",
            "body": BODY.format(topic=topic), "kind": rng.choice(list(PRACTICE_KINDS)),
            "spearhead_id": rng.choice(ctx.spearheads) if ctx.spearheads else None,
            "year": created.year - rng.randint(0, 3), "target_groups": [], "contact_name": "",
            "contact_email": "", "status": status, "author_id": author_id,
            "reviewer_id": rng.choice(ctx.advisers) if published else None,
            "created_at": created, "updated_at": published or created,
            "submitted_at": created if status != "draft" else None, "published_at": published,
            "helpful_count": sum(helpful), "rating_count": len(raters),
        })
        ratings.append([(user_id, ok) for (user_id, _), ok in zip(raters, helpful, strict=True)])
    with ctx.progress("Praktijken", len(rows)) as bar:
        ids = insert_rows(Practice, rows, bar, returning=True)
    for practice_id, row, raters in zip(ids, rows, ratings, strict=True):
        for theme_id in rng.sample(ctx.themes, rng.choice([1, 1, 2, 3])):
            themes.append({"practice_id": practice_id, "theme_id": theme_id})
        published = row["published_at"]
        if published is None:
            continue
        for user_id, ok in raters:
            ratings_row = {"practice_id": practice_id, "user_id": user_id, "helpful": ok,
                           "created_at": published + (ctx.now - published) * rng.random()}
            views.append(("r", ratings_row))
        age = max(1, min(365, (ctx.today - published.date()).days))
        popularity = rng.paretovariate(1.4)
        for offset in rng.sample(range(age), min(age, int(popularity * 3))):
            views.append(("v", {"practice_id": practice_id, "day": ctx.today - timedelta(days=offset),
                                "views": 1 + int(rng.expovariate(1 / popularity))}))
    rating_rows = [row for kind, row in views if kind == "r"]
    view_rows = [row for kind, row in views if kind == "v"]
    with ctx.progress("Praktijken: thema's, waarderingen, weergaven",
                      len(themes) + len(rating_rows) + len(view_rows)) as bar:
        insert_rows(practice_themes, themes, bar)
        insert_rows(PracticeRating, rating_rows, bar)
        insert_rows(PracticeDailyViews, view_rows, bar)
    ctx.counts.update(practices=len(rows), practice_ratings=len(rating_rows), practice_views=len(view_rows))


def generate_questions(ctx: Context, count: int) -> None:
    rng, members = ctx.rng, ctx.members
    rows, plans = [], []
    for _ in range(count):
        topic, title = _title(ctx, QUESTION_PATTERNS)
        author_id, org_id = rng.choice(members)
        created = ctx.moment_in_last(2 * 365)
        answers = []
        moment = created
        for _ in range(rng.choices(range(6), weights=[15, 30, 25, 15, 10, 5])[0]):
            moment = moment + (ctx.now - moment) * rng.random() * 0.2
            expert = rng.random() < 0.1
            answers.append((rng.choice(ctx.advisers) if expert else rng.choice(members)[0], expert, moment))
        accepted = rng.randrange(len(answers)) if answers and rng.random() < 0.45 else None
        rows.append({
            "title": title, "body": BODY.format(topic=topic), "author_id": author_id,
            "organisation_id": org_id, "has_accepted_answer": accepted is not None,
            "answer_count": len(answers), "created_at": created, "updated_at": created,
            "last_activity_at": moment,
        })
        plans.append((answers, accepted))
    with ctx.progress("Vragen", len(rows)) as bar:
        ids = insert_rows(Question, rows, bar, returning=True)
    answer_rows, theme_rows = [], []
    for question_id, (answers, accepted) in zip(ids, plans, strict=True):
        theme_rows.append({"question_id": question_id, "theme_id": rng.choice(ctx.themes)})
        for n, (author_id, expert, moment) in enumerate(answers):
            answer_rows.append({
                "question_id": question_id, "body": ANSWER, "author_id": author_id, "is_expert": expert,
                "is_accepted": n == accepted,
                "useful_count": rng.choices(range(5), weights=[40, 30, 15, 10, 5])[0],
                "created_at": moment, "updated_at": moment,
            })
    with ctx.progress("Antwoorden", len(answer_rows) + len(theme_rows)) as bar:
        insert_rows(question_themes, theme_rows, bar)
        insert_rows(Answer, answer_rows, bar)
    ctx.counts.update(questions=len(rows), answers=len(answer_rows))
