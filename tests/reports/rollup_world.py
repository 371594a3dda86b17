"""A helpdesk world over six weeks for the roll-up tests: tickets filed at any hour, answered in
time, late or not at all, resolved or not, with surveys; events with evaluations. Today is fixed."""

import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from servicecentrum.extensions import db
from servicecentrum.helpdesk.models import Ticket
from servicecentrum.reports import tables
from servicecentrum.reports.coverage import Coverage
from servicecentrum.surveys.models import SurveyResponse
from tests.factories import make_event, make_programme, make_theme

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TODAY = date(2026, 4, 15)
NOW = datetime(2026, 4, 15, 10, 0, tzinfo=UTC)  # 12:00 in Amsterdam
CUTOFF = NOW - timedelta(minutes=15)  # nothing happens just before NOW: a run at NOW sees no late changes
FIRST = date(2026, 3, 3)

# Periods staff pick: closed days only, up to today, across the summer-time switch (29 March)
# and the month end, today alone, one running into the future, one before any data.
PERIODS = [
    (date(2026, 3, 1), date(2026, 3, 31)),
    (date(2026, 3, 1), TODAY),
    (date(2026, 3, 27), date(2026, 4, 2)),
    (date(2026, 3, 25), TODAY),
    (TODAY, TODAY),
    (date(2026, 4, 10), date(2026, 5, 10)),
    (date(2025, 1, 1), date(2025, 12, 31)),
]


def moment(day: date, minutes: int) -> datetime:
    """``minutes`` after midnight of ``day`` in Amsterdam, in UTC."""
    return (datetime.combine(day, datetime.min.time(), tzinfo=AMSTERDAM)
            + timedelta(minutes=minutes)).astimezone(UTC)


def build(seed: int = 14) -> dict:
    """Fill the database; return the programmes and themes."""
    rng = random.Random(seed)
    programmes = [make_programme(name=name) for name in ("Alfa", "Beta", "Gamma")]
    themes = [make_theme(name=name) for name in ("Onderwijs", "Wonen")]
    long_ago = moment(FIRST - timedelta(days=60), 600)
    events = [make_event(kind=kind, programme_id=rng.choice(programmes).id, theme_id=rng.choice(themes).id,
                         starts_at=moment(FIRST + timedelta(days=7 * n), 600), created_at=long_ago,
                         updated_at=long_ago)
              for n, kind in enumerate(["masterclass", "kennisatelier", "netwerkbijeenkomst"] * 2)]
    tickets, day = [], FIRST
    while day <= TODAY:
        for _ in range(rng.randint(2, 6)):
            # Late evenings too: 23:30 in Amsterdam is the next day in UTC half the year.
            created = moment(day, rng.choice([5, 8 * 60, 13 * 60, 23 * 60 + 30, rng.randint(0, 1439)]))
            if created > CUTOFF:
                continue
            due = day + timedelta(days=rng.randint(1, 4))
            answer = rng.choice(["in time", "last minute", "late", None])
            responded = {"in time": created + timedelta(hours=3),
                         "last minute": moment(due, 23 * 60 + 50),  # 23:50 on the due date: on time
                         "late": moment(due, 24 * 60 + 10), None: None}[answer]
            responded = responded if responded and responded <= CUTOFF else None
            resolved = created + timedelta(days=rng.uniform(0.2, 9)) if rng.random() < 0.7 else None
            resolved = resolved if resolved and resolved <= CUTOFF else None
            tickets.append(Ticket(
                subject="Vraag", programme_id=rng.choice(programmes).id,
                theme_id=rng.choice([None, *(t.id for t in themes)]), created_at=created,
                updated_at=resolved or responded or created, first_response_due=due,
                first_responded_at=responded, resolved_at=resolved,
                status="resolved" if resolved else "open"))
        day += timedelta(days=1)
    db.session.add_all(tickets)
    db.session.flush()
    for ticket in tickets:
        if ticket.resolved_at and rng.random() < 0.6:
            db.session.add(SurveyResponse(subject_type="ticket", subject_id=ticket.id,
                                          rating=rng.randint(1, 5),
                                          created_at=min(CUTOFF, ticket.resolved_at + timedelta(hours=20))))
    for event in events:
        for n in range(rng.randint(1, 5)):
            answered = event.starts_at + timedelta(hours=rng.choice([3, 14, 30]))
            if answered <= CUTOFF:
                db.session.add(SurveyResponse(subject_type="event", subject_id=event.id,
                                              respondent_id=None, rating=rng.randint(1, 5),
                                              created_at=answered + timedelta(minutes=n)))
    db.session.commit()
    return {"programmes": programmes, "themes": themes, "tickets": tickets}


def filter_sets(world: dict) -> list[dict]:
    return [{}, {"programme_id": world["programmes"][1].id}, {"theme_id": world["themes"][0].id}]


def figures(start: date, end: date, live: bool = False, **choices) -> dict:
    """Every dashboard table of the period: title, columns and rows (``live``: all from the raw tables)."""
    every_day_live = Coverage(live=((start, end),)) if live else None
    filters = tables.Filters(start=start, end=end, coverage=every_day_live, **choices)
    return {table.key: (table.title, [c.label for c in table.columns], table.rows)
            for table in tables.build_all(filters)}
