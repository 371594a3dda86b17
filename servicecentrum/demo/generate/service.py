"""Helpdesk tickets (SLA dates, surveys), events (registrations, evaluations), signals, search misses."""

from datetime import datetime, time, timedelta

from ...events.models import EVENT_KINDS, Event, Registration
from ...helpdesk import sla
from ...helpdesk.models import Ticket
from ...search.models import SearchMiss
from ...signals.models import Signal
from ...surveys.models import SurveyResponse
from .base import Context, insert_rows, weighted_rating
from .words import COMMENTS, EVENT_PATTERNS, MISSES, SIGNAL, TICKET_PATTERNS, TOPICS


class DueDates:
    """Working-day due dates per (Amsterdam date, service level), computed once per distinct key."""

    def __init__(self):
        self.targets = {level: sla.targets(level) for level in ("basic", "additional")}
        self.cache = {}

    def __call__(self, day, level):
        key = (day, level)
        if key not in self.cache:
            first, resolution = self.targets[level]
            self.cache[key] = (sla.add_working_days(day, first), sla.add_working_days(day, resolution))
        return self.cache[key]


def _deadline(day) -> datetime:
    return datetime.combine(day, time(17, 0), sla.AMSTERDAM)


def _ticket(ctx: Context, due_dates: DueDates) -> tuple[dict, datetime | None]:
    rng, now = ctx.rng, ctx.now
    requester_id, org_id = rng.choice(ctx.members)
    created = ctx.moment_in_last(548)
    level = "additional" if rng.random() < 0.08 else "basic"
    first_due, resolution_due = due_dates(sla.local_date(created), level)
    age_days = (now - created).days
    late = rng.random() < 0.15
    responded = created + timedelta(hours=rng.uniform(1, 30))
    if late:
        responded = _deadline(first_due) + timedelta(hours=rng.uniform(2, 70))
    resolved = responded + timedelta(days=rng.uniform(0.5, 20 if rng.random() < 0.85 else 60))
    done_chance = min(0.97, age_days / 30)
    if resolved < now and rng.random() < done_chance:
        status = "closed" if (now - resolved).days > 7 and rng.random() < 0.8 else "resolved"
    else:
        resolved = None
        status = rng.choice(["new", "open", "open", "waiting"]) if responded < now else "new"
    if status == "new" or responded >= now:
        responded = None
    topic = rng.choice(TOPICS)
    row = {
        "subject": rng.choice(TICKET_PATTERNS).format(topic=topic),
        "body": f"Wij willen graag advies over {topic}.",
        "theme_id": rng.choice(ctx.themes), "requester_id": requester_id, "organisation_id": org_id,
        "programme_id": rng.choice(ctx.programmes), "assignee_id": rng.choice(ctx.advisers),
        "status": status, "priority": rng.choices(["low", "normal", "high", "urgent"], [10, 70, 15, 5])[0],
        "service_level": level, "routing_note": "Gegenereerd", "first_response_due": first_due,
        "resolution_due": resolution_due, "first_responded_at": responded, "resolved_at": resolved,
        "closed_at": resolved + timedelta(days=7) if status == "closed" else None,
        "survey_sent_at": resolved, "publish_consent": rng.random() < 0.3, "publish_named": False,
        "created_at": created, "updated_at": resolved or responded or created,
    }
    return row, resolved


def generate_tickets(ctx: Context, count: int) -> None:
    rng, due_dates = ctx.rng, DueDates()
    rows = [_ticket(ctx, due_dates) for _ in range(count)]
    with ctx.progress("Helpdeskvragen", count) as bar:
        ids = insert_rows(Ticket, [row for row, _ in rows], bar, returning=True)
    surveys, signals = [], []
    for ticket_id, (row, resolved) in zip(ids, rows, strict=True):
        if resolved is not None and rng.random() < 0.35:
            answered = min(ctx.now, resolved + timedelta(hours=rng.uniform(1, 96)))
            surveys.append({
                "subject_type": "ticket", "subject_id": ticket_id, "respondent_id": row["requester_id"],
                "programme_id": row["programme_id"], "organisation_id": row["organisation_id"],
                "rating": weighted_rating(rng, -1 if row["first_responded_at"] and row["first_responded_at"]
                                          > _deadline(row["first_response_due"]) else 0),
                "comment": rng.choice(COMMENTS), "created_at": answered,
            })
        if rng.random() < 0.03:
            signals.append(_signal(ctx, "ticket", row, ticket_id))
    with ctx.progress("Tevredenheid en signalen", len(surveys) + len(signals)) as bar:
        insert_rows(SurveyResponse, surveys, bar)
        insert_rows(Signal, signals, bar)
    ctx.counts.update(tickets=count, ticket_surveys=len(surveys), signals=len(signals))


def _signal(ctx: Context, source: str, row: dict, ticket_id: int) -> dict:
    org_id = row["organisation_id"]
    return {
        "source_type": source, "ticket_id": ticket_id, "theme_id": row["theme_id"],
        "description": SIGNAL.format(topic=ctx.rng.choice(TOPICS)), "organisation_id": org_id,
        "region": ctx.organisations[org_id][1], "created_by_id": row["assignee_id"],
        "created_at": min(ctx.now, row["created_at"] + timedelta(days=ctx.rng.uniform(0, 10))),
    }


def generate_events(ctx: Context, count: int) -> None:
    rng, now = ctx.rng, ctx.now
    rows, plans = [], []
    regions = sorted({region for _, region in ctx.organisations.values() if region})
    for _ in range(count):
        kind = rng.choice(EVENT_KINDS)
        day = ctx.today + timedelta(days=rng.randint(-548, 90))
        starts = datetime.combine(day, time(rng.choice([10, 14]), 0), sla.AMSTERDAM).astimezone(now.tzinfo)
        capacity = rng.choice([20, 25, 30, 40, 60, 80, 120])
        status = "cancelled" if rng.random() < 0.03 else "published"
        demand = min(len(ctx.members), int(capacity * rng.uniform(0.4, 1.4)))
        rows.append({
            "kind": kind,
            "title": EVENT_PATTERNS[kind].format(topic=rng.choice(TOPICS), region=rng.choice(regions)),
            "description": "Een bijeenkomst om kennis en ervaringen uit te wisselen.",
            "theme_id": rng.choice(ctx.themes), "programme_id": rng.choice(ctx.programmes),
            "starts_at": starts, "ends_at": starts + timedelta(hours=3), "location": "Utrecht",
            "online_url": "", "capacity": capacity, "seats_taken": 0, "status": status,
            "registration_opens_at": starts - timedelta(days=60), "registration_closes_at": starts,
            "audience": "all", "audience_kinds": "", "reminder_days": 2, "offer_hours": 48,
            "cancelled_at": starts - timedelta(days=10) if status == "cancelled" else None,
            "cancel_reason": "Te weinig aanmeldingen." if status == "cancelled" else "",
            "evaluation_sent_at": (starts + timedelta(hours=4)
                                   if starts < now and status == "published" else None),
            "created_by_id": rng.choice(ctx.advisers), "created_at": min(now, starts - timedelta(days=75)),
            "updated_at": min(now, starts - timedelta(days=75)),
        })
        plans.append(rng.sample(ctx.members, demand))
    registrations, evaluations = [], []
    for index, (row, people) in enumerate(zip(rows, plans, strict=True)):
        confirmed = 0
        for n, (user_id, org_id) in enumerate(people):
            status = "confirmed" if n < row["capacity"] else (
                "waitlisted" if row["starts_at"] > now else "expired")
            if row["status"] == "cancelled" or rng.random() < 0.08:
                status = "cancelled"
            registered = min(now, row["starts_at"] - timedelta(days=rng.uniform(1, 55)))
            checked = status == "confirmed" and row["starts_at"] < now and rng.random() < 0.82
            confirmed += status == "confirmed"
            registrations.append({
                "event_id": index, "user_id": user_id, "status": status, "created_at": registered,
                "confirmed_at": registered if status == "confirmed" else None,
                "cancelled_at": registered + timedelta(hours=5) if status == "cancelled" else None,
                "checked_in_at": (row["starts_at"] + timedelta(minutes=rng.randint(-20, 30))
                                  if checked else None),
            })
            if checked and rng.random() < 0.4:
                evaluations.append({
                    "subject_type": "event", "subject_id": index, "respondent_id": user_id,
                    "programme_id": row["programme_id"], "organisation_id": org_id,
                    "rating": weighted_rating(rng), "comment": rng.choice(COMMENTS),
                    "created_at": min(now, row["starts_at"] + timedelta(days=rng.uniform(0.2, 6)))})
        row["seats_taken"] = confirmed
    with ctx.progress("Bijeenkomsten", len(rows)) as bar:
        ids = insert_rows(Event, rows, bar, returning=True)
    for registration in registrations:
        registration["event_id"] = ids[registration["event_id"]]
    for evaluation in evaluations:
        evaluation["subject_id"] = ids[evaluation["subject_id"]]
    with ctx.progress("Aanmeldingen en evaluaties", len(registrations) + len(evaluations)) as bar:
        insert_rows(Registration, registrations, bar)
        insert_rows(SurveyResponse, evaluations, bar)
    ctx.counts.update(events=len(rows), registrations=len(registrations), event_surveys=len(evaluations))


def generate_search_misses(ctx: Context, count: int) -> None:
    """Queries that found nothing: a few frequent gaps and a long tail, over the last year."""
    rng = ctx.rng
    rows = [{"query": rng.choices(MISSES, weights=range(len(MISSES), 0, -1))[0]
             if rng.random() < 0.85 else f"{rng.choice(MISSES)} {rng.choice(TOPICS).split()[0]}",
             "created_at": ctx.moment_in_last(365, working_hours=False)} for _ in range(count)]
    with ctx.progress("Zoektermen zonder resultaat", len(rows)) as bar:
        insert_rows(SearchMiss, rows, bar)
    ctx.counts["search_misses"] = len(rows)
