"""A year of demo helpdesk history, so every month of the reports has data (idempotent, deterministic).

Tickets are keyed by requester and subject. Every ticket is filed on a working day during office
hours; replies follow on working days. Resolved tickets carry time entries and, often, the
requester's satisfaction rating. A fixed random seed keeps the same mix on every fresh install.
"""

import random
from datetime import datetime, timedelta

from sqlalchemy import select

from ..auth.models import User
from ..database import utcnow
from ..extensions import db
from ..helpdesk.history import log_change
from ..helpdesk.models import Ticket, TimeEntry
from ..helpdesk.routing import Decision, active_rules, fallback_programme, rule_matches
from ..surveys.models import SurveyResponse
from ..surveys.services import TICKET
from ..taxonomy.models import Programme, Theme
from .calendar import AMSTERDAM, after_office_hours, at, today, working_day
from .data import ACCOUNTS
from .helpdesk import seed_ticket

HOW_MANY = 156  # about three a week
DAYS_BACK = 365
RAVI, ROB, CARLA, JULIA = ("adviseur@demo.test", "adviseur.jeugd@demo.test", "adviseur.cohesie@demo.test",
                           "adviseur.recht@demo.test")
ADVISER_OF = {"servicecentrum-integratiebeleid": RAVI, "onderwijs-en-inburgering": RAVI,
              "jeugd-en-veiligheid": ROB, "sociale-cohesie": CARLA,
              "religie-en-identiteitsontwikkeling": CARLA, "immigratie-en-juridisch-burgerschap": JULIA}

# subject, theme slug, body
SUBJECTS = [
    ("Voorbeelden van een integratievisie voor een middelgrote gemeente", None,
     "De raad vraagt om een nieuwe integratievisie. Welke gemeenten van onze omvang hebben er recent een "
     "vastgesteld, en hoe hebben zij bewoners erbij betrokken?"),
    ("Hoe meten we het effect van onze taalcafés?", "inburgering",
     "We financieren vijf taalcafés. De raad wil weten wat ze opleveren. Welke indicatoren zijn zinvol?"),
    ("Brede intake inburgering: wie doet wat?", "inburgering",
     "Wij twijfelen over de taakverdeling tussen het Werkplein en de welzijnspartner bij de brede intake."),
    ("Stagediscriminatie: wat kan de gemeente doen?", "discriminatie",
     "Studenten melden dat zij met hun naam minder vaak een stage vinden. Welke rol kan de gemeente pakken?"),
    ("Subsidievoorwaarden voor migrantenorganisaties", "sociale-cohesie",
     "We willen de subsidieregeling voor zelforganisaties herzien. Welke voorwaarden zijn gebruikelijk?"),
    ("Jongeren en polarisatie na een landelijk incident", "jeugd-en-veiligheid",
     "Na berichten in het nieuws lopen de emoties op in twee wijken. Hoe houden we het gesprek gaande?"),
    ("Ouderbetrokkenheid in het voortgezet onderwijs", "onderwijs",
     "Scholen zien ouders met een migratieachtergrond weinig op ouderavonden. Welke aanpak werkt?"),
    ("Naturalisatieceremonie in kleine kring", "immigratie",
     "We hebben maar een handvol nieuwe Nederlanders per keer. Hoe maken we er toch een waardig moment van?"),
    ("Gezinshereniging en huisvesting", "immigratie",
     "Het aantal nareizigers stijgt. Welke afspraken maken gemeenten met corporaties over woonruimte?"),
    ("Samenwerking met moskeeën bij jongerenwerk", "religie-en-identiteit",
     "Een moskee wil huiswerkbegeleiding aanbieden. Mogen wij dat ondersteunen, en onder welke voorwaarden?"),
    ("Wijkaanpak in een gemengde buurt", "wonen-en-wijken",
     "Bewoners van oud en nieuw in de wijk leven langs elkaar heen. Welke aanpak brengt hen in contact?"),
    ("Voorschoolse educatie: bereik in twee wijken achter", "onderwijs",
     "Het VVE-bereik blijft in twee wijken onder de zestig procent. Wat kunnen we nog meer doen?"),
    ("Mantelzorgers met een migratieachtergrond bereiken", "participatie-en-zorg",
     "Ons steunpunt mantelzorg bereikt deze groep nauwelijks. Hoe doen andere gemeenten dat?"),
    ("Tolken bij WMO-gesprekken", "participatie-en-zorg",
     "Consulenten vragen wanneer een professionele tolk nodig is. Is daar een richtlijn voor?"),
    ("Arbeidsmarkttoeleiding van statushouders met een diploma", "werk",
     "Statushouders met een hbo-diploma komen lastig aan passend werk. Wie heeft een goede aanpak?"),
    ("Meldpunt discriminatie: wat hoort de gemeente te regelen?", "discriminatie",
     "Wat is onze wettelijke taak rond de antidiscriminatievoorziening, en wat is goed gebruik?"),
    ("Dialoogbijeenkomsten over gedeelde waarden", "religie-en-identiteit",
     "We willen een reeks gesprekken organiseren over vrijheid en verdraagzaamheid. Wie heeft ervaring?"),
    ("Schooluitval na de overstap naar het mbo", "onderwijs",
     "Na de zomer vallen veel jongeren uit in het eerste mbo-jaar. Hoe signaleren we dat eerder?"),
    ("Buurtbemiddeling bij spanningen tussen bewoners", "sociale-cohesie",
     "Een conflict tussen buren loopt uit tot een ruzie tussen families. Werkt buurtbemiddeling hier?"),
    ("Participatieverklaring: vormgeving van de workshop", "inburgering",
     "Hoe geven andere gemeenten het participatieverklaringstraject vorm, en wie verzorgt de workshop?"),
    ("Huisvesting van arbeidsmigranten", "immigratie",
     "Er komen steeds meer arbeidsmigranten uit Midden- en Oost-Europa. Hoe voorkomen we overbewoning?"),
    ("Sportverenigingen als plek voor ontmoeting", "sociale-cohesie",
     "We willen sportclubs inzetten voor contact tussen groepen. Welke voorwaarden werken?"),
    ("Overlast rond een jongerenontmoetingsplek", "jeugd-en-veiligheid",
     "Omwonenden klagen over een groep jongeren bij het winkelcentrum. Hoe pakken we dat aan zonder "
     "de jongeren weg te jagen?"),
    ("Inburgeraars in de Z-route: invulling van participatie", "inburgering",
     "Welke activiteiten tellen mee voor de participatie-uren in de zelfredzaamheidsroute?"),
    ("Diversiteit in het eigen personeelsbestand", "discriminatie",
     "De gemeente wil als werkgever een afspiegeling van de stad zijn. Welke maatregelen hebben effect?"),
    ("Ouderen van de eerste generatie en eenzaamheid", "participatie-en-zorg",
     "Oudere migranten komen weinig naar het buurthuis. Hoe bereiken we hen voordat er zorg nodig is?"),
    ("Gemeentelijke rol bij verblijfsvragen van inwoners", "immigratie",
     "Inwoners vragen ons om hulp bij hun verblijfsaanvraag. Wat mogen en moeten wij doen?"),
    ("Burgerschapsonderwijs en de gemeente", "onderwijs",
     "Scholen vragen ons mee te denken over burgerschapsonderwijs. Wat is onze rol naast die van de school?"),
    ("Sleutelfiguren inzetten in de wijk", "sociale-cohesie",
     "We willen werken met sleutelfiguren uit gemeenschappen. Hoe vinden, ondersteunen en belonen we hen?"),
    ("Radicalisering: signalen en doorverwijzing", "jeugd-en-veiligheid",
     "Een docent maakt zich zorgen over een leerling. Hoe ziet een goede lijn naar het zorg- en "
     "veiligheidshuis eruit?"),
    ("Spreiding van statushouders over de kernen", "wonen-en-wijken",
     "Wij hebben vijf kernen. Hoe verdelen andere plattelandsgemeenten de woningen voor statushouders?"),
    ("Werkgevers betrekken bij taal op de werkvloer", "werk",
     "Hoe krijgen we werkgevers zover dat zij taalles tijdens werktijd mogelijk maken?"),
    ("Evaluatie van ons integratiebeleid", None,
     "Over een half jaar evalueren we het beleid. Kunt u meedenken over de opzet van de evaluatie?"),
    ("Religieuze feestdagen en verlof", "religie-en-identiteit",
     "Medewerkers vragen verlof voor religieuze feestdagen. Hoe regelen andere gemeenten dat?"),
    ("Kinderen van nieuwkomers in het onderwijs", "onderwijs",
     "De nieuwkomersklas zit vol. Welke andere vormen van eerste opvang in het onderwijs zijn er?"),
    ("Vrijwilligers werven voor maatjesprojecten", "participatie-en-zorg",
     "Ons maatjesproject voor nieuwkomers heeft een wachtlijst. Waar vinden andere gemeenten vrijwilligers?"),
]

FIRST_REPLIES = [
    "Dank voor uw vraag. Ik heb twee gemeenten gevonden die hier ervaring mee hebben en stuur u hun "
    "beleidsnotities toe. Wilt u daarna een kort telefonisch overleg om uw eigen situatie te bespreken?",
    "Een vraag die we vaker krijgen. Ons advies: begin in één wijk of bij één groep, spreek vooraf af "
    "wat u wilt bereiken en hoe u dat merkt, en breid daarna pas uit.",
    "Op het extranet staat een praktijk uit een vergelijkbare gemeente. De kern: een vaste "
    "contactpersoon, korte lijnen met de uitvoering en elk halfjaar een gezamenlijke terugblik.",
    "Wij hebben uw vraag in het team besproken. Er is geen landelijke richtlijn, maar de meeste "
    "gemeenten leggen de afspraken vast in een convenant met hun partners. Ik stuur u een voorbeeld.",
    "Dank voor de heldere vraag. Voordat ik advies geef: hoeveel inwoners betreft het ongeveer, en "
    "welke partners zijn nu al betrokken?",
    "Het antwoord hangt af van de afspraken in uw regio. Ik heb de belangrijkste mogelijkheden op een "
    "rij gezet, met per mogelijkheid een gemeente die u kunt bellen.",
]
FOLLOW_UPS = [
    "Dank u wel, hier kunnen we mee verder.",
    "Helder. Ik bespreek het met mijn leidinggevende en laat het weten als er nog vragen zijn.",
    "Dank voor de snelle reactie; ik heb de voorbeelden doorgestuurd aan de wethouder.",
    "Het gaat om ongeveer tweehonderd inwoners; welzijn en het onderwijs zijn al aangehaakt.",
    "Goed om te horen dat andere gemeenten hier ook mee worstelen. We nemen contact met hen op.",
]
CLOSINGS = [
    "Fijn dat u verder kunt. Ik zet uw vraag op opgelost; u krijgt een korte vragenlijst over onze hulp.",
    "Succes met de uitwerking. Laat u ons weten hoe het gaat? Dan delen we uw ervaring graag met anderen.",
    "Mooi. Ik sluit de vraag af; u kunt altijd een nieuwe vraag stellen als er iets verandert.",
]
NOTES = [
    "Vergelijkbare vraag kwam eerder dit jaar uit een andere G30-gemeente; zelfde voorbeelden gebruiken.",
    "Even afgestemd met de collega's van het programma; geen extra begeleiding nodig.",
    "Mogelijk een signaal voor de ministeriële rapportage: vaker gesteld dan vorig jaar.",
]
WAITING = ("Om u goed te helpen wil ik graag weten welke afspraken er nu al zijn met uw partners. "
           "Kunt u die kort beschrijven?")
COMMENTS = [
    "Snel antwoord en precies wat ik nodig had.",
    "De voorbeelden van andere gemeenten hielpen ons echt verder.",
    "Het duurde wat lang voordat er een reactie kwam, maar het advies was goed.",
    "",
    "Heel bruikbaar; we hebben het advies overgenomen in de raadsnotitie.",
    "",
    "Prettig contact en meedenken met onze situatie.",
]
RATINGS = [5, 4, 5, 4, 3, 5, 4, 2, 4, 5]
FIRST_HOURS = [2, 3, 5, 7, 20, 26, 30, 48, 52, 75]  # some later than the target, as in real life
WORK_NOTES = ["Uitzoekwerk en antwoord", "Voorbeelden verzameld", "Telefonisch overleg", "Advies geschreven"]


def _router(users: dict):
    """Route like the helpdesk does, with the rules loaded once; the programme's demo adviser answers."""
    rules, fallback = active_rules(), fallback_programme()

    def decide(subject: str, body: str, theme, organisation) -> tuple[Decision, User]:
        text = f"{subject}\n{body}".casefold()
        for rule in rules:
            reason = rule_matches(rule, text, getattr(theme, "id", None), organisation)
            if reason is not None:
                adviser = rule.adviser or users.get(ADVISER_OF.get(rule.programme.slug)) or users[RAVI]
                note = f"Regel '{rule.name}' (nr. {rule.id}): {reason}"
                return Decision(rule.programme, adviser, rule, note[:300]), adviser
        adviser = users.get(ADVISER_OF.get(fallback.slug)) or users[RAVI]
        return Decision(fallback, adviser, None, f"Geen regel van toepassing; naar {fallback.name}"), adviser

    return decide


def _officers(users: dict) -> list[User]:
    return [users[email] for email, _n, role, *_rest in ACCOUNTS if role == "officer" and email in users]


def _status(days_ago: int, rng: random.Random) -> str:
    if days_ago < 4:
        return rng.choice(["new", "open"])
    if days_ago < 15:
        return rng.choice(["open", "waiting", "resolved"])
    return "closed" if rng.random() < 0.25 else "resolved"


def _conversation(created: datetime, status: str, adviser: str, requester: str, rng: random.Random):
    """Messages as (author, kind, text, hours after filing), never later than now."""
    if status == "new":
        return []
    now = utcnow()
    first = after_office_hours(created, rng.choice(FIRST_HOURS))
    steps = [(first, adviser, "reply", WAITING if status == "waiting" else rng.choice(FIRST_REPLIES))]
    if rng.random() < 0.3:
        steps.insert(0, (after_office_hours(created, 1), adviser, "note", rng.choice(NOTES)))
    if status in ("resolved", "closed"):
        answer = after_office_hours(first, rng.choice([4, 20, 28, 50]))
        closing = after_office_hours(answer, rng.choice([3, 22, 70, 120]))
        steps += [(answer, requester, "reply", rng.choice(FOLLOW_UPS)),
                  (closing, adviser, "reply", rng.choice(CLOSINGS))]
    return [(author, kind, text, (moment - created).total_seconds() / 3600)
            for moment, author, kind, text in sorted(steps) if moment <= now]


def _aftercare(ticket: Ticket, adviser: User, rng: random.Random) -> None:
    """Time entries for the work done, and the requester's rating on most resolved tickets."""
    replies = [m for m in ticket.messages if m.author_id == adviser.id]
    for message in replies[:2]:
        db.session.add(TimeEntry(
            ticket_id=ticket.id, adviser_id=adviser.id, organisation_id=ticket.organisation_id,
            billable=False,
            work_date=message.created_at.astimezone(AMSTERDAM).date(),
            minutes=rng.choice([30, 45, 60, 90, 120]), note=rng.choice(WORK_NOTES),
            created_at=message.created_at))
    if ticket.resolved_at is not None and rng.random() < 0.65:
        answered = min(ticket.resolved_at + timedelta(days=1), utcnow())
        db.session.add(SurveyResponse(
            subject_type=TICKET, subject_id=ticket.id, respondent_id=ticket.requester_id,
            programme_id=ticket.programme_id, organisation_id=ticket.organisation_id,
            rating=rng.choice(RATINGS), comment=rng.choice(COMMENTS), answers=None, created_at=answered))
        log_change(ticket, ticket.requester, "survey", new="Beoordeling gegeven").created_at = answered


def seed_history() -> None:
    """Create the year of helpdesk tickets that does not exist yet."""
    users = {u.email: u for u in db.session.scalars(select(User).where(User.email.like("%@demo.test")))}
    themes = {t.slug: t for t in db.session.scalars(select(Theme))}
    officers = _officers(users)
    if not officers or RAVI not in users or db.session.scalar(select(Programme.id).limit(1)) is None:
        return
    decide = _router(users)
    filed = {tuple(row) for row in db.session.execute(select(Ticket.requester_id, Ticket.subject))}
    rng = random.Random(2026)
    start = today()
    made = []
    with db.session.no_autoflush:  # routing queries would otherwise flush the growing session each time
        for n in range(HOW_MANY):
            # Draw every number for every ticket, so one that exists already leaves the rest the same.
            days_ago = 2 + (DAYS_BACK - 2) * (HOW_MANY - 1 - n) // (HOW_MANY - 1)
            hour, minute = rng.randint(9, 16), rng.choice([0, 10, 15, 25, 30, 40, 45, 55])
            status = _status(days_ago, rng)
            later = rng.random() < 0.5 and days_ago > 4  # a weekend's question moves to Friday or Monday
            ticket_rng = random.Random(rng.random())
            subject, theme_slug, body = SUBJECTS[n % len(SUBJECTS)]
            requester = officers[(n + n // len(SUBJECTS)) % len(officers)]  # a new pair each time round
            created = at(working_day(start - timedelta(days=days_ago), forward=later), hour, minute)
            if (requester.id, subject) in filed or created > utcnow():
                continue
            theme = themes.get(theme_slug) if theme_slug else None
            decision, adviser = decide(subject, body, theme, requester.organisation)
            messages = _conversation(created, status, adviser.email, requester.email, ticket_rng)
            ticket = seed_ticket(requester, subject, theme, body, created, status, messages, users,
                                 decision=decision)
            made.append((ticket, adviser, ticket_rng))
    db.session.flush()
    with db.session.no_autoflush:
        for ticket, adviser, ticket_rng in made:
            _aftercare(ticket, adviser, ticket_rng)
