"""Render cost of the question page with 200 answers and of the question list (issue 14).

    .venv/bin/python bench/question_page.py                 # this checkout
    .venv/bin/python bench/question_page.py --profile 30    # and the 30 costliest functions
    git archive <commit> | tar -x -C /tmp/old && ROOT=/tmp/old .venv/bin/python bench/question_page.py

In-process (Flask test client, SQLite in memory), logged in as the officer who asked the question
(the member with the most buttons: "Nuttig" and "Markeer als beste antwoord" on nearly every
answer). Per page: the median wall and CPU time of 20 requests after a warm-up, and from one
profiled request how often the costly helpers ran: translations in templates, WTForms field
renders, url_for, macro calls, Babel dates. ROOT points at another checkout to compare with.
A benchmark, not a test: it prints figures.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(os.environ.get("ROOT") or Path(__file__).resolve().parent.parent)
sys.path.insert(0, str(ROOT))

from servicecentrum.extensions import db  # noqa: E402
from servicecentrum.forum.models import Answer, AnswerVote, PostAttachment, Question  # noqa: E402
from tests import factories  # noqa: E402
from tests.conftest import app_for, open_session_for  # noqa: E402

ANSWERS = 200
REQUESTS = 20
COUNTED = {  # label: (part of the file name, function name)
    "template translations (_ and gettext)": ("jinja2/ext", "_gettext_alias"),
    "template plurals (ngettext)": ("jinja2/ext", "ngettext"),
    "WTForms field renders": ("wtforms/fields/core", "__call__"),
    "url_for": ("flask/app", "url_for"),
    "macro calls": ("jinja2/runtime", "_invoke"),
    "Babel dates": ("servicecentrum/dates", "format_date"),
    "can_view_answer (inside every answer rule)": ("servicecentrum/policies/__init__", "can_view_answer"),
}


def build() -> tuple[int, int]:
    """Make a thread of 200 answers (votes, files) and 40 questions with a theme; return asker, thread."""
    asker = factories.make_user()
    question = Question(title="Een vraag met veel antwoorden", body="Tekst **vet**", author_id=asker.id)
    db.session.add(question)
    authors = [factories.make_user(), factories.make_user(role="adviser"), None, asker]
    for n in range(ANSWERS):
        db.session.add(Answer(question=question, is_accepted=n == 1,
                              author_id=getattr(authors[n % 4], "id", None),
                              body=f"Antwoord {n} met *wat* tekst en een [link](https://example.org)."))
    db.session.commit()
    ids = list(db.session.scalars(db.select(Answer.id).where(Answer.question_id == question.id)))
    db.session.add_all(AnswerVote(answer_id=answer_id, user_id=asker.id) for answer_id in ids[::3])
    db.session.add_all(PostAttachment(post_type="answer", post_id=answer_id, filename="plan.pdf", size=1000,
                                      stored_name=f"plan-{answer_id}.pdf", content_type="application/pdf")
                       for answer_id in ids[::10])
    theme = factories.make_theme()
    db.session.add_all(Question(title=f"Vraag nummer {n} over iets", body="Tekst", themes=[theme],
                                author_id=getattr(authors[n % 3], "id", None), is_locked=n % 4 == 0)
                       for n in range(40))
    db.session.commit()
    return asker.id, question.id


def counts(stats: pstats.Stats) -> dict[str, int]:
    """Return how often each counted function ran."""
    found = dict.fromkeys(COUNTED, 0)
    for (file, _line, function), (_cc, calls, *_rest) in stats.stats.items():
        for label, (part, name) in COUNTED.items():
            if function == name and part in file:
                found[label] += calls
    return found


def measure(client, url: str, top: int) -> None:
    """Print the times and counts of one page."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    wall, cpu = [], []
    for _ in range(REQUESTS):
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    profile = cProfile.Profile()
    profile.runcall(client.get, url)
    stats = pstats.Stats(profile)
    print(f"{url}: {len(response.get_data())} bytes; median of {REQUESTS}: {statistics.median(wall):.1f} ms "
          f"wall, {statistics.median(cpu):.1f} ms CPU (fastest {min(wall):.1f} ms)")
    for label, number in counts(stats).items():
        print(f"    {label}: {number}")
    if top:
        stats.sort_stats("tottime").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print the N costliest functions")
    args = parser.parse_args()
    print(f"code: {ROOT}")
    with tempfile.TemporaryDirectory(prefix="question-page-") as folder, app_for(Path(folder), None) as app:
        with app.app_context():
            asker_id, question_id = build()
        client = app.test_client()
        open_session_for(app, client, asker_id)
        for url in (f"/vragen/{question_id}", "/vragen"):
            measure(client, url, args.profile)


if __name__ == "__main__":
    main()
