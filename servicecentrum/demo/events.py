"""Demo events and topic wishes (idempotent: events keyed by title, proposals by title).

Dates are relative to the week of the first seed, on a fixed weekday, and always fall on a
working day (never a weekend or a Dutch public holiday), at office hours in Amsterdam time.
Registrations go straight into the tables (no e-mail): the demo world is not news to anybody.
"""

from datetime import date, timedelta

from sqlalchemy import select

from ..auth.models import User
from ..database import utcnow
from ..events.models import Event, EventQuestion, Registration, TopicProposal, TopicSupport
from ..extensions import db
from ..taxonomy.models import Programme, Theme
from .calendar import AMSTERDAM, at, today, working_day

MC, KA, NB = "masterclass", "kennisatelier", "netwerkbijeenkomst"
UTRECHT = "FORUM, Kaap Hoorndreef 54, Utrecht"
ONLINE = "https://vergaderen.example.nl/forum"
SANNE, MOHAMED, LOTTE, ELIF = ("ambtenaar@demo.test", "m.bakker@demo.test", "l.vandijk@demo.test",
                               "e.yilmaz@demo.test")
PIETER, ANITA, FATIMA, THIJS = ("p.deboer@demo.test", "a.ramautar@demo.test", "f.elamrani@demo.test",
                                "t.devries@demo.test")
LINH, AGNIESZKA, YUSUF, MARLOES = ("l.nguyen@demo.test", "a.kowalski@demo.test", "y.demir@demo.test",
                                   "m.hendriks@demo.test")
# Who comes to the events, in this order; a full event puts the rest on its waitlist.
CROWD = [MOHAMED, LOTTE, ELIF, FATIMA, THIJS, LINH, AGNIESZKA, YUSUF, PIETER, ANITA, MARLOES, SANNE]

# title, kind, (weeks from this week, weekday 0-4), (hour, minute), minutes, place, online link,
# capacity, theme, programme, organiser, how many of CROWD registered, description
EVENTS = [
    ("Masterclass: regie op de brede intake van statushouders", MC, (2, 1), (13, 30), 180,
     UTRECHT, "", 25, "inburgering", "onderwijs-en-inburgering", "adviseur@demo.test", 6,
     "Hoe houdt de gemeente de regie als welzijn, onderwijs en werk samen de intake doen? "
     "Met een casus uit een middelgrote gemeente en tijd voor uw eigen vraagstuk."),
    ("Kennisatelier: ouders betrekken bij de voor- en vroegschoolse educatie", KA, (3, 3), (10, 0), 150,
     "Stadskantoor Zwolle, Lübeckplein 2", "", 2, "onderwijs", "onderwijs-en-inburgering",
     "adviseur@demo.test", 3,
     "Een werksessie in een kleine groep: wat werkt om ouders met een migratieachtergrond te bereiken?"),
    ("Netwerkbijeenkomst G30: samen werken aan sociale cohesie in de wijk", NB, (5, 2), (15, 0), 120,
     "", ONLINE + "-g30", 60, "sociale-cohesie", "sociale-cohesie", "adviseur.cohesie@demo.test", 5,
     "Beleidsmedewerkers van de G30 wisselen ervaringen uit over wijkaanpak en ontmoeting."),
    ("Kennisatelier: polarisatie op school bespreekbaar maken", KA, (-2, 3), (13, 30), 180,
     UTRECHT, "", 20, "jeugd-en-veiligheid", "jeugd-en-veiligheid", "adviseur.jeugd@demo.test", 8,
     "Terugblik: docenten en beleidsmakers oefenden met gesprekken over spanningen in de klas."),
    ("Masterclass: zicht op discriminatie op de arbeidsmarkt", MC, (7, 1), (13, 30), 180,
     "Stadhuis Enschede, Langestraat 24", "", 30, "discriminatie", "servicecentrum-integratiebeleid",
     "adviseur@demo.test", 4,
     "Wat kan een gemeente als werkgever én als opdrachtgever doen tegen discriminatie bij werving? "
     "Met praktijkvoorbeelden van mystery calling en anoniem solliciteren."),
    ("Kennisatelier: geloofsgemeenschappen als partner in de wijk", KA, (6, 3), (10, 0), 150,
     "Wijkcentrum De Boog, Arnhem", "", 18, "religie-en-identiteit", "religie-en-identiteitsontwikkeling",
     "adviseur.cohesie@demo.test", 5,
     "Hoe werkt u samen met moskeeën, kerken en tempels zonder de scheiding van kerk en staat uit het "
     "oog te verliezen? We bespreken drie casussen van deelnemers."),
    ("Netwerkbijeenkomst inburgering: een jaar de nieuwe wet in de praktijk", NB, (9, 2), (13, 30), 180,
     UTRECHT, "", 80, "inburgering", "onderwijs-en-inburgering", "adviseur@demo.test", 7,
     "Gemeenten, taalaanbieders en welzijnsorganisaties vertellen wat goed gaat en wat beter moet."),
    ("Masterclass: gezinsmigratie en de rol van de gemeente", MC, (12, 3), (10, 0), 150,
     "", ONLINE + "-gezinsmigratie", 40, "immigratie", "immigratie-en-juridisch-burgerschap",
     "adviseur.recht@demo.test", 2,
     "Welke taken heeft de gemeente bij gezinshereniging, en waar houdt het op? Een jurist van FORUM "
     "legt het uit aan de hand van vragen uit de helpdesk."),
    ("Kennisatelier: jongerenwerk en school samen tegen schooluitval", KA, (15, 1), (13, 30), 180,
     "Gemeentehuis Culemborg, Ottenhoffplein 1", "", 20, "jeugd-en-veiligheid", "jeugd-en-veiligheid",
     "adviseur.jeugd@demo.test", 0,
     "Een middag voor kleinere gemeenten: wie doet wat als een jongere dreigt uit te vallen?"),
    ("Netwerkbijeenkomst G30: voorjaarsoverleg integratiebeleid", NB, (18, 3), (10, 0), 150,
     "Stadhuis Rotterdam, Coolsingel 40", "", 60, "sociale-cohesie", "servicecentrum-integratiebeleid",
     "adviseur@demo.test", 0,
     "Het halfjaarlijkse overleg van de G30-steden over de lokale agenda en de signalen voor het rijk."),
    ("Masterclass: effectmeting van integratiebeleid", MC, (-7, 1), (13, 30), 180,
     UTRECHT, "", 25, "participatie-en-zorg", "servicecentrum-integratiebeleid", "adviseur@demo.test", 9,
     "Terugblik: hoe laat u zien wat uw beleid oplevert, zonder een onderzoeksbureau in te huren?"),
    ("Netwerkbijeenkomst: wonen en samenleven in gemengde wijken", NB, (-11, 3), (15, 0), 120,
     "", ONLINE + "-wijken", 60, "wonen-en-wijken", "sociale-cohesie", "adviseur.cohesie@demo.test", 10,
     "Terugblik: corporaties en gemeenten over spreiding, woningtoewijzing en buurtcontact."),
    ("Kennisatelier: mantelzorg in migrantengezinnen", KA, (-15, 2), (10, 0), 150,
     "GGD-gebouw Tilburg, Ringbaan-West 300", "", 15, "participatie-en-zorg", "sociale-cohesie",
     "adviseur.cohesie@demo.test", 7,
     "Terugblik: hoe bereikt u mantelzorgers die zichzelf niet zo noemen?"),
    ("Masterclass: de naturalisatieceremonie als feestelijk moment", MC, (-23, 3), (13, 30), 180,
     "Stadhuis Den Haag, Spui 70", "", 30, "immigratie", "immigratie-en-juridisch-burgerschap",
     "adviseur.recht@demo.test", 6,
     "Terugblik: gemeenten deelden hoe zij de ceremonie persoonlijk en waardig maken."),
]
PROPOSALS = [
    ("Arbeidsmarktkansen voor nieuwkomers met een zorgachtergrond", "werk",
     "Veel nieuwkomers werkten in de zorg. Hoe helpen gemeenten hen sneller aan erkenning en werk?"),
    ("Samenwerken met migrantenorganisaties bij de dualiteitsaanpak", "sociale-cohesie",
     "Hoe geven gemeenten zelforganisaties een echte rol zonder ze te overvragen?"),
    ("Ouderen met een migratieachtergrond en eenzaamheid", "participatie-en-zorg",
     "De eerste generatie wordt oud. Hoe bereiken gemeenten en welzijn deze groep voordat er zorg nodig is?"),
]


def _event_day(day: date, taken: set[date]) -> date:
    """The first free working day from ``day``, outside the Christmas break (24 December to 1 January)."""
    day = working_day(day)
    while (day.month, day.day) >= (12, 24) or (day.month, day.day) <= (1, 1) or day in taken:
        day = working_day(day + timedelta(days=1))
    taken.add(day)
    return day


def _by_slug(model, slug):
    return db.session.scalar(select(model).where(model.slug == slug))


def _seed_event(row, users: dict, taken: set[date]) -> Event | None:
    (title, kind, (weeks, weekday), (hour, minute), minutes, place, online, capacity, theme, programme,
     organiser, _crowd, description) = row
    if db.session.scalar(select(Event.id).where(Event.title == title)) is not None:
        return None
    monday = today() - timedelta(days=today().weekday())
    day = _event_day(monday + timedelta(weeks=weeks, days=weekday), taken)
    starts = at(day, hour, minute)
    created = min(utcnow(), starts) - timedelta(days=42)
    event = Event(kind=kind, title=title, description=description, starts_at=starts,
                  ends_at=starts + timedelta(minutes=minutes), location=place, online_url=online,
                  capacity=capacity, seats_taken=0, status="published", audience="all",
                  audience_kinds="", reminder_days=2, offer_hours=48, cancel_reason="",
                  theme=_by_slug(Theme, theme), programme=_by_slug(Programme, programme),
                  created_at=created, updated_at=created)
    if "G30" in title:
        event.audience = "g30"
    event.organisers = [users[organiser]] if organiser in users else []
    event.questions = [EventQuestion(purpose="registration", position=1, label="Heeft u dieetwensen?",
                                     required=False, choices=""),
                       EventQuestion(purpose="registration", position=2, label="Wat wilt u vooral leren?",
                                     required=False, choices="")]
    db.session.add(event)
    return event


def _register(event: Event, people: list[User]) -> None:
    """Register people in order; past events show who came (all but every fourth)."""
    past = event.starts_at < utcnow()
    for n, user in enumerate(people):
        seated = event.seats_taken < event.capacity
        event.seats_taken += 1 if seated else 0
        signed_up = event.created_at + timedelta(days=3 + n)
        came = past and seated and n % 4 != 3
        db.session.add(Registration(event=event, user_id=user.id, answers={},
                                    status="confirmed" if seated else "waitlisted",
                                    created_at=signed_up, confirmed_at=signed_up if seated else None,
                                    checked_in_at=event.starts_at if came else None))


def seed_events() -> None:
    """Create the demo events and topic wishes that do not exist yet."""
    users = {u.email: u for u in db.session.scalars(select(User).where(User.email.like("%@demo.test")))}
    taken = {starts.astimezone(AMSTERDAM).date() for starts in db.session.scalars(select(Event.starts_at))}
    for row in EVENTS:
        event = _seed_event(row, users, taken)
        if event is None:
            continue
        db.session.flush()
        eligible = [users[e] for e in CROWD if e in users and (event.audience != "g30" or (
            users[e].organisation is not None and users[e].organisation.is_g30))]
        _register(event, eligible[:row[11]])
    proposer = users.get(SANNE)
    supporter = users.get(PIETER)
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
