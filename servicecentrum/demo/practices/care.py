"""Demo practices on participation and care under the WMO."""

PRACTICES = [
    {
        "title": "Taal en meedoen voor opvoeders en ouderen, naast de inburgering",
        "kind": "praktijk", "spearhead": "toerusting",
        "themes": ["participatie-en-zorg", "inburgering"],
        "organisations": ["Gemeente Den Haag"], "year": 2006,
        "author": "adviseur@demo.test", "status": "published",
        "target_groups": ["moeders met jonge kinderen", "oudere migranten"],
        "contact": ("Koen Verhoef", "taal@denhaag.demo.test"),
        "summary": (
            "Vanuit de WMO biedt de gemeente taalcursussen gericht op opvoeding, gezondheid en contact "
            "met de buurt, voor wie niet onder de strenge eisen van de Wet inburgering valt."
        ),
        "body": """De Wet inburgering richt zich vooral op werk. Maar ook opvoeders en ouderen
hebben baat bij taal om mee te kunnen doen. De WMO biedt daar ruimte voor.

## Aanbod
- Cursussen van twintig weken in buurthuizen en op scholen, met kinderopvang.
- Thema's uit het dagelijks leven: de school van je kind, de huisarts, de buren.
- Geen examen; wel een certificaat en een gesprek over een vervolgstap.

## Samenwerking
Welzijnswerk werft deelnemers, het ROC verzorgt de lessen, en de gemeente koppelt de cursus aan
vrijwilligerswerk in de wijk.""",
    },
    {
        "title": "Taalbeheersing als beperking in de compensatieplicht",
        "kind": "methode", "spearhead": "toegankelijkheid",
        "themes": ["participatie-en-zorg", "inburgering"],
        "organisations": ["Gemeente Almere"], "year": 2007,
        "author": "l.vandijk@demo.test", "status": "draft",
        "target_groups": ["inwoners die weinig Nederlands spreken"],
        "contact": ("Lotte van Dijk", "l.vandijk@almere.demo.test"),
        "summary": (
            "Een voorstel om een gebrekkige beheersing van het Nederlands te zien als beperking bij het "
            "ontmoeten van anderen, zodat inwoners aanspraak kunnen maken op steun bij het leggen van "
            "contacten."
        ),
        "body": """## Idee
De WMO vraagt gemeenten mensen te compenseren bij beperkingen in het ontmoeten van medemensen. Wie
de taal niet spreekt, is daarin beperkt.

## Uitwerking (concept)
1. Neem taal op in de verordening als mogelijke beperking.
2. Bied een maatjesproject en een taalcursus als voorziening.
3. Leg de verbinding met het inburgeringsaanbod, zodat niets dubbel gebeurt.

Dit concept wordt nog uitgewerkt met de afdeling juridische zaken.""",
    },
    {
        "title": "Migrantenorganisaties aan tafel bij het WMO-beleid",
        "kind": "praktijk", "spearhead": "toegankelijkheid",
        "themes": ["participatie-en-zorg"],
        "organisations": ["Gemeente Almere"], "year": 2006,
        "author": "l.vandijk@demo.test", "status": "published",
        "target_groups": ["zelforganisaties", "cliëntenraden"],
        "contact": ("Lotte van Dijk", "l.vandijk@almere.demo.test"),
        "summary": (
            "De WMO-raad kreeg drie vaste zetels voor migrantenorganisaties, en per prestatieveld een "
            "klankbordgroep waarin ook zorgvragers met een migratieachtergrond meepraten."
        ),
        "body": """## Aanleiding
In de patiënten- en consumentenorganisaties die de gemeente raadpleegde, waren migranten nauwelijks
vertegenwoordigd.

## Aanpak
1. De gemeente inventariseerde de zelforganisaties en nodigde ze uit voor een startbijeenkomst.
2. Zij kozen samen drie vertegenwoordigers voor de WMO-raad.
3. Per prestatieveld is er een klankbordgroep die twee keer per jaar adviseert.
4. Vertegenwoordigers krijgen een training over de WMO en een onkostenvergoeding.

## Resultaat
De verordening huishoudelijke hulp werd aangepast na advies over de communicatie met ouderen die
weinig Nederlands spreken.""",
    },
    {
        "title": "Ouderenadviseurs voor oudere migranten aan het WMO-loket",
        "kind": "praktijk", "spearhead": "toegankelijkheid",
        "themes": ["participatie-en-zorg"],
        "organisations": ["Gemeente Rotterdam"], "year": 2006,
        "author": "m.bakker@demo.test", "status": "published",
        "target_groups": ["oudere migranten", "mantelzorgers"],
        "contact": ("Fatima el Idrissi", "wmoloket@rotterdam.demo.test"),
        "summary": (
            "Twee ouderenadviseurs die Turks, Arabisch en Berbers spreken, houden spreekuur in het loket "
            "en in moskeeën en buurthuizen, en gaan op huisbezoek."
        ),
        "body": """Oudere migranten vinden de weg naar het WMO-loket slecht, terwijl hun zorgvraag
groeit.

## Aanpak
- **Spreekuren** op plekken waar ouderen al komen.
- **Huisbezoeken** bij ouderen die het loket niet zelf bezoeken, op verwijzing van huisarts of
  welzijnswerk.
- **Meertalige folders** en een telefoonnummer met een vertrouwde stem.
- Elk kwartaal overleg met de zorgaanbieders over wat de adviseurs tegenkomen.

## Resultaat
Het aantal aanvragen van oudere migranten verdubbelde in een jaar.""",
    },
    {
        "title": "Sociaal bestek bij de aanbesteding van huishoudelijke hulp",
        "kind": "instrument", "spearhead": "toegankelijkheid",
        "themes": ["participatie-en-zorg", "discriminatie"],
        "organisations": ["Gemeente Amsterdam"], "year": 2007,
        "author": "adviseur@demo.test", "status": "published",
        "target_groups": ["zorgaanbieders", "inkopers"],
        "contact": ("Yusuf Demir", "inkoop@amsterdam.demo.test"),
        "summary": (
            "Een modelparagraaf voor het bestek waarin aanbieders laten zien hoe zij werken met "
            "zorgvragers met een migratieachtergrond. Met gunningscriteria en een puntentabel."
        ),
        "body": """## Wat er in de paragraaf staat
- Ervaring met zorgvragers met een migratieachtergrond, met voorbeelden.
- Investeringen in interculturalisatie: training, werving, klachtenafhandeling.
- De samenstelling van het personeel in vergelijking met de bevolking van het werkgebied.
- De bereidheid om extra in te zetten, zoals tolken of vaste hulpen.

## Gebruik
1. Neem de paragraaf op in het bestek en weeg de criteria voor 15 procent mee.
2. Vraag om onderbouwing, niet alleen om beloften.
3. Toets de uitvoering jaarlijks in het contractgesprek.""",
    },
    {
        "title": "Buurtmoeders en gezondheidsvoorlichters in de cliëntondersteuning",
        "kind": "praktijk", "spearhead": "toenadering",
        "themes": ["participatie-en-zorg", "sociale-cohesie"],
        "organisations": ["Welzijn Oost Voorbeeldstad", "Gemeente Enschede"], "year": 2005,
        "author": "a.ramautar@demo.test", "status": "published",
        "target_groups": ["gezinnen", "ouderen"],
        "contact": ("Anita Ramautar", "a.ramautar@welzijnoost.demo.test"),
        "summary": (
            "Twaalf getrainde buurtmoeders en voorlichters wijzen gezinnen de weg naar zorg en welzijn. "
            "Zij zijn vrijwilligers met een vergoeding, begeleid door een beroepskracht."
        ),
        "body": """Veel effectieve steun voor migranten zit in het vrijwillige en semi-professionele
circuit. Wij versterken dat in plaats van het te vervangen.

## Aanpak
1. Werving via zelforganisaties en scholen; selectie op netwerk en betrouwbaarheid.
2. Training van tien bijeenkomsten over opvoeding, gezondheid, regelingen en grenzen stellen.
3. Elke buurtmoeder bezoekt gezinnen in haar eigen straat of wijk.
4. Een coördinator bespreekt elke week de bezoeken en regelt verwijzingen.

## Resultaat
In een jaar 480 huisbezoeken; een derde leidde tot een aanvraag bij het loket of een verwijzing naar
de huisarts.""",
    },
    {
        "title": "Mantelzorgondersteuning die ook migrantenfamilies bereikt",
        "kind": "methode", "spearhead": "toegankelijkheid",
        "themes": ["participatie-en-zorg"],
        "organisations": ["GGD Regio Voorbeeld", "Gemeente Eindhoven"], "year": 2006,
        "author": "adviseur@demo.test", "status": "published",
        "target_groups": ["mantelzorgers"],
        "contact": ("Peter van Gils", "mantelzorg@eindhoven.demo.test"),
        "summary": (
            "In migrantenfamilies wordt veel mantelzorg gegeven, maar weinig ondersteuning gevraagd. Deze"
            " aanpak werkt met sleutelpersonen en huiskamerbijeenkomsten."
        ),
        "body": """## Stappen
1. Sleutelpersonen uit de gemeenschappen organiseren bijeenkomsten in huiskamers en moskeeën.
2. Een consulent van het steunpunt mantelzorg vertelt over respijtzorg, lotgenotencontact en
   regelingen.
3. Mantelzorgers die willen, krijgen een vast contactpersoon bij het steunpunt.

## Lessen
- Gebruik het woord 'mantelzorg' niet als eerste: voor veel families is het gewoon 'voor je ouders
  zorgen'.
- Zorg voor vrouwelijke consulenten voor bijeenkomsten met vrouwen.""",
    },
    {
        "title": "Meertalige informatie over zorg en welzijn",
        "kind": "instrument", "spearhead": "toegankelijkheid",
        "themes": ["participatie-en-zorg", "inburgering"],
        "organisations": ["Gemeente Enschede"], "year": 2005,
        "author": "e.yilmaz@demo.test", "status": "published",
        "target_groups": ["inwoners die weinig Nederlands spreken"],
        "contact": ("Elif Yilmaz", "e.yilmaz@enschede.demo.test"),
        "summary": (
            "Een set eenvoudige informatiebladen in zes talen over het WMO-loket, huishoudelijke hulp, "
            "mantelzorg en vervoer, met pictogrammen en een telefoonnummer."
        ),
        "body": """## Inhoud van de set
- Zes informatiebladen van één pagina, in het Nederlands op taalniveau B1 en in vijf andere talen.
- Pictogrammen, zodat ook wie niet goed leest de boodschap begrijpt.
- Een vast telefoonnummer waar iemand de taal spreekt.

## Hoe we het maakten
1. Teksten geschreven met zorgvragers uit de doelgroep en getest in twee buurthuizen.
2. Vertaald door beëdigde vertalers en gecontroleerd door sleutelpersonen.
3. Verspreid via huisartsen, apotheken, moskeeën en het loket.""",
    },
    {
        "title": "Zelforganisaties ontwikkelen voorlichting als WMO-product",
        "kind": "praktijk", "spearhead": "toegankelijkheid",
        "themes": ["participatie-en-zorg", "sociale-cohesie"],
        "organisations": ["Gemeente Utrecht"], "year": 2007,
        "author": "ambtenaar@demo.test", "status": "draft",
        "target_groups": ["zelforganisaties"],
        "contact": ("Sanne Jansen", "s.jansen@utrecht.demo.test"),
        "summary": (
            "Drie zelforganisaties werken met steun van de gemeente een voorlichtingsaanbod uit dat zij "
            "aan de gemeente kunnen leveren. Eerste opzet, nog niet ingediend."
        ),
        "body": """## Idee
De WMO maakt van welzijn een markt. Zelforganisaties kunnen daarop producten aanbieden:
voorlichting, cliëntondersteuning, dienstenpakketten.

## Eerste stappen
- Een startbijeenkomst met drie organisaties.
- Een training in het schrijven van een offerte.
- Een proefopdracht van een half jaar.""",
    },
    {
        "title": "Persoonlijke dienstverlening als opstap naar werk voor vrouwen",
        "kind": "praktijk", "spearhead": "toerusting",
        "themes": ["werk", "participatie-en-zorg"],
        "organisations": ["Gemeente Tilburg"], "year": 2006,
        "author": "adviseur@demo.test", "status": "published",
        "target_groups": ["vrouwen zonder werk"],
        "contact": ("Sandra Mutsaers", "werk@tilburg.demo.test"),
        "summary": (
            "Een leerwerktraject van een half jaar in huishoudelijke hulp en thuiszorg, met een "
            "baangarantie bij twee zorgaanbieders voor wie het traject afrondt."
        ),
        "body": """De vraag naar persoonlijke dienstverlening groeit. Voor vrouwen zonder
werkervaring is het een kans op een eerste baan en op contact buiten het eigen netwerk.

## Aanpak
1. Werving via taalcursussen, buurtmoeders en het CWI.
2. Een opleiding van zes maanden: drie dagen werken met een begeleider, één dag les.
3. Kinderopvang geregeld vanaf de eerste dag.
4. Na afronding een arbeidscontract bij een van de twee aanbieders.

## Resultaat
Van de eerste groep van 24 vrouwen hebben er 19 een vaste baan.""",
    },
    {
        "title": "Vrijwilligerswerk voor iedereen: koppelingen tussen verenigingen en zelforganisaties",
        "kind": "methode", "spearhead": "toenadering",
        "themes": ["sociale-cohesie", "participatie-en-zorg"],
        "organisations": ["Gemeente Culemborg"], "year": 2007,
        "author": "p.deboer@demo.test", "status": "review",
        "target_groups": ["vrijwilligers", "verenigingen"],
        "contact": ("Pieter de Boer", "p.deboer@culemborg.demo.test"),
        "summary": (
            "De vrijwilligerscentrale koppelt reguliere vrijwilligersorganisaties aan zelforganisaties "
            "van migranten voor gezamenlijke activiteiten en uitwisseling van vrijwilligers."
        ),
        "body": """## Aanpak
1. Inventariseer welke zelforganisaties informeel vrijwilligerswerk doen.
2. Organiseer 'koppeldagen' waarop twee organisaties samen een activiteit bedenken.
3. Geef elk koppel een klein budget en een begeleider van de vrijwilligerscentrale.

## Vraag
Dit voorstel ligt ter beoordeling: is een vergelijkbare aanpak elders geëvalueerd?""",
    },
]
