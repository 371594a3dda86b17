"""Routing as a table: rules on theme, words, region and G30; first match wins; fallback; advisers.

Every case builds the same small world (two themes, a G30 city in Utrecht, a small town in
Gelderland, four programmes with advisers), adds the case's rules in order, and asks where
a question would go.
"""

from types import SimpleNamespace

import pytest
from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.helpdesk import services
from servicecentrum.helpdesk.models import RoutingRule, TicketChange
from servicecentrum.helpdesk.routing import route
from servicecentrum.helpdesk.services import TicketData
from tests.factories import make_organisation, make_programme, make_theme, make_ticket, make_user

FALLBACK = "Servicecentrum Integratiebeleid"


@pytest.fixture
def world(app_ctx):
    """Themes, organisations, programmes and advisers every case routes in."""
    advisers = {key: make_user("adviser", name=name) for key, name in
                (("anna", "Anna Aalders"), ("bert", "Bert Bos"), ("carl", "Carl Claes"),
                 ("dina", "Dina Dekker"), ("erik", "Erik Eden"))}
    programmes = {
        "fallback": make_programme(slug="servicecentrum-integratiebeleid", name=FALLBACK,
                                   advisers=[advisers["erik"]]),
        "onderwijs": make_programme(name="Onderwijs en Inburgering",
                                    advisers=[advisers["anna"], advisers["bert"]]),
        "jeugd": make_programme(name="Jeugd en Veiligheid", advisers=[advisers["carl"]]),
        "recht": make_programme(name="Immigratie en Juridisch Burgerschap", advisers=[advisers["dina"]]),
    }
    return SimpleNamespace(
        themes={"onderwijs": make_theme(name="Onderwijs"), "jeugd": make_theme(name="Jeugd en veiligheid")},
        organisations={
            "utrecht": make_organisation(name="Gemeente Utrecht", region="Utrecht", is_g30=True),
            "culemborg": make_organisation(name="Gemeente Culemborg", region="Gelderland", is_g30=False),
            None: None,
        },
        programmes=programmes, advisers=advisers)


def add_rules(world, specs) -> None:
    """Store the rules in the listed order; a spec names theme, programme and adviser by key."""
    for position, spec in enumerate(specs, start=1):
        spec = dict(spec)
        theme = spec.pop("theme", None)
        adviser = spec.pop("adviser", None)
        db.session.add(RoutingRule(
            position=spec.pop("position", position), name=spec.pop("name"),
            programme=world.programmes[spec.pop("programme")],
            theme=world.themes[theme] if theme else None,
            adviser=world.advisers[adviser] if adviser else None,
            is_active=spec.pop("active", True), **spec))
    db.session.commit()


def R(name, programme, **conditions):  # noqa: N802 - reads like a table row
    return {"name": name, "programme": programme, **conditions}


# (case id, rules in order, (subject, body, theme, organisation), expected programme, expected rule)
CASES = [
    ("theme rule matches its theme",
     [R("Onderwijs", "onderwijs", theme="onderwijs")],
     ("Vraag over de schoolkeuze", "", "onderwijs", "utrecht"), "onderwijs", "Onderwijs"),
    ("theme rule ignores another theme",
     [R("Onderwijs", "onderwijs", theme="onderwijs")],
     ("Vraag over de schoolkeuze", "", "jeugd", "utrecht"), "fallback", None),
    ("theme rule ignores a question without theme",
     [R("Onderwijs", "onderwijs", theme="onderwijs")],
     ("Vraag over de schoolkeuze", "", None, "utrecht"), "fallback", None),
    ("keyword matches the start of a longer word",
     [R("Statushouders", "recht", keywords="statushouder")],
     ("Huisvesting", "Hoe huisvesten wij statushouders in kleine kernen?", None, None),
     "recht", "Statushouders"),
    ("keyword matches in the subject, whatever the case",
     [R("Statushouders", "recht", keywords="statushouder")],
     ("STATUSHOUDER zoekt werk", "", None, None), "recht", "Statushouders"),
    ("keyword does not match inside a word",
     [R("Armoede", "jeugd", keywords="arm")],
     ("Een warm welkom voor nieuwkomers", "Wij zoeken een zwerm vrijwilligers.", None, None),
     "fallback", None),
    ("keyword matches a word that starts with it",
     [R("Armoede", "jeugd", keywords="arm")],
     ("Armoedebeleid en kinderen", "", None, None), "jeugd", "Armoede"),
    ("one of several keywords is enough",
     [R("Verblijf", "recht", keywords="naturalisatie, verblijfsvergunning, asiel")],
     ("Vraag", "Hoe lang duurt een verblijfsvergunning?", None, None), "recht", "Verblijf"),
    ("keyword after punctuation matches",
     [R("Verblijf", "recht", keywords="asiel")],
     ("Vraag", "Opvang (asielzoekers) in de wijk", None, None), "recht", "Verblijf"),
    ("region rule matches the organisation's province",
     [R("Utrecht", "jeugd", region="Utrecht")],
     ("Vraag", "", None, "utrecht"), "jeugd", "Utrecht"),
    ("region rule ignores another province",
     [R("Utrecht", "jeugd", region="Utrecht")],
     ("Vraag", "", None, "culemborg"), "fallback", None),
    ("region rule ignores a requester without organisation",
     [R("Utrecht", "jeugd", region="Utrecht")],
     ("Vraag", "", None, None), "fallback", None),
    ("G30 rule matches a G30 city",
     [R("G30", "jeugd", g30=True)],
     ("Vraag", "", None, "utrecht"), "jeugd", "G30"),
    ("G30 rule ignores a town outside the G30",
     [R("G30", "jeugd", g30=True)],
     ("Vraag", "", None, "culemborg"), "fallback", None),
    ("not-G30 rule matches a town outside the G30",
     [R("Buiten de G30", "jeugd", g30=False)],
     ("Vraag", "", None, "culemborg"), "jeugd", "Buiten de G30"),
    ("not-G30 rule ignores a G30 city",
     [R("Buiten de G30", "jeugd", g30=False)],
     ("Vraag", "", None, "utrecht"), "fallback", None),
    ("combined: theme and region both hold",
     [R("Onderwijs Utrecht", "onderwijs", theme="onderwijs", region="Utrecht")],
     ("Vraag", "", "onderwijs", "utrecht"), "onderwijs", "Onderwijs Utrecht"),
    ("combined: theme holds, region does not",
     [R("Onderwijs Utrecht", "onderwijs", theme="onderwijs", region="Utrecht")],
     ("Vraag", "", "onderwijs", "culemborg"), "fallback", None),
    ("combined: keyword holds, G30 does not",
     [R("Wijkaanpak G30", "jeugd", keywords="wijkaanpak", g30=True)],
     ("Wijkaanpak in een dorp", "", None, "culemborg"), "fallback", None),
    ("combined: keyword and G30 both hold",
     [R("Wijkaanpak G30", "jeugd", keywords="wijkaanpak", g30=True)],
     ("Wijkaanpak in de stad", "", None, "utrecht"), "jeugd", "Wijkaanpak G30"),
    ("a rule without conditions matches everything",
     [R("Alles naar jeugd", "jeugd")],
     ("Wat dan ook", "", None, None), "jeugd", "Alles naar jeugd"),
    ("order: the first matching rule wins",
     [R("Thema onderwijs", "onderwijs", theme="onderwijs"), R("Woord school", "jeugd", keywords="school")],
     ("Schooluitval", "", "onderwijs", None), "onderwijs", "Thema onderwijs"),
    ("order: the position decides, not the age of the rule",
     [R("Thema onderwijs", "onderwijs", theme="onderwijs", position=2),
      R("Woord school", "jeugd", keywords="school", position=1)],
     ("Schooluitval", "", "onderwijs", None), "jeugd", "Woord school"),
    ("order: a non-matching first rule passes to the next",
     [R("Regio Gelderland", "recht", region="Gelderland"), R("Woord school", "jeugd", keywords="school")],
     ("Schooluitval", "", None, "utrecht"), "jeugd", "Woord school"),
    ("an inactive rule is skipped",
     [R("Uit", "recht", keywords="school", active=False), R("Aan", "jeugd", keywords="school")],
     ("Schooluitval", "", None, None), "jeugd", "Aan"),
    ("only inactive rules: the fallback",
     [R("Uit", "recht", active=False)],
     ("Schooluitval", "", None, None), "fallback", None),
    ("no rules at all: the fallback",
     [],
     ("Een vraag", "", None, "utrecht"), "fallback", None),
]


@pytest.mark.parametrize(("rules", "question", "programme", "rule_name"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_routing_table(world, rules, question, programme, rule_name):
    add_rules(world, rules)
    subject, body, theme, organisation = question
    theme_id = world.themes[theme].id if theme else None
    decision = route(subject, body, theme_id, world.organisations[organisation])
    assert decision.programme == world.programmes[programme]
    assert getattr(decision.rule, "name", None) == rule_name
    if rule_name is None:
        assert decision.note == f"Geen regel van toepassing; naar {FALLBACK}"
    else:
        assert decision.note.startswith(f"Regel '{rule_name}'")


def _load(world, **counts):
    """Give advisers (open, closed-or-resolved) tickets: {"anna": (2, 1)}."""
    for key, (open_count, done_count) in counts.items():
        adviser = world.advisers[key]
        programme = adviser.programmes[0]
        for status in (["new", "open", "waiting"] * open_count)[:open_count]:
            make_ticket(programme=programme, assignee=adviser, status=status)
        for status in (["resolved", "closed"] * done_count)[:done_count]:
            make_ticket(programme=programme, assignee=adviser, status=status)


# (case id, rule adviser, who is inactive, who left the programme, {adviser: (open, done)}, expected)
ADVISER_CASES = [
    ("the rule's adviser takes it, even when busier", "bert", None, None, {"bert": (3, 0)}, "bert"),
    ("rule adviser inactive: the least-loaded adviser", "bert", "bert", None, {"anna": (2, 0)}, "anna"),
    ("rule adviser left the programme: the least-loaded", "bert", None, "bert", {"anna": (1, 0)}, "anna"),
    ("no rule adviser: the one with fewest open tickets", None, None, None,
     {"anna": (2, 0), "bert": (1, 0)}, "bert"),
    ("tie on open tickets: alphabetical by name", None, None, None, {"anna": (1, 0), "bert": (1, 0)}, "anna"),
    ("resolved and closed tickets do not count", None, None, None, {"anna": (0, 3), "bert": (1, 0)}, "anna"),
    ("an inactive adviser never gets it by load", None, "anna", None, {"bert": (4, 0)}, "bert"),
]


@pytest.mark.parametrize(("rule_adviser", "inactive", "left", "load", "expected"),
                         [case[1:] for case in ADVISER_CASES], ids=[case[0] for case in ADVISER_CASES])
def test_adviser_choice_table(world, rule_adviser, inactive, left, load, expected):
    add_rules(world, [R("Onderwijs", "onderwijs", theme="onderwijs", adviser=rule_adviser)])
    _load(world, **load)
    if inactive:
        world.advisers[inactive].status = "disabled"
    if left:
        world.programmes["onderwijs"].advisers.remove(world.advisers[left])
    db.session.commit()
    decision = route("Vraag", "", world.themes["onderwijs"].id, None)
    assert decision.programme == world.programmes["onderwijs"]
    assert decision.adviser == world.advisers[expected]


def test_a_programme_without_active_advisers_leaves_the_ticket_unassigned(world):
    add_rules(world, [R("Jeugd", "jeugd", theme="jeugd")])
    world.advisers["carl"].status = "disabled"
    db.session.commit()
    decision = route("Vraag", "", world.themes["jeugd"].id, None)
    assert decision.programme == world.programmes["jeugd"] and decision.adviser is None


def test_ties_on_equal_names_go_to_the_oldest_account(world):
    twin = make_user("adviser", name="Anna Aalders")
    world.programmes["onderwijs"].advisers.append(twin)
    db.session.commit()
    add_rules(world, [R("Onderwijs", "onderwijs", theme="onderwijs")])
    _load(world, bert=(1, 0))
    assert route("Vraag", "", world.themes["onderwijs"].id, None).adviser == world.advisers["anna"]


def test_filing_records_which_rule_fired_and_why(world):
    add_rules(world, [R("Eerst jeugd", "jeugd", keywords="jongeren"),
                      R("Statushouders", "recht", keywords="statushouder", adviser="dina")])
    officer = make_user("officer", organisation=world.organisations["utrecht"])
    ticket = services.create_ticket(officer, TicketData("Werk voor statushouders", "Wie heeft ervaring?"))
    rule = db.session.scalar(select(RoutingRule).where(RoutingRule.name == "Statushouders"))
    assert ticket.routing_rule_id == rule.id
    assert ticket.programme == world.programmes["recht"] and ticket.assignee == world.advisers["dina"]
    assert ticket.routing_note == f"Regel 'Statushouders' (nr. {rule.id}): woord 'statushouder'"
    routed = db.session.scalars(select(TicketChange).where(TicketChange.ticket_id == ticket.id,
                                                           TicketChange.action == "routed")).all()
    assert [(c.new_value, c.is_internal, c.actor_id) for c in routed] == [(ticket.routing_note, True, None)]


def test_filing_without_a_matching_rule_records_the_fallback(world):
    officer = make_user("officer", organisation=world.organisations["culemborg"])
    ticket = services.create_ticket(officer, TicketData("Een algemene vraag", ""))
    assert ticket.routing_rule_id is None and ticket.programme == world.programmes["fallback"]
    assert ticket.assignee == world.advisers["erik"]
    routed = [c for c in ticket.changes if c.action == "routed"]
    assert [c.new_value for c in routed] == [f"Geen regel van toepassing; naar {FALLBACK}"]
