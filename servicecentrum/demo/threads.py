"""Create the demo question threads (idempotent: a thread is keyed by its title)."""

from datetime import timedelta

from sqlalchemy import select

from ..auth.models import User
from ..database import utcnow
from ..extensions import db
from ..forum.models import Answer, Question, Tag
from ..search.outbox import enqueue
from ..taxonomy.models import Theme

SANNE, MOHAMED, LOTTE = "ambtenaar@demo.test", "m.bakker@demo.test", "l.vandijk@demo.test"
ELIF, PIETER, ANITA = "e.yilmaz@demo.test", "p.deboer@demo.test", "a.ramautar@demo.test"
RAVI, ROB, CARLA = "adviseur@demo.test", "adviseur.jeugd@demo.test", "adviseur.cohesie@demo.test"
JULIA, FATIMA, THIJS = "adviseur.recht@demo.test", "f.elamrani@demo.test", "t.devries@demo.test"
LINH, AGNIESZKA, YUSUF = "l.nguyen@demo.test", "a.kowalski@demo.test", "y.demir@demo.test"
MARLOES, SHANTI, BRAM = "m.hendriks@demo.test", "s.tjonafat@demo.test", "b.smit@demo.test"
KWAME, HANANE, GERRIT = "k.boateng@demo.test", "h.bouzid@demo.test", "g.jansen@demo.test"

# (title, asker, themes, tags, body, days ago, [(author, answer, accepted)])
THREADS = [
    ("Hoe houden jullie jongeren zonder startkwalificatie in beeld?", SANNE, ["onderwijs"],
     ["schooluitval", "rmc"],
     "Na de zomer raken we elk jaar een groep zestien- en zeventienjarigen kwijt tussen vmbo en mbo. "
     "Wie heeft een werkwijze waarmee de leerplichtambtenaar en het jongerenloket samen optrekken?", 40,
     [(MOHAMED, "Wij bellen in de eerste schoolweek iedere jongere die zich wel heeft aangemeld maar niet "
                "is verschenen. Het RMC en het wijkteam verdelen de lijst; binnen twee weken heeft iedereen "
                "een gesprek gehad.", True),
      (ROB, "Let op de overstap in januari: dan vallen de meeste jongeren alsnog uit. Een tweede belronde "
            "na de kerstvakantie levert in de gemeenten die wij begeleiden veel op.", False)]),
    ("Stageplaatsen voor mbo-studenten met een migratieachtergrond: wat werkt?", LOTTE, ["werk"],
     ["stageplaatsen", "mbo", "discriminatie"],
     "Onze roc-partners melden dat studenten met een niet-westerse naam langer zoeken naar een stage. "
     "Hebben jullie afspraken met werkgevers of een stagepact?", 30,
     [(ELIF, "In Enschede werken we met anonieme stagebemiddeling: het leerbedrijf ziet eerst alleen de "
             "competenties. Het aantal afwijzingen zonder gesprek daalde merkbaar.", True),
      (RAVI, "Combineer dat met een meldpunt voor stagediscriminatie bij de school. Zonder meldingen blijft "
             "het probleem onzichtbaar voor de gemeente.", False)]),
    ("Wie heeft ervaring met de leerroute Z in de nieuwe inburgering?", PIETER, ["inburgering"],
     ["inburgering", "z-route"],
     "We hebben een kleine groep inburgeraars in de zelfredzaamheidsroute. Hoe vullen jullie de "
     "800 uur participatie in zonder dat het alleen taalles wordt?", 21,
     [(ANITA, "Wij koppelen iedere deelnemer aan een maatje van een welzijnsorganisatie en tellen "
              "vrijwilligerswerk, zwemles en een cursus fietsen mee. De taal komt vanzelf mee.", False),
      (CARLA, "Leg in het persoonlijk plan vast welke activiteiten meetellen; dat voorkomt discussie bij "
              "de voortgangsgesprekken. FORUM heeft een voorbeeldplan dat wij kunnen delen.", True)]),
    ("Bereiken jullie mantelzorgers met een migratieachtergrond?", ANITA, ["participatie-en-zorg"],
     ["mantelzorg", "wmo"],
     "Bij ons steunpunt mantelzorg zijn nauwelijks mantelzorgers van Turkse of Marokkaanse afkomst "
     "ingeschreven, terwijl we weten dat er veel voor familie wordt gezorgd. Hoe pakken jullie dat aan?", 18,
     [(ELIF, "Het woord 'mantelzorger' herkennen veel mensen niet: zij zorgen gewoon voor hun moeder. "
             "Wij gaan langs bij moskeeën en vrouwengroepen met sleutelfiguren uit de eigen kring.", True)]),
    ("Vraagt de WMO-keukentafel om een tolk? Hoe regelen jullie dat?", MOHAMED, ["participatie-en-zorg"],
     ["wmo", "tolken"],
     "Sinds het rijk tolkkosten niet meer vergoedt, worstelen onze consulenten met keukentafelgesprekken "
     "bij ouderen die weinig Nederlands spreken. Familieleden vertalen nu, wat niet altijd goed gaat.", 12,
     [(LOTTE, "Almere heeft een budget voor professionele tolken bij gesprekken waarin het om zorg of geld "
              "gaat. Kinderen laten we nooit tolken.", False),
      (RAVI, "Dat laatste is belangrijk. Leg in het beleid vast wanneer een professionele tolk verplicht is; "
             "de inspectie vraagt daar ook naar.", False)]),
    ("Hoe krijgen jullie meer peuters naar de voorschool (VVE)?", ELIF, ["onderwijs"], ["vve", "ouders"],
     "Het bereik van de voorschoolse educatie blijft in twee wijken achter. Ouders kiezen vaker voor "
     "opvang door familie. Welke aanpak heeft bij jullie het bereik verhoogd?", 9,
     [(SANNE, "Het consultatiebureau geeft bij het tweejarig onderzoek een warme overdracht aan de "
              "voorschool, met een afspraak voor een kennismaking. Dat werkt beter dan een folder.", True)]),
    ("Huisvesting van statushouders in kleine kernen: ervaringen?", PIETER, ["wonen-en-wijken", "immigratie"],
     ["statushouders", "huisvesting"],
     "Wij moeten meer statushouders huisvesten, maar de woningen liggen in dorpen zonder station. "
     "Hoe voorkomen jullie dat mensen daar geïsoleerd raken?", 7, []),
    ("Ouderbetrokkenheid bij de overstap naar het voortgezet onderwijs", LOTTE, ["onderwijs"],
     ["schooluitval", "ouders"],
     "Welke gemeenten organiseren voorlichting voor ouders die het Nederlandse schoolsysteem niet kennen? "
     "Wij denken aan bijeenkomsten in de eigen taal.", 6,
     [(ROB, "Doe het samen met de scholen en begin in groep 7, niet pas in groep 8: dan is het advies al "
            "bijna gegeven.", False)]),
    ("Taalcoaches werven voor inburgeraars: waar vinden jullie vrijwilligers?", SANNE, ["inburgering"],
     ["vrijwilligers", "taal"],
     "Onze wachtlijst voor een taalcoach groeit. Hebben jullie goede ervaringen met werving via "
     "bedrijven of hogescholen?", 3, []),
    ("Aanpak van jongerenoverlast zonder stigmatisering van één groep", MOHAMED, ["jeugd-en-veiligheid"],
     ["jongeren", "wijkaanpak"],
     "In één wijk komen de klachten steeds over dezelfde groep jongens. Hoe zorgen jullie dat de aanpak "
     "de overlast raakt en niet een hele gemeenschap?", 2,
     [(CARLA, "Betrek de ouders en een sleutelfiguur die de jongens vertrouwen vóórdat de handhaving "
              "begint, en spreek in het openbaar over gedrag, niet over afkomst.", False),
      (KWAME, "In Almere zetten we jongerenwerkers 's avonds op straat in, samen met de wijkagent. De "
              "jongens kennen hen bij naam; de overlast nam af zonder dat er een 'probleemgroep' in de "
              "krant kwam.", True)]),
    ("Mystery calling bij uitzendbureaus: wie heeft het gedaan?", FATIMA, ["discriminatie", "werk"],
     ["arbeidsmarktdiscriminatie", "werkgevers"],
     "Wij overwegen praktijktests bij uitzendbureaus in de regio. Hoe hebben jullie de bureaus vooraf "
     "geïnformeerd, en wat deden jullie met de uitkomsten?", 58,
     [(ELIF, "Wij hebben eerst afspraken gemaakt met de branchevereniging en de bureaus laten weten dat er "
             "getest zou worden, zonder te zeggen wanneer. Bureaus die in de fout gingen kregen een gesprek "
             "en een tweede test; openbaar maken deden we alleen geanonimiseerd.", True),
      (SHANTI, "Amsterdam koppelt de tests aan een training voor intercedenten. Alleen testen geeft "
               "weerstand; testen én helpen verbeteren wordt door de meeste bureaus gewaardeerd.", False)]),
    ("Buurtkamers in een krimpende wijk: houden jullie ze open?", THIJS,
     ["wonen-en-wijken", "sociale-cohesie"], ["buurthuis", "bewonersinitiatief"],
     "Door bezuinigingen staan twee buurtkamers op de lijst om te sluiten. Bewoners willen ze zelf gaan "
     "runnen. Wie heeft ervaring met het overdragen van een buurthuis aan bewoners?", 45,
     [(GERRIT, "In Kampen draaien drie dorpshuizen op vrijwilligers. Het werkt als de gemeente de vaste "
               "lasten blijft dragen en een beroepskracht een paar uur per week de vrijwilligers "
               "ondersteunt.", True),
      (CARLA, "Spreek ook af wie bepaalt wie er binnen mag. Een buurtkamer van één groep bewoners kan "
              "andere groepen juist buitensluiten; een open huisregel helpt.", False)]),
    ("Taallessen voor arbeidsmigranten uit Polen en Roemenië", AGNIESZKA, ["immigratie", "werk"],
     ["arbeidsmigranten", "taal"],
     "Arbeidsmigranten vallen niet onder de inburgeringsplicht, maar velen blijven langer dan gedacht. "
     "Bieden jullie taalles aan, en doen werkgevers mee in de kosten?", 36,
     [(LINH, "Eindhoven biedt avondlessen aan op de locatie van twee grote werkgevers. Die betalen de helft; "
             "de gemeente de rest uit het budget voor volwassenenonderwijs.", False),
      (JULIA, "Let op het onderscheid: wie uit de EU komt, kan niet verplicht worden. Een vrijwillig aanbod "
              "dat aansluit op werktijden bereikt de meeste mensen.", True)]),
    ("De GGD en scholen: samen signaleren bij nieuwkomerskinderen", MARLOES,
     ["onderwijs", "participatie-en-zorg"], ["nieuwkomers", "jeugdgezondheidszorg"],
     "Kinderen in de nieuwkomersklas hebben vaak een zware tijd achter de rug. Hoe hebben jullie de "
     "samenwerking tussen jeugdarts, school en wijkteam geregeld?", 27,
     [(HANANE, "In Arnhem komt de jeugdarts elke maand op school; de intern begeleider bereidt de "
               "gesprekken voor. Ouders worden uitgenodigd met hulp van een tolk.", True)]),
    ("Hoe leggen jullie de participatieverklaring uit in eenvoudige taal?", LINH, ["inburgering"],
     ["participatieverklaring", "eenvoudige-taal"],
     "Deelnemers vinden de tekst van de verklaring abstract. Gebruiken jullie eigen materiaal of "
     "voorbeelden uit het dagelijks leven?", 20,
     [(GERRIT, "Wij werken met foto's uit de eigen gemeente: het gemeentehuis, de school, een "
               "stembureau. Dan wordt 'gelijke rechten' ineens heel concreet.", False),
      (RAVI, "Een goede vorm is het gesprek in kleine groepen met een ervaringsdeskundige die zelf het "
             "traject heeft doorlopen. FORUM kan u in contact brengen met gemeenten die dit doen.", False)]),
    ("Ouders van het schoolbestuur betrekken bij burgerschap", BRAM, ["onderwijs", "religie-en-identiteit"],
     ["burgerschap", "ouders"],
     "Ons bestuur wil het burgerschapsonderwijs samen met ouders vormgeven. Heeft iemand een "
     "werkvorm die ouders van verschillende achtergronden echt aan tafel krijgt?", 11, []),
    ("Inloopspreekuur in de moskee: goede ervaringen?", YUSUF,
     ["religie-en-identiteit", "participatie-en-zorg"], ["moskee", "wijkteam"],
     "Het wijkteam wil een inloopspreekuur houden in de moskee, omdat veel bewoners daar komen. "
     "Waar moeten we op letten?", 5,
     [(FATIMA, "Maak het spreekuur open voor iedereen uit de wijk en zeg dat ook in de aankondiging. In Den "
               "Haag werkt een vrouwelijke consulent naast een mannelijke; dan voelen ook vrouwen zich "
               "welkom.", False)]),
]


def _one(model, **where):
    return db.session.scalar(select(model).filter_by(**where))


def _tag(name: str) -> Tag:
    tag = _one(Tag, name=name)
    if tag is None:
        tag = Tag(name=name)
        db.session.add(tag)
    return tag


def seed_threads() -> int:
    """Create the demo threads that do not exist yet; return how many threads there are."""
    users = {u.email: u for u in db.session.scalars(select(User).where(User.email.like("%@demo.test")))}
    now = utcnow()
    for title, asker, themes, tags, body, days, answers in THREADS:
        if _one(Question, title=title) is not None or asker not in users:
            continue
        created = now - timedelta(days=days)
        question = Question(title=title, body=body, author_id=users[asker].id,
                            organisation_id=users[asker].organisation_id, created_at=created,
                            updated_at=created, last_activity_at=created)
        question.themes = [t for t in (_one(Theme, slug=slug) for slug in themes) if t is not None]
        question.tags = [_tag(name) for name in tags]
        for hours, (author, text, accepted) in enumerate(answers, start=1):
            when = created + timedelta(hours=6 * hours)
            writer = users[author]
            question.answers.append(Answer(body=text, author_id=writer.id, is_accepted=accepted,
                                           is_expert=writer.is_adviser, created_at=when, updated_at=when))
            question.last_activity_at = when
        question.answer_count = len(answers)
        question.has_accepted_answer = any(accepted for _a, _t, accepted in answers)
        db.session.add(question)
        db.session.flush()
        enqueue("question", question.id)
        for answer in question.answers:
            enqueue("answer", answer.id)
    return len(THREADS)
