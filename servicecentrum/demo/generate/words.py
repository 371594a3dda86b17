"""Dutch building blocks for the synthetic data set: names, places and phrases (all fictional)."""

FIRST_NAMES = [
    "Anouk", "Bas", "Daan", "Emma", "Fatima", "Gert", "Hanneke", "Ibrahim", "Jeroen", "Karin",
    "Lars", "Mila", "Noor", "Omar", "Priya", "Quinten", "Rosa", "Said", "Tessa", "Umut",
    "Vera", "Willem", "Yara", "Zeynep", "Arjen", "Bram", "Chantal", "Dewi", "Esther", "Farid",
    "Gijs", "Hatice", "Inge", "Joost", "Khadija", "Lieke", "Marco", "Nadia", "Ruud", "Sevda",
]
LAST_NAMES = [
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Jong",
    "Mulder", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "Kaya",
    "El Amrani", "Yildiz", "Ramdin", "Pinas", "Nguyen", "Kok", "Verhoeven", "Koster", "Prins",
    "Huisman", "Post", "Kuipers", "van Dam", "Öztürk", "Bouali", "Sewdien", "Wolters",
]
JOB_TITLES = [
    "Beleidsmedewerker integratie", "Beleidsadviseur sociaal domein", "Programmamanager participatie",
    "Wijkregisseur", "Coördinator inburgering", "Beleidsmedewerker onderwijs",
    "Teamleider werk en inkomen", "Adviseur jeugd en veiligheid", "Projectleider wijkaanpak",
    "Wethouder sociaal domein", "Kwartiermaker statushouders", "Accountmanager maatschappelijke partners",
]
# Extra member organisations of other kinds: name, kind, province.
EXTRA_ORGANISATIONS = [
    ("Gemeente Zwolle", "gemeente", "Overijssel"), ("Gemeente Leeuwarden", "gemeente", "Friesland"),
    ("Gemeente Groningen", "gemeente", "Groningen"), ("Gemeente Maastricht", "gemeente", "Limburg"),
    ("Gemeente Middelburg", "gemeente", "Zeeland"), ("Gemeente Emmen", "gemeente", "Drenthe"),
    ("Gemeente Helmond", "gemeente", "Noord-Brabant"), ("Gemeente Schiedam", "gemeente", "Zuid-Holland"),
    ("Gemeente Deventer", "gemeente", "Overijssel"), ("Gemeente Amersfoort", "gemeente", "Utrecht"),
    ("ROC Midden-Gelderland", "onderwijs", "Gelderland"),
    ("Scholengroep Noordwest", "onderwijs", "Noord-Holland"),
    ("Stichting Primair Onderwijs Zuid", "onderwijs", "Limburg"),
    ("Welzijn Kompas Groningen", "welzijn", "Groningen"),
    ("Buurtwerk Zeeland", "welzijn", "Zeeland"), ("Stichting Samen Friesland", "welzijn", "Friesland"),
    ("GGD Drenthe Voorbeeld", "zorg", "Drenthe"), ("Zorgcoöperatie Oost", "zorg", "Gelderland"),
    ("Vluchtelingenwerk Regio Voorbeeld", "overig", "Utrecht"),
    ("Bibliotheek Flevoland Voorbeeld", "overig", "Flevoland"),
]
PLACES = [
    "Amsterdam-Noord", "Rotterdam-Zuid", "Schilderswijk", "Kanaleneiland", "Almere Buiten", "Tilburg-Noord",
    "Woensel", "Presikhaaf", "Velve-Lindenhof", "Poelenburg", "Lelystad", "de Bijlmer", "Overvecht",
]
TOPICS = [
    "taalcoaching voor nieuwkomers", "ouderbetrokkenheid op de basisschool", "werkstages voor statushouders",
    "buurtbemiddeling", "mantelzorg in migrantengezinnen", "vroegschoolse educatie",
    "preventie van schooluitval", "dialoog met moskeebesturen", "discriminatie op de stagemarkt",
    "huisvesting van statushouders", "vrijwilligerswerk voor oudkomers", "jongerenwerk in de avonduren",
    "gezondheidsvoorlichting in eigen taal", "ondernemerschap van migrantenvrouwen", "naturalisatieceremonie",
    "burgerschapsonderwijs", "wijkgesprekken over samenleven", "schuldhulp en inburgering",
]
PRACTICE_PATTERNS = [
    "{topic} in {place}", "Aanpak {topic}", "Handreiking {topic}", "Pilot {topic} ({place})",
    "Werkwijze {topic}", "Lessen uit {place}: {topic}", "Instrument voor {topic}",
]
QUESTION_PATTERNS = [
    "Wie heeft ervaring met {topic}?", "Hoe organiseren jullie {topic}?",
    "Subsidie voor {topic}: wat werkt?", "Zoek voorbeeld van {topic} in een middelgrote gemeente",
    "Hoe meten jullie het effect van {topic}?", "Samenwerking met partners bij {topic}",
]
TICKET_PATTERNS = [
    "Advies gevraagd over {topic}", "Vraag over beleid rond {topic}", "Kunnen jullie meedenken over {topic}?",
    "Evaluatie van {topic}", "Juridische vraag bij {topic}", "Opzet nieuw beleid {topic}",
]
EVENT_PATTERNS = {
    "masterclass": "Masterclass {topic}",
    "kennisatelier": "Kennisatelier {topic}",
    "netwerkbijeenkomst": "Netwerkbijeenkomst {region}",
}
BODY = (
    "In onze gemeente lopen we aan tegen de vraag hoe we {topic} goed kunnen inrichten. "
    "We werken samen met het welzijnswerk, scholen en de GGD, maar de rolverdeling is nog niet helder. "
    "Graag horen we hoe anderen dit hebben aangepakt en welke resultaten zij zien."
)
ANSWER = (
    "Bij ons werkt een vaste contactpersoon per wijk goed. Begin klein, betrek de doelgroep vanaf "
    "het begin en maak afspraken over wie wat doet. Ik stuur je graag ons plan van aanpak."
)
SIGNAL = (
    "Meerdere gemeenten melden dat {topic} vastloopt op de financiering na afloop van de pilot; "
    "structurele middelen ontbreken."
)
MISSES = [
    "statushouders huisvesting", "taalmeter", "halal catering", "ouderkamer", "integratiemonitor",
    "arbeidsmarktdiscriminatie", "kindpakket", "anonieme sollicitatie", "brugfunctionaris",
    "polarisatie jongeren", "inburgeringswet 2022", "participatieverklaring", "eritrese jongeren",
    "vrouwen en werk", "mentorproject", "buurtmoeders", "radicalisering preventie",
]
COMMENTS = ["", "", "Snel en helder antwoord.", "Goed meegedacht.", "Duurde wat lang.",
            "Bruikbare voorbeelden gekregen.", "Graag meer praktijkvoorbeelden."]
