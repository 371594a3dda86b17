"""Demo content, written in our own words. Fictional people; real municipality codes."""

PROGRAMMES = [
    ("servicecentrum-integratiebeleid", "Servicecentrum Integratiebeleid",
     "Algemene vragen over lokaal integratiebeleid: van visie en collegeprogramma tot evaluatie. "
     "Vragen die nergens anders passen, komen hier terecht."),
    ("jeugd-en-veiligheid", "Jeugd en Veiligheid",
     "Jongeren die dreigen af te haken, overlast in de wijk en samenwerking tussen school, "
     "jeugdwerk en politie."),
    ("religie-en-identiteitsontwikkeling", "Religie en Identiteitsontwikkeling",
     "De rol van geloofsgemeenschappen en moskeeorganisaties, identiteit van jongeren en "
     "het gesprek over gedeelde waarden."),
    ("sociale-cohesie", "Sociale Cohesie",
     "Ontmoeting in de wijk, gemengde buurten, vrijwilligerswerk en het leefklimaat dat "
     "bewoners samen maken."),
    ("onderwijs-en-inburgering", "Onderwijs en Inburgering",
     "Voor- en vroegschoolse educatie, schooluitval, ouderbetrokkenheid en trajecten voor "
     "nieuwkomers en oudkomers."),
    ("immigratie-en-juridisch-burgerschap", "Immigratie en Juridisch Burgerschap",
     "Verblijfsrecht, naturalisatie en de rechtspositie van migranten, en wat gemeenten "
     "daarin kunnen en moeten doen."),
]

THEMES = [
    ("onderwijs", "Onderwijs", "Van voorschool tot startkwalificatie."),
    ("werk", "Werk", "Toeleiding naar werk, stages en ondernemerschap."),
    ("participatie-en-zorg", "Participatie en zorg (WMO)",
     "Meedoen, mantelzorg en toegang tot voorzieningen onder de WMO."),
    ("inburgering", "Inburgering", "Taal, oriëntatie op de samenleving en trajecten op maat."),
    ("jeugd-en-veiligheid", "Jeugd en veiligheid", "Preventie, overlast en kansen voor jongeren."),
    ("sociale-cohesie", "Sociale cohesie", "Contact en vertrouwen tussen bewoners."),
    ("religie-en-identiteit", "Religie en identiteit", "Geloof, identiteit en burgerschap."),
    ("immigratie", "Immigratie", "Nieuwkomers, gezinsmigratie en verblijf."),
    ("discriminatie", "Discriminatie", "Gelijke behandeling op school, werk en in de wijk."),
    ("wonen-en-wijken", "Wonen en wijken", "Wijkaanpak, spreiding en leefbaarheid."),
]

SPEARHEADS = [
    ("toerusting", "Toerusting",
     "Mensen meer kennis en vaardigheden geven, zodat zij volwaardig meedoen op school en op "
     "de arbeidsmarkt."),
    ("toenadering", "Toenadering",
     "Contact tussen groepen bevorderen en bewoners samen verantwoordelijk maken voor hun wijk."),
    ("toegankelijkheid", "Toegankelijkheid",
     "Deelname openstellen op elk niveau: in bestuur en politiek, verenigingen en "
     "maatschappelijke organisaties."),
]

# name, kind, CBS code, province, size class, G30, allowed e-mail domains
ORGANISATIONS = [
    ("Gemeente Amsterdam", "gemeente", "GM0363", "Noord-Holland", "vanaf-250k", True, ["amsterdam.nl"]),
    ("Gemeente Rotterdam", "gemeente", "GM0599", "Zuid-Holland", "vanaf-250k", True, ["rotterdam.nl"]),
    ("Gemeente Den Haag", "gemeente", "GM0518", "Zuid-Holland", "vanaf-250k", True, ["denhaag.nl"]),
    ("Gemeente Utrecht", "gemeente", "GM0344", "Utrecht", "vanaf-250k", True, ["utrecht.nl"]),
    ("Gemeente Almere", "gemeente", "GM0034", "Flevoland", "100k-250k", True, ["almere.nl"]),
    ("Gemeente Tilburg", "gemeente", "GM0855", "Noord-Brabant", "100k-250k", True, ["tilburg.nl"]),
    ("Gemeente Eindhoven", "gemeente", "GM0772", "Noord-Brabant", "100k-250k", True, ["eindhoven.nl"]),
    ("Gemeente Arnhem", "gemeente", "GM0202", "Gelderland", "100k-250k", True, ["arnhem.nl"]),
    ("Gemeente Enschede", "gemeente", "GM0153", "Overijssel", "100k-250k", True, ["enschede.nl"]),
    ("Gemeente Zaanstad", "gemeente", "GM0479", "Noord-Holland", "100k-250k", True, ["zaanstad.nl"]),
    ("Gemeente Groningen", "gemeente", "GM0014", "Groningen", "vanaf-250k", True, ["groningen.nl"]),
    ("Gemeente Nijmegen", "gemeente", "GM0268", "Gelderland", "100k-250k", True, ["nijmegen.nl"]),
    ("Gemeente Zwolle", "gemeente", "GM0193", "Overijssel", "100k-250k", True, ["zwolle.nl"]),
    ("Gemeente Leeuwarden", "gemeente", "GM0080", "Friesland", "100k-250k", True, ["leeuwarden.nl"]),
    ("Gemeente Breda", "gemeente", "GM0758", "Noord-Brabant", "100k-250k", True, ["breda.nl"]),
    ("Gemeente Maastricht", "gemeente", "GM0935", "Limburg", "100k-250k", True, ["maastricht.nl"]),
    ("Gemeente Haarlem", "gemeente", "GM0392", "Noord-Holland", "100k-250k", True, ["haarlem.nl"]),
    ("Gemeente Schiedam", "gemeente", "GM0606", "Zuid-Holland", "50k-100k", True, ["schiedam.nl"]),
    ("Gemeente Culemborg", "gemeente", "GM0216", "Gelderland", "20k-50k", False, ["culemborg.nl"]),
    ("Gemeente Tiel", "gemeente", "GM0281", "Gelderland", "20k-50k", False, ["tiel.nl"]),
    ("Gemeente Kampen", "gemeente", "GM0166", "Overijssel", "50k-100k", False, []),
    ("Gemeente Veenendaal", "gemeente", "GM0345", "Utrecht", "50k-100k", False, []),
    ("Stichting Openbaar Onderwijs Rivierenland", "onderwijs", None, "Gelderland", None, False, []),
    ("Welzijn Oost Voorbeeldstad", "welzijn", None, "Overijssel", None, False, []),
    ("GGD Regio Voorbeeld", "zorg", None, "Noord-Brabant", None, False, []),
]

# e-mail, name, role, organisation (None = FORUM), job title, expertise theme slugs, programmes
ACCOUNTS = [
    ("beheerder@demo.test", "Marieke de Beheerder", "admin", None,
     "Functioneel beheerder", [], []),
    ("adviseur@demo.test", "Ravi Ramdin", "adviser", None,
     "Senior adviseur integratiebeleid", ["onderwijs", "inburgering"],
     ["servicecentrum-integratiebeleid", "onderwijs-en-inburgering"]),
    ("ambtenaar@demo.test", "Sanne Jansen", "officer", "Gemeente Utrecht",
     "Beleidsmedewerker integratie", ["werk", "participatie-en-zorg"], []),
    ("adviseur.jeugd@demo.test", "Rob de Wit", "adviser", None,
     "Adviseur jeugd en veiligheid", ["jeugd-en-veiligheid"], ["jeugd-en-veiligheid"]),
    ("adviseur.cohesie@demo.test", "Carla Veldman", "adviser", None,
     "Adviseur sociale cohesie", ["sociale-cohesie", "wonen-en-wijken"],
     ["sociale-cohesie", "religie-en-identiteitsontwikkeling"]),
    ("adviseur.recht@demo.test", "Julia de Poort", "adviser", None,
     "Adviseur immigratie en burgerschap", ["immigratie"], ["immigratie-en-juridisch-burgerschap"]),
    ("m.bakker@demo.test", "Mohamed Bakker", "officer", "Gemeente Rotterdam",
     "Programmamanager onderwijs", ["onderwijs"], []),
    ("l.vandijk@demo.test", "Lotte van Dijk", "officer", "Gemeente Almere",
     "Beleidsadviseur WMO", ["participatie-en-zorg"], []),
    ("e.yilmaz@demo.test", "Elif Yilmaz", "officer", "Gemeente Enschede",
     "Beleidsmedewerker werk en inkomen", ["werk", "discriminatie"], []),
    ("p.deboer@demo.test", "Pieter de Boer", "officer", "Gemeente Culemborg",
     "Wethouder sociaal domein", ["sociale-cohesie"], []),
    ("a.ramautar@demo.test", "Anita Ramautar", "officer", "Welzijn Oost Voorbeeldstad",
     "Coördinator ouderenwerk", ["participatie-en-zorg"], []),
    ("f.elamrani@demo.test", "Fatima El Amrani", "officer", "Gemeente Den Haag",
     "Strategisch adviseur diversiteit", ["discriminatie", "religie-en-identiteit"], []),
    ("t.devries@demo.test", "Thijs de Vries", "officer", "Gemeente Groningen",
     "Beleidsmedewerker wonen en wijken", ["wonen-en-wijken", "sociale-cohesie"], []),
    ("l.nguyen@demo.test", "Linh Nguyen", "officer", "Gemeente Eindhoven",
     "Projectleider inburgering", ["inburgering", "werk"], []),
    ("a.kowalski@demo.test", "Agnieszka Kowalski", "officer", "Gemeente Tilburg",
     "Beleidsadviseur arbeidsmigratie", ["immigratie", "werk"], []),
    ("y.demir@demo.test", "Yusuf Demir", "officer", "Gemeente Zaanstad",
     "Wijkmanager", ["jeugd-en-veiligheid", "wonen-en-wijken"], []),
    ("m.hendriks@demo.test", "Marloes Hendriks", "officer", "GGD Regio Voorbeeld",
     "Jeugdarts en beleidsadviseur", ["participatie-en-zorg", "onderwijs"], []),
    ("s.tjonafat@demo.test", "Shanti Tjon-A-Fat", "officer", "Gemeente Amsterdam",
     "Beleidsmedewerker participatie", ["participatie-en-zorg", "discriminatie"], []),
    ("b.smit@demo.test", "Bram Smit", "officer", "Stichting Openbaar Onderwijs Rivierenland",
     "Bestuurssecretaris", ["onderwijs"], []),
    ("k.boateng@demo.test", "Kwame Boateng", "officer", "Gemeente Almere",
     "Jongerenwerker en beleidsmedewerker", ["jeugd-en-veiligheid"], []),
    ("h.bouzid@demo.test", "Hanane Bouzid", "officer", "Gemeente Arnhem",
     "Beleidsmedewerker onderwijs", ["onderwijs", "inburgering"], []),
    ("g.jansen@demo.test", "Gerrit Jansen", "officer", "Gemeente Kampen",
     "Beleidsmedewerker sociaal domein", ["inburgering", "wonen-en-wijken"], []),
]

DEMO_ACCOUNTS = [
    ("beheerder@demo.test", "beheerder (admin)"),
    ("adviseur@demo.test", "adviseur (adviser)"),
    ("ambtenaar@demo.test", "ambtenaar (officer)"),
]
