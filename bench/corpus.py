"""Synthetic Dutch practices and queries for the search benchmark (seeded, so runs compare)."""

import random
from pathlib import Path

from servicecentrum.search.registry import IndexedDoc

# Compounds made of the word parts officers use give the long tail of a real vocabulary.
PARTS = [w for line in (Path(__file__).resolve().parent.parent / "servicecentrum" / "search" /
                        "compounds.txt").read_text(encoding="utf-8").splitlines()
         for w in line.split("#", 1)[0].split() if w.isalpha() and len(w) > 3]
FIRST_NAMES = ("Fatima", "Mohamed", "Ayse", "Mehmet", "Priya", "Johan", "Marieke", "Kees", "Anouk",
               "Sanne", "Youssef", "Naima", "Ilse", "Rachid", "Esther", "Dewi", "Ruud", "Hatice",
               "Gerrit", "Samira", "Bram", "Latifa", "Joris", "Nadia", "Henk", "Soufiane", "Lotte",
               "Kemal", "Roos", "Aisha", "Pieter", "Yasmina", "Wim", "Emre", "Fenna", "Karim", "Iris")
LAST_NAMES = ("de Vries", "Jansen", "Bakker", "Yilmaz", "El Amrani", "Visser", "Smit", "Kaya", "Meijer",
              "Boukhari", "de Boer", "Mulder", "Demir", "Bos", "Vos", "Peters", "Hendriks", "Ramdin",
              "Dekker", "Brouwer", "Ouali", "Koster", "Aydin", "Willems", "Schouten", "Ait Haddou",
              "Sahin", "Kuipers", "Jacobs", "Veenstra", "Tahiri", "Prins", "Verbeek")
SYLLABLES = ("kans", "kracht", "samen", "buurt", "brug", "start", "stap", "taal", "vizier", "horizon",
             "wijs", "doel", "rijk", "punt", "kompas", "vonk", "ster", "bloei", "thuis", "plein")

CITIES = (
    "Amsterdam Rotterdam Den-Haag Utrecht Eindhoven Tilburg Groningen Almere Breda Nijmegen Enschede "
    "Apeldoorn Haarlem Arnhem Zaanstad Amersfoort Den-Bosch Zoetermeer Zwolle Leiden Maastricht "
    "Dordrecht Emmen Ede Deventer Delft Heerlen Helmond Schiedam Leeuwarden Venlo Alkmaar Hengelo"
).replace("-", " ").split()
TOPICS = (
    "schooluitval", "stageplaatsen", "inburgering", "taalachterstand", "mantelzorg", "VVE", "de WMO",
    "de wijkaanpak", "ouderbetrokkenheid", "huiswerkbegeleiding", "jeugdwerkloosheid", "armoedebestrijding",
    "schuldhulpverlening", "vrijwilligerswerk", "participatie", "discriminatie", "radicalisering",
    "sociale cohesie", "leefbaarheid", "opvoedingsondersteuning", "NT2-onderwijs", "re-integratie",
    "werkervaringsplaatsen", "buurtbemiddeling", "gezondheidsvoorlichting", "voortijdig schoolverlaten",
    "naturalisatie", "gezinshereniging", "emancipatie van vrouwen", "ouderenzorg", "thuiszorg",
    "interculturalisatie", "de brede school", "het CWI", "de WWB", "het ROC", "de schakelklas",
    "taalcursussen", "leerwerktrajecten", "jongerenwerk", "zelforganisaties", "moskeebesturen",
)
ACTIONS = ("Aanpak van", "Samen werken aan", "Preventie van", "Project rond", "Netwerk voor",
           "Methode voor", "Instrument voor", "Proef met", "Training over", "Steunpunt voor",
           "Lessen uit", "Een nieuwe kijk op", "Regie op", "Maatwerk bij")
GROUPS = ("jongeren", "nieuwkomers", "ouders", "vrouwen", "ouderen", "statushouders", "peuters",
          "leerlingen", "werkzoekenden", "mantelzorgers", "inburgeraars", "schooluitvallers",
          "migrantenouders", "allochtone ondernemers", "vrijwilligers", "buurtbewoners", "moeders",
          "vaders", "kinderen", "docenten", "consulenten", "werkgevers")
PARTNERS = ("de gemeente", "het ROC", "het CWI", "woningcorporaties", "welzijnsinstellingen",
            "zelforganisaties", "scholen", "het consultatiebureau", "de GGD", "de politie", "werkgevers",
            "het midden- en kleinbedrijf", "de bibliotheek", "moskeeën", "kerken", "sportverenigingen",
            "het jongerenwerk", "de thuiszorg", "de sociale dienst", "het UWV")
OFFERS = ("een taalcursus", "huisbezoeken", "een mentorproject", "een leerwerkplek", "stageplaatsen",
          "een ontmoetingsplek", "voorlichting", "opvoedingsondersteuning", "schuldhulp", "een maatje",
          "sportactiviteiten", "een spreekuur", "bijles", "een zomerschool", "coaching op maat",
          "een netwerkbijeenkomst", "vrijwilligerswerk", "een sollicitatietraining", "kinderopvang")
RESULTS = ("minder schooluitval", "meer deelname aan voorschoolse educatie", "betere taalbeheersing",
           "meer contact tussen buurtbewoners", "een hogere arbeidsparticipatie", "minder overlast",
           "meer betrokkenheid van ouders", "snellere inburgering", "minder schulden",
           "meer vrouwen aan het werk", "meer stageplaatsen", "een kleinere taalachterstand")
FILLER = (
    "daarbij", "bovendien", "vooral", "echter", "vervolgens", "tegelijk", "uiteindelijk",
    "intussen", "meestal", "soms", "vaak", "structureel", "tijdelijk", "lokaal", "regionaal",
    "landelijk", "gezamenlijk", "zorgvuldig", "praktisch", "concreet", "belangrijk", "moeilijk",
    "succesvol", "kwetsbaar", "divers", "stedelijk", "zichtbaar", "duurzaam", "kostbaar",
    "eenvoudig", "evaluatie", "begroting", "subsidie", "wethouder", "gemeenteraad", "beleidsnota",
    "convenant", "werkgroep", "stuurgroep", "projectleider", "kwartiermaker", "ervaringsdeskundige",
    "intake", "doorverwijzing", "nazorg", "monitor", "signalering", "wachtlijst", "bereik",
    "doelgroep", "doelstelling", "resultaatafspraak", "prestatieveld", "aanbesteding",
    "financiering",
)
SENTENCES = (
    "{city} werkt met {partner} aan {topic} voor {group}.",
    "{Partner} biedt {group} {offer} in de wijk.",
    "Het doel is {result}; de eerste ervaringen zijn {filler}.",
    "In {year} startte een {filler} proef met {offer} voor {group}.",
    "De aanpak richt zich op {topic} en {topic2}, {filler} in samenhang.",
    "Volgens de projectleider helpt {offer} vooral {group} die met {topic} te maken hebben.",
    "Een {filler} evaluatie liet {result} zien bij {group} in {city}.",
    "Sleutelfiguren uit de gemeenschap brengen {group} in contact met {partner}.",
    "Met {compound} en {compound2} bereikte het project {number} {group}.",
    "Het project {name} is een initiatief van {person} en {partner}.",
    "Contactpersoon is {person}; het {compound} helpt bij vragen over {topic}.",
    "Dit kostte {number} duizend euro, vooral voor {compound} en {offer}.",
    "De financiering komt uit de {filler} begroting en een subsidie voor {topic}.",
)


def _sentence(rng: random.Random) -> str:
    template = rng.choice(SENTENCES)
    partner = rng.choice(PARTNERS)
    return template.format(
        city=rng.choice(CITIES), partner=partner, Partner=partner[0].upper() + partner[1:],
        topic=rng.choice(TOPICS), topic2=rng.choice(TOPICS), group=rng.choice(GROUPS),
        offer=rng.choice(OFFERS), result=rng.choice(RESULTS), filler=rng.choice(FILLER),
        year=rng.randint(1998, 2008), compound=_compound(rng), compound2=_compound(rng),
        number=rng.randint(3, 900), person=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        name="".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize(),
    )


def _compound(rng: random.Random) -> str:
    """Two word parts, the more common parts more often (a long tail of rare compounds)."""
    first = PARTS[min(int(rng.paretovariate(1.2)) - 1, len(PARTS) - 1)] if rng.random() < 0.5 \
        else rng.choice(PARTS)
    return first + rng.choice(PARTS)


def practices(count: int, seed: int = 20060601):
    """Yield `count` practice-like documents with themes, years and cities as facets."""
    rng = random.Random(seed)
    themes = ("onderwijs", "werk", "participatie-en-zorg", "inburgering", "jeugd-en-veiligheid",
              "sociale-cohesie", "religie-en-identiteit", "wonen-en-wijken")
    for doc_id in range(1, count + 1):
        topic, group, city = rng.choice(TOPICS), rng.choice(GROUPS), rng.choice(CITIES)
        title = f"{rng.choice(ACTIONS)} {topic} voor {group} in {city}"
        body = " ".join(_sentence(rng) for _ in range(rng.randint(8, 18)))
        facets = {"theme": rng.sample(themes, rng.randint(1, 2)), "year": [str(rng.randint(1998, 2008))],
                  "region": [city]}
        yield IndexedDoc("practice", doc_id, title[0].upper() + title[1:], body, facets)


QUERIES_FIXED = (
    "schooluitval", "schooluitvallers", "stageplaats", "stageplaatsen", "inburgering", "inburgeraars",
    "taalachterstand", "taal achterstand", "achterstand", "ouderbetrokkenheid", "betrokkenheid ouders",
    "mantelzorg", "mantelzorgers", "VVE", "voor- en vroegschoolse educatie", "WMO",
    "wet maatschappelijke ondersteuning", "WWB", "CWI", "centrum voor werk en inkomen", "MKB",
    "midden- en kleinbedrijf", "ROC", "NT2", "G30", "wijkaanpak", "schuldhulp", "jongeren",
    '"sociale cohesie"', '"voortijdig schoolverlaten"', "WMO OF WWB", "jongeren NIET stage",
    "taalcursus EN vrouwen", "(moskee OF kerk) EN jongeren", "werk*", "financiele", "cafe",
    "discriminatie op de arbeidsmarkt", "huisbezoeken bij ouders", "schooluitvl", "inburgring",
    "mantelzrg", "participatie van vrouwen", "radicalisering jongeren", "leefbaarheid in de wijk",
)


def queries(count: int = 200, seed: int = 7) -> list[str]:
    """Return a fixed mix of single words, pairs, phrases, operators and misspellings."""
    rng = random.Random(seed)
    words = [w for t in TOPICS + GROUPS + OFFERS for w in t.split() if len(w) > 3]
    found = list(QUERIES_FIXED)
    while len(found) < count:
        kind = rng.random()
        if kind < 0.4:
            found.append(rng.choice(words))
        elif kind < 0.75:
            found.append(f"{rng.choice(words)} {rng.choice(words)}")
        elif kind < 0.85:
            found.append(f'"{rng.choice(OFFERS)}"')
        elif kind < 0.95:
            found.append(f"{rng.choice(words)} OF {rng.choice(words)}")
        else:
            word = rng.choice(words)
            cut = rng.randrange(1, len(word) - 1)
            found.append(word[:cut] + word[cut + 1:])  # a letter missing
    return found[:count]
