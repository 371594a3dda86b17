"""Demo practices on work: matching, internships, the municipality as employer, entrepreneurs."""

PRACTICES = [
    {
        "title": "Matchdag: werkgevers en werkzoekenden maken concrete afspraken",
        "kind": "methode", "spearhead": "toerusting",
        "themes": ["werk"],
        "organisations": ["Gemeente Enschede"], "year": 2006,
        "author": "e.yilmaz@demo.test", "status": "published",
        "target_groups": ["werkzoekenden", "werkgevers"],
        "contact": ("Elif Yilmaz", "e.yilmaz@enschede.demo.test"),
        "summary": (
            "Eén dag per jaar waarop gemeente, CWI, mbo-scholen en werkgevers uit het MKB samen "
            "werkzoekenden en vacatures koppelen. Het doel is niet netwerken, maar getekende afspraken: "
            "in 2006 waren dat 212 matches."
        ),
        "body": """## Voorbereiding (vier maanden)
1. Vraag werkgevers welk werk blijft liggen en waarom. Een korte telefonische enquête onder 150
   bedrijven was genoeg.
2. Het CWI selecteert werkzoekenden bij die vacatures en bereidt hen voor op een kort gesprek.
3. Scholen brengen studenten die een stage of leerwerkplek zoeken.

## De dag
- Speeddates van tien minuten tussen werkgever en kandidaat.
- Een **afsprakenbalie** waar een match meteen wordt vastgelegd: proefplaatsing, stage of
  sollicitatiegesprek.

## Daarna
De gemeente belt na een maand en na drie maanden alle matches na. Ongeveer de helft leidde tot een
baan of leerwerkplek.""",
    },
    {
        "title": "Promotieteams: jongeren werven zelf banen bij werkgevers",
        "kind": "praktijk", "spearhead": "toenadering",
        "themes": ["werk", "discriminatie"],
        "organisations": ["Gemeente Rotterdam"], "year": 2005,
        "author": "m.bakker@demo.test", "status": "published",
        "target_groups": ["jongeren tot 23 jaar", "werkgevers"],
        "contact": ("Mohamed Bakker", "m.bakker@rotterdam.demo.test"),
        "summary": (
            "Teams van vijf jongeren met een migratieachtergrond bezoeken bedrijven om jeugdbanen los te "
            "krijgen, en sporen leeftijdgenoten aan zich in te schrijven bij het CWI."
        ),
        "body": """Werkgevers laten zich eerder overtuigen door een enthousiaste jongere dan door
een folder van de gemeente.

## Aanpak
1. De gemeente werft jongeren die zelf werk hebben gevonden en traint hen in presenteren en
   acquisitie.
2. Elk team krijgt een lijst bedrijven in een wijk of sector en een kleine vergoeding per bezoek.
3. Toezeggingen van werkgevers gaan direct naar een vaste contactpersoon bij het CWI.
4. Op straat en in buurthuizen helpen de teams jongeren met inschrijven.

## Resultaat
In het eerste jaar 340 bedrijfsbezoeken en 95 jeugdbanen. De jongeren uit de teams vonden zelf
allemaal werk.""",
    },
    {
        "title": "De gemeente als werkgever: een streefcijfer voor jeugdbanen",
        "kind": "praktijk", "spearhead": "toegankelijkheid",
        "themes": ["werk"],
        "organisations": ["Gemeente Utrecht"], "year": 2006,
        "author": "ambtenaar@demo.test", "status": "published",
        "target_groups": ["jongeren tot 27 jaar"],
        "contact": ("Sanne Jansen", "s.jansen@utrecht.demo.test"),
        "summary": (
            "De gemeente plaatst elk jaar een vast aantal jongeren zonder werkervaring in een leerbaan "
            "binnen de eigen organisatie: één procent van het personeelsbestand."
        ),
        "body": """Wie werkgevers vraagt jongeren een kans te geven, moet zelf het goede voorbeeld geven.

## Afspraken
- Het college legde in het collegeprogramma een **streefcijfer** vast: één procent van de formatie.
- Iedere dienst levert naar rato plaatsen; de personeelsafdeling houdt de teller bij.
- Elke jongere krijgt een werkbegeleider en een opleidingsbudget.

## Zo doe je het
1. Laat de gemeentesecretaris het streefcijfer in de directieafspraken opnemen.
2. Werf via het jongerenloket en via scholen, niet alleen via de vacaturesite.
3. Rapporteer elk half jaar aan de raad.

Na twee jaar had 70 procent van de jongeren een vervolgbaan, binnen of buiten de gemeente.""",
    },
    {
        "title": "Namen en rugnummers: het tekort aan stageplaatsen in kaart",
        "kind": "instrument", "spearhead": "toerusting",
        "themes": ["werk", "onderwijs"],
        "organisations": ["Gemeente Tilburg", "Stichting Openbaar Onderwijs Rivierenland"], "year": 2006,
        "author": "adviseur@demo.test", "status": "published",
        "target_groups": ["mbo-studenten"],
        "contact": ("Sandra Mutsaers", "rmc@tilburg.demo.test"),
        "summary": (
            "Een gedeeld overzicht van alle mbo-studenten die een stage- of leerwerkplaats zoeken, per "
            "opleiding en per week bijgewerkt. Scholen, werkgevers en gemeente zien wie er nog geen plek "
            "heeft en waarom."
        ),
        "body": """Het tekort aan stageplaatsen werd altijd in percentages besproken. Dit instrument
maakt het concreet: welke student, welke opleiding, sinds wanneer.

## Het overzicht
- Per student: opleiding, gewenste sector, sinds wanneer op zoek, aantal sollicitaties.
- Per opleiding: hoeveel plaatsen er nodig zijn en hoeveel erkende leerbedrijven er zijn.

## Werkwijze
1. Scholen vullen het overzicht elke maandag bij.
2. Een stagemakelaar van de gemeente belt werkgevers bij de opleidingen met het grootste tekort.
3. Studenten die na acht weken geen plek hebben, krijgen een sollicitatietraining en een gesprek met
   de makelaar.

Let op: leg vooraf vast welke gegevens gedeeld mogen worden en vraag de studenten om toestemming.""",
    },
    {
        "title": "Werken met behoud van uitkering: volgen en vertellen wat het oplevert",
        "kind": "praktijk", "spearhead": "toerusting",
        "themes": ["werk"],
        "organisations": ["Gemeente Almere"], "year": 2004,
        "author": "l.vandijk@demo.test", "status": "archived",
        "target_groups": ["mensen met een bijstandsuitkering"],
        "contact": ("Lotte van Dijk", "l.vandijk@almere.demo.test"),
        "summary": (
            "Proefplaatsingen met behoud van uitkering, gevolgd met een eenvoudige monitor en "
            "maandelijkse verhalen in de lokale krant. Vervangen door de nieuwe aanpak voor "
            "re-integratie."
        ),
        "body": """## Wat we deden
1. Werkgevers konden iemand drie maanden laten meewerken met behoud van uitkering.
2. Een consulent volgde elke plaatsing met een korte maandelijkse vragenlijst.
3. Elke maand stond er een verhaal van een deelnemer in de krant.

## Waarom gearchiveerd
De regeling is opgegaan in de nieuwe re-integratieaanpak van de gemeente. De monitor is nog
bruikbaar als voorbeeld.""",
    },
    {
        "title": "Subsidiewijzer voor werkgevers: alle regelingen op één kaart",
        "kind": "instrument", "spearhead": "toegankelijkheid",
        "themes": ["werk"],
        "organisations": ["Gemeente Eindhoven"], "year": 2006,
        "author": "adviseur@demo.test", "status": "published",
        "target_groups": ["werkgevers in het MKB"],
        "contact": ("Peter van Gils", "werkgeversloket@eindhoven.demo.test"),
        "summary": (
            "Een overzicht van één A4 met alle regelingen voor werkgevers die iemand met een afstand tot "
            "de arbeidsmarkt aannemen, met per regeling één contactpersoon."
        ),
        "body": """Werkgevers willen wel, maar hebben geen tijd om alle regelingen uit te zoeken.
Deze wijzer doet dat voor hen.

## Inhoud
- Loonkostensubsidies en de no-riskpolis.
- Vergoedingen voor begeleiding op de werkvloer.
- Fiscale voordelen bij leerwerktrajecten.

## Gebruik
1. Accountmanagers van gemeente en CWI nemen de wijzer mee naar elk werkgeversbezoek.
2. De wijzer wordt twee keer per jaar bijgewerkt.
3. Eén telefoonnummer regelt de aanvraag, ook als de regeling van een andere instantie is.

Het instrument is als bijlage te downloaden en vrij aan te passen.""",
    },
    {
        "title": "Jongeren buiten beeld: eerst luisteren, dan een aanbod",
        "kind": "methode", "spearhead": "toerusting",
        "themes": ["werk", "jeugd-en-veiligheid"],
        "organisations": ["Gemeente Den Haag"], "year": 2006,
        "author": "adviseur.jeugd@demo.test", "status": "published",
        "target_groups": ["jongeren zonder werk, school of uitkering"],
        "contact": ("Koen Verhoef", "jongerenloket@denhaag.demo.test"),
        "summary": (
            "Jongerenwerkers zoeken jongeren op die niet werken, niet naar school gaan en niet bij het "
            "CWI staan ingeschreven. Met hen samen stelt de gemeente een aanbod op dat aansluit bij wat "
            "zij willen."
        ),
        "body": """## Stap 1: inventariseren
Koppel de gegevens van leerplicht, RMC en uitkeringen om te zien welke jongeren nergens in beeld
zijn.

## Stap 2: opzoeken
Jongerenwerkers bezoeken hen thuis en op straat. Het eerste gesprek gaat over hun leven, niet over
werk.

## Stap 3: samen een aanbod maken
In groepsgesprekken vertellen jongeren wat hen zou helpen: een rijbewijs, een korte opleiding,
iemand die meegaat naar een werkgever.

## Stap 4: één coach
Elke jongere houdt één coach, ook als het traject wisselt tussen school, werk en zorg.""",
    },
    {
        "title": "Uitzendbureaus als brug tussen school en werk",
        "kind": "praktijk", "spearhead": "toerusting",
        "themes": ["werk", "onderwijs"],
        "organisations": ["Gemeente Arnhem"], "year": 2005,
        "author": "adviseur@demo.test", "status": "published",
        "target_groups": ["schoolverlaters"],
        "contact": ("Mark Hendriks", "werk@arnhem.demo.test"),
        "summary": (
            "Twee uitzendbureaus begeleiden schoolverlaters zonder werkervaring naar een eerste baan, met"
            " een startcontract en een opleidingsplan."
        ),
        "body": """Uitzendbureaus hebben er belang bij dat de overgang van school naar werk goed
loopt: het is hun vak.

## Afspraken
- Scholen melden schoolverlaters zonder baan bij het bureau.
- Het bureau plaatst hen bij een werkgever met een startcontract van zes maanden.
- De gemeente betaalt een deel van de begeleiding; de werkgever betaalt het loon.

## Tips
Kies bureaus met een vestiging in de wijk en spreek af hoeveel plaatsingen zij per kwartaal halen.""",
    },
    {
        "title": "Netwerk van sociaal verantwoordelijke bedrijven: managers als mentor",
        "kind": "praktijk", "spearhead": "toenadering",
        "themes": ["werk"],
        "organisations": ["Gemeente Zaanstad"], "year": 2006,
        "author": "adviseur@demo.test", "status": "published",
        "target_groups": ["jongeren die werk zoeken", "managers"],
        "contact": ("Henk Schouten", "mvo@zaanstad.demo.test"),
        "summary": (
            "Twintig bedrijven uit Zaanstad en omgeving leveren elk twee managers die een jaar lang "
            "mentor zijn van een jongere: solliciteren, presenteren, een netwerk opbouwen."
        ),
        "body": """## Aanpak
1. De wethouder nodigt directeuren persoonlijk uit om deel te nemen, als onderdeel van
   maatschappelijk verantwoord ondernemen.
2. Mentoren krijgen een korte training; een coördinator koppelt mentor en jongere.
3. Ze spreken elkaar minstens één keer per maand; de mentor neemt de jongere mee naar een werkdag.
4. Aan het eind van het jaar is er een bijeenkomst waar bedrijven vacatures en stages presenteren.

## Resultaat
Van de 38 jongeren vonden er 27 werk of een opleiding. Vijf bedrijven namen hun eigen mentee aan.""",
    },
    {
        "title": "Van informeel naar formeel ondernemen",
        "kind": "methode", "spearhead": "toegankelijkheid",
        "themes": ["werk"],
        "organisations": ["Gemeente Amsterdam"], "year": 2006,
        "author": "adviseur@demo.test", "status": "published",
        "target_groups": ["startende ondernemers", "vrouwen met een eigen bedrijfje aan huis"],
        "contact": ("Yusuf Demir", "ondernemen@amsterdam.demo.test"),
        "summary": (
            "Met de Kamer van Koophandel begeleidt de gemeente mensen die informeel werken, zoals "
            "kappers, cateraars en administratieve hulpen, naar een ingeschreven eigen bedrijf."
        ),
        "body": """Veel mensen verdienen al iets bij met diensten voor buren en kennissen. Met wat
steun kan daar een echt bedrijf uit groeien.

## Aanpak
1. Spreekuren in buurthuizen, samen met de Kamer van Koophandel, over inschrijven, belasting en
   verzekeringen.
2. Een startcursus van zes avonden, met kinderopvang.
3. Een microkrediet tot 5.000 euro voor wie een ondernemingsplan afrondt.
4. Een ervaren ondernemer als coach in het eerste jaar.

## Let op
Maak duidelijk dat het spreekuur niet controleert: vertrouwen is de voorwaarde.""",
    },
    {
        "title": "Capaciteit telt: werkgeversgesprekken tegen discriminatie bij werving",
        "kind": "praktijk", "spearhead": "toegankelijkheid",
        "themes": ["werk", "discriminatie"],
        "organisations": ["Gemeente Utrecht"], "year": 2007,
        "author": "ambtenaar@demo.test", "status": "review",
        "target_groups": ["werkgevers", "werkzoekenden"],
        "contact": ("Sanne Jansen", "s.jansen@utrecht.demo.test"),
        "summary": (
            "Werkgevers krijgen een gesprek en een korte scan van hun wervingsproces, met een voorstel om"
            " selectie op naam en achtergrond uit te sluiten. Nog in beoordeling."
        ),
        "body": """## Aanpak
1. Een adviseur van het antidiscriminatiebureau loopt met de werkgever het wervingsproces door.
2. Samen kiezen zij twee maatregelen, bijvoorbeeld anoniem solliciteren in de eerste ronde of een
   divers samengestelde selectiecommissie.
3. Na een half jaar volgt een tweede gesprek over de resultaten.

## Vraag aan de adviseurs
Zijn er gemeenten die dit al langer doen en cijfers hebben over het effect?""",
    },
]
