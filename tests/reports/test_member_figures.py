"""The dashboard's member table: active members per organisation kind and region, hand-made set."""

from datetime import UTC, date, datetime

from servicecentrum.reports.figures.members import active_members
from servicecentrum.reports.tables import BUILDERS, Filters
from tests.factories import make_organisation, make_user

MARCH = Filters(date(2026, 3, 1), date(2026, 3, 31))


def _utc(*parts) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def _dataset():
    utrecht1 = make_organisation(kind="gemeente", region="Utrecht")
    utrecht2 = make_organisation(kind="gemeente", region="Utrecht")
    zeeland = make_organisation(kind="gemeente", region="Zeeland")
    school = make_organisation(kind="onderwijs", region="Utrecht")
    welfare = make_organisation(kind="welzijn", region=None)
    make_user(organisation=utrecht1, last_login_at=_utc(2026, 3, 5, 10))
    make_user(organisation=utrecht2, last_login_at=_utc(2026, 2, 28, 23, 30))  # 1 March 00:30 Amsterdam
    make_user(organisation=utrecht2, last_login_at=_utc(2026, 2, 28, 22, 30))  # 28 February 23:30
    make_user(organisation=utrecht1, last_login_at=None)
    make_user(organisation=zeeland, last_login_at=_utc(2026, 3, 31, 21, 59))  # 31 March 23:59 (CEST)
    make_user(organisation=zeeland, last_login_at=_utc(2026, 3, 31, 22, 0))  # 1 April 00:00
    make_user("adviser", organisation=utrecht1, last_login_at=_utc(2026, 3, 5))  # staff: not counted
    make_user(organisation=utrecht1, status="disabled", last_login_at=_utc(2026, 3, 5))  # not counted
    make_user(organisation=utrecht1, status="pending")  # not counted
    make_user(organisation=school, last_login_at=_utc(2026, 3, 10))
    make_user(organisation=welfare)
    make_user(organisation=None, last_login_at=_utc(2026, 3, 20))


EXPECTED = [
    ["Gemeente", "Utrecht", 2, 4],
    ["Gemeente", "Zeeland", 1, 2],
    ["Onderwijsinstelling", "Utrecht", 1, 1],
    ["Welzijnsorganisatie", "Onbekend", 0, 1],
    ["Geen organisatie", "Onbekend", 1, 1],
]


def test_active_members_per_kind_and_region(app_ctx):
    _dataset()
    table = active_members(MARCH)
    assert BUILDERS["active_members"] is active_members
    assert [c.label for c in table.columns] == ["Soort organisatie", "Regio", "Actieve leden", "Leden totaal"]
    assert table.rows == EXPECTED
    assert table.chart.value_columns == [2]
    assert "laatste inlog" in table.note


def test_programme_and_theme_do_not_apply(app_ctx):
    _dataset()
    assert active_members(Filters(MARCH.start, MARCH.end, programme_id=1, theme_id=2)).rows == EXPECTED
    april = active_members(Filters(date(2026, 4, 1), date(2026, 4, 30)))
    assert [row[2] for row in april.rows] == [0, 1, 0, 0, 0]


def test_one_query_whatever_the_number_of_members(app_ctx, count_queries):
    _dataset()
    with count_queries() as small:
        active_members(MARCH)
    organisation = make_organisation(kind="zorg", region="Limburg")
    for day in range(1, 21):
        make_user(organisation=organisation, last_login_at=_utc(2026, 3, day, 12) if day % 2 else None)
    with count_queries() as large:
        table = active_members(MARCH)
    assert small.count == large.count == 1
    assert ["Zorgorganisatie", "Limburg", 10, 20] in table.rows
