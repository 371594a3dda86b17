"""Demo helpdesk: routing rules, canned replies per programme and a few tickets (idempotent).

Rules are keyed by name, canned replies by programme and title, tickets by requester and subject;
what exists already is left alone, so an admin's changes to a demo rule survive a new seed.
No e-mail is queued: the demo world is not news to anybody.
"""

from datetime import timedelta

from sqlalchemy import func, select

from ..auth.models import User
from ..extensions import db
from ..helpdesk import sla
from ..helpdesk.history import log_change
from ..helpdesk.models import CannedReply, RoutingRule, Ticket, TicketMessage
from ..helpdesk.routing import route
from ..taxonomy.models import Programme, Theme
from .calendar import after_office_hours, at, today, working_day

JEUGD, RELIGIE, COHESIE = "jeugd-en-veiligheid", "religie-en-identiteitsontwikkeling", "sociale-cohesie"
ONDERWIJS, RECHT = "onderwijs-en-inburgering", "immigratie-en-juridisch-burgerschap"
ROB, RAVI = "adviseur.jeugd@demo.test", "adviseur@demo.test"

# name, theme slug, keywords, province, G30 (None = any), programme slug, adviser e-mail
RULES = [
    ("Thema immigratie", "immigratie", "", None, None, RECHT, None),
    ("Thema jeugd en veiligheid", "jeugd-en-veiligheid", "", None, None, JEUGD, None),
    ("Thema religie en identiteit", "religie-en-identiteit", "", None, None, RELIGIE, None),
    ("Thema sociale cohesie", "sociale-cohesie", "", None, None, COHESIE, None),
    ("Thema onderwijs", "onderwijs", "", None, None, ONDERWIJS, None),
    ("Thema inburgering", "inburgering", "", None, None, ONDERWIJS, None),
    ("Wijkaanpak in de G30", None, "wijkaanpak, leefbaarheid", None, True, COHESIE, None),
    ("Verblijf, naturalisatie en gezinshereniging", None,
     "verblijfsvergunning, naturalisatie, gezinshereniging, asiel, statushouder", None, None, RECHT, None),
    ("Jongeren, overlast en polarisatie", None, "polarisatie, radicalisering, overlast, jongerenwerk",
     None, None, JEUGD, ROB),
    ("Geloofsgemeenschappen", None, "moskee, kerk, geloofsgemeenschap, imam, religie", None, None, RELIGIE,
     None),
    ("Taal, inburgering en school", None, "inburgering, taalcoach, taalles, vve, schooluitval",
     None, None, ONDERWIJS, RAVI),
]

# programme slug -> [(title, body)]
CANNED = {
    "servicecentrum-integratiebeleid": [
        ("Ontvangstbevestiging met vervolgstappen",
         "Dank voor uw vraag. Wij zoeken uit welke gemeenten al ervaring hebben met dit onderwerp en "
         "nemen binnen twee werkdagen contact met u op om uw vraag verder aan te scherpen."),
        ("Verwijzing naar het extranet",
         "Op het extranet staan praktijken van andere gemeenten over dit onderwerp. Zoek op de "
         "trefwoorden uit uw vraag, of stel uw vraag ook aan collega's onder Vragen: vaak heeft een "
         "andere gemeente hetzelfde net achter de rug."),
    ],
    JEUGD: [
        ("Eerst een gesprek met de partners",
         "Voordat wij een aanpak adviseren, horen wij graag hoe school, jongerenwerk en wijkagent nu "
         "samenwerken. Kunt u aangeven wie aan tafel zit en wie de regie heeft?"),
        ("Signalen van polarisatie duiden",
         "Niet elk incident is een teken van polarisatie. Wij helpen u de signalen te wegen en te "
         "bepalen wie wat moet doen. Een korte beschrijving van wat er gebeurde is voor ons genoeg "
         "om te beginnen."),
    ],
    RELIGIE: [
        ("Contact met geloofsgemeenschappen",
         "Een vaste contactpersoon bij de gemeente en regelmatig overleg, ook als er niets aan de "
         "hand is, maakt het gesprek in moeilijke tijden veel makkelijker. Wij denken graag mee over "
         "de opzet."),
        ("Scheiding van kerk en staat",
         "De gemeente mag geloofsgemeenschappen betrekken bij beleid en subsidie geven voor "
         "maatschappelijke activiteiten, zolang het geld niet naar de geloofsbeleving zelf gaat. "
         "Wij sturen u een overzicht van wat wel en niet kan."),
    ],
    COHESIE: [
        ("Bewoners zelf aan zet",
         "Initiatieven die bewoners zelf bedenken houden het langst stand. De gemeente kan daarbij "
         "faciliteren met ruimte, een klein budget en een vaste ambtenaar als aanspreekpunt."),
        ("Meten van sociale cohesie",
         "Er zijn bruikbare vragenlijsten om het contact tussen buurtbewoners te meten. Wij sturen u "
         "een voorbeeld en helpen bij het kiezen van de vragen die bij uw wijkaanpak passen."),
    ],
    ONDERWIJS: [
        ("Voorschoolse educatie: bereik vergroten",
         "Een warme overdracht vanuit het consultatiebureau werkt beter dan een brief. Wij brengen u "
         "in contact met gemeenten die hun bereik zo flink hebben verhoogd."),
        ("Inburgering: rol van de gemeente",
         "Sinds de nieuwe wet regisseert de gemeente de inburgering. Wij lopen graag met u door wat "
         "dat betekent voor de brede intake en het persoonlijk plan."),
    ],
    RECHT: [
        ("Verblijfsrecht: verwijzing naar de IND",
         "Over een individuele verblijfsaanvraag beslist de IND, niet de gemeente. Wel kunnen wij "
         "uitleggen welke rol de gemeente heeft en waar de inwoner terechtkan voor advies."),
        ("Naturalisatieceremonie organiseren",
         "Een feestelijke ceremonie is verplicht, de vorm is vrij. Wij delen voorbeelden van "
         "gemeenten die er een persoonlijk moment van maken."),
    ],
}

SANNE, CARLA = "ambtenaar@demo.test", "adviseur.cohesie@demo.test"

# subject, theme slug, body, days ago, final status, [(author, kind, text, hours after filing)]
TICKETS = [
    ("Subsidie voor zelforganisaties: waar ligt de grens?", "sociale-cohesie",
     "Een zelforganisatie vraagt subsidie voor een buurtfeest dat ook een religieus karakter heeft. "
     "Mogen wij dat steunen, en onder welke voorwaarden?", 20, "resolved",
     [(CARLA, "note", "Vergelijkbare vraag kwam vorig jaar uit Zaanstad; zie het overzicht kerk en staat.",
       3),
      (CARLA, "reply", "U mag het feest steunen als het om ontmoeting tussen buren gaat en iedereen welkom "
                       "is. Het religieuze deel zelf valt buiten de subsidie. Leg dat vast in de "
                       "beschikking; dan is het voor iedereen duidelijk.", 26),
      (SANNE, "reply", "Helder, zo gaan we het doen. Dank!", 30)]),
    ("Taalcoaches en inburgeraars: wie betaalt de onkosten?", "inburgering",
     "Onze vrijwillige taalcoaches maken reiskosten. Mogen wij die vergoeden uit het budget voor "
     "inburgering, of moet dat via het welzijnswerk?", 6, "waiting",
     [(RAVI, "reply", "Dat hangt af van hoe de taalcoach in het persoonlijk plan staat. Kunt u ons een "
                      "(geanonimiseerd) voorbeeld van zo'n plan sturen?", 20)]),
    ("Polarisatie na een incident bij een middelbare school", "jeugd-en-veiligheid",
     "Na een vechtpartij bij een school gaan op sociale media filmpjes rond en lopen de spanningen "
     "tussen twee groepen jongeren op. Hoe kunnen wij snel de-escaleren?", 12, "new", []),
    ("Gezinshereniging van statushouders en huisvesting", None,
     "Bij ons komen steeds vaker gezinsleden van statushouders over. Wat moet de gemeente regelen "
     "voor huisvesting en begeleiding, en wat niet?", 1, "new", []),
]


def _seed_rules(programmes: dict, themes: dict, users: dict) -> None:
    existing = set(db.session.scalars(select(RoutingRule.name)))
    position = db.session.scalar(select(func.max(RoutingRule.position))) or 0
    for name, theme, keywords, region, g30, programme, adviser in RULES:
        if name in existing or programme not in programmes:
            continue
        position += 1
        db.session.add(RoutingRule(
            name=name, position=position, is_active=True, keywords=keywords, region=region, g30=g30,
            theme=themes.get(theme), programme=programmes[programme], adviser=users.get(adviser)))


def _seed_canned(programmes: dict) -> None:
    existing = {(pid, title) for pid, title in db.session.execute(
        select(CannedReply.programme_id, CannedReply.title))}
    for slug, replies in CANNED.items():
        programme = programmes.get(slug)
        if programme is None:
            continue
        for title, body in replies:
            if (programme.id, title) not in existing:
                db.session.add(CannedReply(programme=programme, title=title, body=body))


def seed_ticket(requester, subject, theme, body, created, status, messages, users, decision=None) -> Ticket:
    """Add one ticket filed at ``created`` with its messages (hours after filing) and history."""
    decision = decision or route(subject, body, getattr(theme, "id", None), requester.organisation)
    ticket = Ticket(subject=subject, body=body, theme=theme, requester=requester,
                    organisation=requester.organisation, programme=decision.programme,
                    assignee=decision.adviser, routing_rule=decision.rule, routing_note=decision.note,
                    status="new", priority="normal", service_level="basic", created_at=created)
    sla.set_due_dates(ticket, created)
    db.session.add(ticket)
    lines = [(log_change(ticket, requester, "created", new=subject), created),
             (log_change(ticket, None, "routed", new=decision.note, internal=True), created)]
    if decision.adviser is not None:
        lines.append((log_change(ticket, None, "assignee", new=decision.adviser.name), created))
    moment = created
    for author, kind, text, hours in messages:
        moment = created + timedelta(hours=hours)
        writer = users[author]
        ticket.messages.append(TicketMessage(author=writer, kind=kind, body=text, created_at=moment))
        if kind == "reply" and writer.is_staff and ticket.first_responded_at is None:
            ticket.first_responded_at = moment
            lines.append((log_change(ticket, writer, "status", old="new", new="open"), moment))
            ticket.status = "open"
    if status != ticket.status:
        lines.append((log_change(ticket, ticket.assignee, "status", old=ticket.status, new=status), moment))
        ticket.status = status
    if status in ("resolved", "closed"):
        ticket.resolved_at = ticket.survey_sent_at = moment
    if status == "closed":
        ticket.closed_at = moment
    for change, when in lines:
        change.created_at = when
    ticket.updated_at = moment
    return ticket


def seed_helpdesk() -> None:
    """Create the demo routing rules, canned replies and tickets that do not exist yet."""
    programmes = {p.slug: p for p in db.session.scalars(select(Programme))}
    themes = {t.slug: t for t in db.session.scalars(select(Theme))}
    users = {u.email: u for u in db.session.scalars(select(User).where(User.email.like("%@demo.test")))}
    _seed_rules(programmes, themes, users)
    _seed_canned(programmes)
    db.session.flush()
    requester = users.get(SANNE)
    if requester is None or not programmes:
        return
    filed = set(db.session.scalars(select(Ticket.subject).where(Ticket.requester_id == requester.id)))
    for subject, theme, body, days, status, messages in TICKETS:
        if subject not in filed:
            created = at(working_day(today() - timedelta(days=days), forward=False), 10, 15)
            steps = [(author, kind, text, (after_office_hours(created, h) - created).total_seconds() / 3600)
                     for author, kind, text, h in messages]
            seed_ticket(requester, subject, themes.get(theme), body, created, status, steps, users)
