"""Demo events and topic wishes (idempotent: events keyed by title, proposals by title).

Dates are relative to the day of the first seed, in Amsterdam time. Registrations go straight
into the tables (no e-mail): the demo world is not news to anybody.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from ..auth.models import User
from ..database import utcnow
from ..events.models import Event, EventQuestion, Registration, TopicProposal, TopicSupport
from ..extensions import db
from ..taxonomy.models import Programme, Theme

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# title, kind, days from today, start hour, hours, place, online, capacity, theme, programme, description
EVENTS = [
    ("Masterclass: regie op de brede intake van statushouders", "masterclass", 16, 13, 3,
     "FORUM, Utrecht", "", 25, "inburgering", "onderwijs-en-inburgering",
     "Hoe houdt de gemeente de regie als welzijn, onderwijs en werk samen de intake doen? "
     "Met een casus uit een middelgrote gemeente en tijd voor uw eigen vraagstuk."),
    ("Kennisatelier: ouders betrekken bij de voor- en vroegschoolse educatie", "kennisatelier", 23, 10, 2,
     "Stadskantoor Zwolle", "", 2, "onderwijs", "onderwijs-en-inburgering",
     "Een werksessie in een kleine groep: wat werkt om ouders met een migratieachtergrond te bereiken?"),
    ("Netwerkbijeenkomst G30: samen werken aan sociale cohesie in de wijk", "netwerkbijeenkomst", 37, 15, 2,
     "", "https://vergaderen.example.nl/forum-g30", 60, "sociale-cohesie", "sociale-cohesie",
     "Beleidsmedewerkers van de G30 wisselen ervaringen uit over wijkaanpak en ontmoeting."),
    ("Kennisatelier: polarisatie op school bespreekbaar maken", "kennisatelier", -12, 13, 3,
     "FORUM, Utrecht", "", 20, "jeugd-en-veiligheid", "jeugd-en-veiligheid",
     "Terugblik: docenten en beleidsmakers oefenden met gesprekken over spanningen in de klas."),
]
PROPOSALS = [
    ("Arbeidsmarktkansen voor nieuwkomers met een zorgachtergrond", "werk",
     "Veel nieuwkomers werkten in de zorg. Hoe helpen gemeenten hen sneller aan erkenning en werk?"),
    ("Samenwerken met migrantenorganisaties bij de dualiteitsaanpak", "sociale-cohesie",
     "Hoe geven gemeenten zelforganisaties een echte rol zonder ze te overvragen?"),
]


def _moment(days: int, hour: int) -> datetime:
    day = datetime.now(AMSTERDAM).date() + timedelta(days=days)
    return datetime.combine(day, time(hour), tzinfo=AMSTERDAM).astimezone(ZoneInfo("UTC"))


def _by_slug(model, slug):
    return db.session.scalar(select(model).where(model.slug == slug))


def _user(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == email))


def _seed_event(row, organiser) -> Event:
    title, kind, days, hour, hours, place, online, capacity, theme, programme, description = row
    event = db.session.scalar(select(Event).where(Event.title == title))
    if event is not None:
        return event
    starts = _moment(days, hour)
    event = Event(kind=kind, title=title, description=description, starts_at=starts,
                  ends_at=starts + timedelta(hours=hours), location=place, online_url=online,
                  capacity=capacity, seats_taken=0, status="published", audience="all",
                  audience_kinds="", reminder_days=2, offer_hours=48, cancel_reason="",
                  theme=_by_slug(Theme, theme), programme=_by_slug(Programme, programme),
                  created_at=utcnow(), updated_at=utcnow())
    if "G30" in title:
        event.audience = "g30"
    event.organisers = [organiser] if organiser else []
    event.questions = [EventQuestion(purpose="registration", position=1, label="Heeft u dieetwensen?",
                                     required=False, choices=""),
                       EventQuestion(purpose="registration", position=2, label="Wat wilt u vooral leren?",
                                     required=False, choices="")]
    db.session.add(event)
    return event


def _register(event: Event, emails: list[str]) -> None:
    for email in emails:
        user = _user(email)
        if user is None:
            continue
        seated = event.seats_taken < event.capacity
        event.seats_taken += 1 if seated else 0
        db.session.add(Registration(event=event, user_id=user.id, answers={},
                                    status="confirmed" if seated else "waitlisted",
                                    created_at=utcnow(), confirmed_at=utcnow() if seated else None))


def seed_events() -> None:
    organiser = _user("adviseur@demo.test")
    for row in EVENTS:
        is_new = db.session.scalar(select(Event.id).where(Event.title == row[0])) is None
        event = _seed_event(row, organiser)
        if is_new and event.capacity == 2:  # a full kennisatelier with a waitlist
            db.session.flush()
            _register(event, ["m.bakker@demo.test", "l.vandijk@demo.test", "e.yilmaz@demo.test"])
    proposer = _user("ambtenaar@demo.test")
    supporter = _user("p.deboer@demo.test")
    for title, theme, description in PROPOSALS:
        if db.session.scalar(select(TopicProposal.id).where(TopicProposal.title == title)) is not None:
            continue
        proposal = TopicProposal(title=title, description=description, theme=_by_slug(Theme, theme),
                                 proposer=proposer, status="open", support_count=0, created_at=utcnow())
        db.session.add(proposal)
        if supporter is not None:
            db.session.flush()
            db.session.add(TopicSupport(proposal_id=proposal.id, user_id=supporter.id, created_at=utcnow()))
            proposal.support_count = 1
