"""Demo practices on education: early education, dropout, parents and mixed schools."""

PRACTICES = [
    {
        "title": "Elk kind naar de voorschool: toeleiding via het consultatiebureau",
        "kind": "praktijk", "spearhead": "toerusting",
        "themes": ["onderwijs"],
        "organisations": ["Gemeente Rotterdam"], "year": 2005,
        "author": "m.bakker@demo.test", "status": "published",
        "target_groups": ["peuters", "ouders"],
        "contact": ("Fatima el Idrissi", "vve@rotterdam.demo.test"),
        "summary": (
            "Verpleegkundigen van het consultatiebureau verwijzen elke peuter met een taalachterstand "
            "naar een voorschool en bellen na zes weken na of het kind er ook echt zit. Het bereik van de"
            " voor- en vroegschoolse educatie steeg in twee jaar van 55 naar 87 procent."
        ),
        "body": """Veel ouders kennen de voorschool niet, of denken dat hun kind er nog te jong voor
is. Daarom begint de toeleiding waar alle ouders al komen: bij het consultatiebureau.

## Aanpak
1. Bij het bezoek van twee jaar bespreekt de verpleegkundige de taalontwikkeling en geeft zij een
   **indicatie VVE** mee.
2. De ouders kiezen samen met haar een voorschool in de buurt; zij meldt het kind direct aan.
3. Na zes weken belt een toeleider van de gemeente of het kind geplaatst is. Zo niet, dan volgt een
   huisbezoek, zo nodig met een tolk.
4. Elk kwartaal vergelijken gemeente, GGD en voorscholen de aanmeldingen met de indicaties.

## Resultaat
Het bereik steeg van 55 naar 87 procent. De meeste uitval zat in de wachttijd: houd die korter dan
vier weken.""",
    },
    {
        "title": "Verzuimoverleg per wijk: leerplicht, school en jongerenwerk aan één tafel",
        "kind": "methode", "spearhead": "toerusting",
        "themes": ["onderwijs", "jeugd-en-veiligheid"],
        "organisations": ["Gemeente Den Haag"], "year": 2006,
        "author": "adviseur@demo.test", "status": "published",
        "target_groups": ["leerlingen van 12 tot 18 jaar", "ouders"],
        "contact": ("Koen Verhoef", "leerplicht@denhaag.demo.test"),
        "summary": (
            "Elke twee weken bespreken leerplichtambtenaar, zorgcoördinatoren van de scholen en het "
            "jongerenwerk de leerlingen die vaak verzuimen. Binnen vijf schooldagen na een melding heeft "
            "iedere leerling een vaste contactpersoon."
        ),
        "body": """Schoolverzuim is vaak het eerste teken dat een leerling dreigt uit te vallen. Wie
er snel bij is, voorkomt dat het verzuim een gewoonte wordt.

## Aanpak
- Scholen melden verzuim van meer dan drie dagen binnen een week in het digitaal verzuimregister.
- Het **verzuimoverleg** per wijk verdeelt de meldingen: wie kent de leerling of het gezin al?
- Die persoon voert binnen vijf schooldagen een gesprek met leerling en ouders en legt afspraken
  vast.
- Na zes weken toetst het overleg of het verzuim is gestopt; zo niet, dan volgt een zorgtraject.

## Tips
- Nodig het jongerenwerk uit: zij kennen de jongeren ook buiten school.
- Spreek vooraf af welke gegevens gedeeld mogen worden.""",
    },
    {
        "title": "Leerlingbegeleiders in het vmbo tegen voortijdig schoolverlaten",
        "kind": "praktijk", "spearhead": "toerusting",
        "themes": ["onderwijs"],
        "organisations": ["Gemeente Tilburg"], "year": 2005,
        "author": "e.yilmaz@demo.test", "status": "published",
        "target_groups": ["vmbo-leerlingen"],
        "contact": ("Sandra Mutsaers", "rmc@tilburg.demo.test"),
        "summary": (
            "Vier vmbo-scholen zetten met geld van de gemeente leerlingbegeleiders in die elk dertig "
            "leerlingen met een verhoogd risico op uitval volgen, van de tweede klas tot de overstap naar"
            " het mbo."
        ),
        "body": """## Waarom
De overstap van vmbo naar mbo is het moment waarop de meeste jongeren afhaken. Een vast gezicht dat
meegaat over die drempel helpt.

## Zo werkt het
1. De mentor signaleert risico's: verzuim, lage cijfers, problemen thuis.
2. De leerlingbegeleider voert elke maand een gesprek en houdt contact met ouders.
3. In het examenjaar gaat de begeleider mee naar de intake op het mbo.
4. Tot drie maanden na de overstap blijft de begeleider bereikbaar.

## Resultaat
Van de begeleide leerlingen zat na een jaar 91 procent nog op school, tegen 78 procent in de
vergelijkingsgroep.""",
    },
    {
        "title": "Platform Allochtone Ouders: ouders praten mee over school en veiligheid",
        "kind": "instrument", "spearhead": "toegankelijkheid",
        "themes": ["onderwijs", "sociale-cohesie"],
        "organisations": ["Gemeente Culemborg"], "year": 2006,
        "author": "p.deboer@demo.test", "status": "published",
        "target_groups": ["ouders van basisschoolleerlingen"],
        "contact": ("Naima Bouzian", "ouderplatform@culemborg.demo.test"),
        "summary": (
            "Een lokaal platform van migrantenouders dat vier keer per jaar met schoolbesturen en de "
            "wethouder overlegt over schooluitval, motivatie en veiligheid op school. Met een stappenplan"
            " voor de oprichting."
        ),
        "body": """Gemeente en scholen hebben ouders nodig, maar bereiken niet alle ouders even
goed. Een eigen platform geeft ouders een vaste plek aan tafel.

## Stappenplan
1. Zoek via moskeeën, zelforganisaties en de ouderkamers van scholen tien tot vijftien ouders die
   willen meedoen.
2. Geef het platform een onafhankelijke voorzitter en een klein budget voor zaalhuur, tolken en
   kinderopvang.
3. Spreek met de schoolbesturen af dat zij twee keer per jaar verantwoording afleggen aan het
   platform.
4. Laat het platform zelf de onderwerpen kiezen; de gemeente levert cijfers en informatie.

## Lessen
- Vergader 's avonds en zorg voor opvang voor jonge kinderen.
- Maak zichtbaar wat er met de adviezen gebeurt, anders haken ouders af.""",
    },
    {
        "title": "Meer migrantenouders in medezeggenschapsraden en ouderraden",
        "kind": "praktijk", "spearhead": "toegankelijkheid",
        "themes": ["onderwijs"],
        "organisations": ["Gemeente Utrecht"], "year": 2006,
        "author": "ambtenaar@demo.test", "status": "published",
        "target_groups": ["ouders"],
        "contact": ("Sanne Jansen", "s.jansen@utrecht.demo.test"),
        "summary": (
            "Een korte training van drie avonden bereidt ouders voor op een zetel in de "
            "medezeggenschapsraad of ouderraad. Na twee jaar zaten er 34 getrainde ouders in een raad."
        ),
        "body": """## Aanleiding
In wijken waar de meeste leerlingen een migratieachtergrond hebben, bestonden de ouderraden vaak uit
een handvol autochtone ouders.

## Aanpak
1. Scholen nodigen ouders persoonlijk uit, via de leerkracht van hun kind.
2. De training behandelt: wat mag een medezeggenschapsraad, hoe lees je een schoolbegroting, hoe
   breng je een punt in.
3. Een ervaren raadslid is een jaar lang maatje van elke nieuwe ouder.
4. Scholen passen hun vergadertijden aan en bieden zo nodig een tolk.

## Resultaat
34 ouders kwamen in een raad; 29 zaten er na twee jaar nog.""",
    },
    {
        "title": "Brede school met huiswerkklas en verlengde leertijd",
        "kind": "praktijk", "spearhead": "toerusting",
        "themes": ["onderwijs", "jeugd-en-veiligheid"],
        "organisations": ["Gemeente Zaanstad"], "year": 2004,
        "author": "adviseur@demo.test", "status": "published",
        "target_groups": ["basisschoolleerlingen", "brugklassers"],
        "contact": ("Henk Schouten", "bredeschool@zaanstad.demo.test"),
        "summary": (
            "Drie scholen in één wijk bieden na schooltijd vier middagen per week huiswerkbegeleiding, "
            "taalactiviteiten en sport. Kinderen met een achterstand krijgen zes uur extra leertijd per "
            "week."
        ),
        "body": """De brede school verbindt onderwijs, welzijn en sport in de wijk. Wij gebruiken
dat om kinderen met een achterstand meer leertijd te geven, zonder dat het als strafwerk voelt.

## Onderdelen
- **Huiswerkklas** voor groep 7, 8 en de brugklas, begeleid door studenten van de pabo.
- **Taalmiddagen** met voorlezen, toneel en een schoolkrant.
- **Sport en spel** met de buurtsportcoach, zodat kinderen ook willen blijven.
- Een **coördinator** die roosters, vrijwilligers en contact met ouders regelt.

## Kosten
Ongeveer 600 euro per kind per jaar, grotendeels uit het onderwijsachterstandenbudget.""",
    },
    {
        "title": "Reboundvoorziening: tijdelijk een andere plek voor leerlingen die vastlopen",
        "kind": "praktijk", "spearhead": "toerusting",
        "themes": ["onderwijs", "jeugd-en-veiligheid"],
        "organisations": ["Gemeente Arnhem"], "year": 2005,
        "author": "adviseur.jeugd@demo.test", "status": "published",
        "target_groups": ["leerlingen van 12 tot 16 jaar"],
        "contact": ("Mark Hendriks", "rebound@arnhem.demo.test"),
        "summary": (
            "Leerlingen die door gedrag of motivatieproblemen vastlopen, volgen maximaal twaalf weken les"
            " in een kleine groep buiten hun school, met een plan om terug te keren."
        ),
        "body": """## Voor wie
Voor leerlingen die dreigen te worden geschorst of verwijderd, en voor wie gewone begeleiding niet
meer werkt.

## Zo gaat het
1. School, ouders en leerling tekenen samen een plaatsingsovereenkomst met doelen.
2. In de reboundklas volgt de leerling 's ochtends les en werkt 's middags aan gedrag en motivatie.
3. De eigen mentor komt elke twee weken langs, zodat de band met school blijft.
4. Na uiterlijk twaalf weken keert de leerling terug, of stapt over naar een school die beter past.

## Afspraken met scholen
Alle scholen in de regio betalen mee naar leerlingaantal; zo is het niet één school die opdraait
voor de voorziening.""",
    },
    {
        "title": "Scholen die elkaar opzoeken: gedeelde gymzaal en technieklokaal",
        "kind": "praktijk", "spearhead": "toenadering",
        "themes": ["onderwijs", "sociale-cohesie", "wonen-en-wijken"],
        "organisations": ["Gemeente Almere"], "year": 2006,
        "author": "l.vandijk@demo.test", "status": "published",
        "target_groups": ["basisschoolleerlingen"],
        "contact": ("Ingrid Bos", "huisvesting@almere.demo.test"),
        "summary": (
            "Bij nieuwbouw kreeg de ene school de gymzaal en de andere het technieklokaal. Leerlingen van"
            " een 'zwarte' en een 'witte' school gebruiken zo elke week elkaars gebouw en doen samen "
            "projecten."
        ),
        "body": """Segregatie in het onderwijs doorbreek je niet met één maatregel. Deze praktijk
gebruikt het **huisvestingsbeleid** om leerlingen van verschillende scholen vanzelf met elkaar in
contact te brengen.

## Aanpak
1. Bij de planning van twee nieuwe schoolgebouwen legde de gemeente bewust verschillende
   voorzieningen in elk gebouw.
2. De scholen maakten een gezamenlijk rooster en een jaarplan met vier gezamenlijke projecten.
3. De gemeente betaalt het busvervoer tussen de gebouwen en een coördinator voor twee dagen per
   week.

## Ervaring
Leerkrachten zien dat kinderen na een jaar gewoon samen spelen. Ouders waren eerst terughoudend;
open dagen in beide gebouwen hielpen.""",
    },
    {
        "title": "Mentoren voor brugklassers: studenten als rolmodel",
        "kind": "praktijk", "spearhead": "toerusting",
        "themes": ["onderwijs"],
        "organisations": ["Gemeente Amsterdam"], "year": 2006,
        "author": "adviseur@demo.test", "status": "published",
        "target_groups": ["brugklassers", "hbo-studenten"],
        "contact": ("Yusuf Demir", "mentoren@amsterdam.demo.test"),
        "summary": (
            "Hbo-studenten met een vergelijkbare achtergrond zijn een schooljaar lang mentor van een "
            "brugklasser. Zij helpen met plannen, huiswerk en de weg in een grote school."
        ),
        "body": """## Aanpak
1. De school selecteert brugklassers die moeite hebben met de overgang van de basisschool.
2. Studenten volgen een training van twee dagdelen en krijgen studiepunten of een vergoeding.
3. Mentor en leerling zien elkaar elke week een uur, op school of in de bibliotheek.
4. Drie keer per jaar is er een bijeenkomst met ouders erbij.

## Wat het oplevert
Leerlingen zeggen vooral dat zij iemand hebben die 'het zelf ook heeft meegemaakt'. Studenten leren
zelf minstens zoveel.""",
    },
    {
        "title": "Keuzeplan: loopbaanbegeleiding van vmbo naar mbo",
        "kind": "instrument", "spearhead": "toerusting",
        "themes": ["onderwijs", "werk"],
        "organisations": ["Gemeente Enschede"], "year": 2007,
        "author": "e.yilmaz@demo.test", "status": "review",
        "target_groups": ["vmbo-leerlingen", "ouders"],
        "contact": ("Elif Yilmaz", "e.yilmaz@enschede.demo.test"),
        "summary": (
            "Een werkboek en gesprekscyclus waarmee leerlingen in de derde en vierde klas, samen met hun "
            "ouders, een onderbouwde studiekeuze maken. Met bedrijfsbezoeken en meeloopdagen."
        ),
        "body": """Een verkeerde studiekeuze is een belangrijke oorzaak van uitval in het eerste
mbo-jaar. Het **Keuzeplan** maakt de keuze stap voor stap.

## Onderdelen
- Werkboek met opdrachten over interesses, talenten en beroepen.
- Drie gesprekken: leerling en mentor, leerling met ouders, en een eindgesprek met de decaan.
- Twee meeloopdagen bij een bedrijf en een dag op het mbo.

## Status
Het instrument wordt dit jaar op twee scholen uitgeprobeerd; de ervaringen volgen.""",
    },
]
