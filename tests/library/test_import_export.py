"""`flask library import|export`: JSON Lines in and out, with errors reported by line number."""

import json

from sqlalchemy import select

from servicecentrum.extensions import db
from servicecentrum.library.models import Practice, PracticeVersion
from tests import factories
from tests.library.helpers import make_practice, outbox_ids


def _taxonomy(app):
    with app.app_context():
        factories.make_theme(slug="onderwijs", name="Onderwijs")
        factories.make_theme(slug="werk", name="Werk")
        factories.make_spearhead(slug="toerusting", name="Toerusting")
        factories.make_organisation(name="Gemeente Utrecht", cbs_code="GM0344")


def _write(tmp_path, lines) -> str:
    path = tmp_path / "praktijken.jsonl"
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n",
                    encoding="utf-8")
    return str(path)


GOOD = {"title": "Huiswerkklas", "summary": "Hulp na school.", "body": "## Aanpak\n\nVier middagen."}


def test_a_file_with_errors_imports_nothing_and_names_every_error_by_line(app, runner, tmp_path):
    _taxonomy(app)
    path = _write(tmp_path, [
        GOOD,
        {"summary": "Geen titel", "body": "x"},
        "{niet: json}",
        {**GOOD, "themes": ["onderwijs", "bestaat-niet"], "year": "2006", "status": "klaar"},
        "",
        {**GOOD, "organisation": "Gemeente Nergens", "spearhead": "toerusting", "titel": "typfout"},
        ["geen", "object"],
        {**GOOD, "title": "   "},
    ])
    result = runner.invoke(args=["library", "import", path])
    assert result.exit_code == 1
    for error in ("regel 2: 'title' ontbreekt", "regel 3: geen geldige JSON",
                  "regel 4: thema 'bestaat-niet' bestaat niet", "regel 4: 'year' moet een jaartal zijn",
                  "regel 4: 'status' moet een van draft, review, published, archived zijn",
                  "regel 6: organisatie 'Gemeente Nergens' bestaat niet", "regel 6: onbekend veld 'titel'",
                  "regel 7: een regel moet één JSON-object zijn", "regel 8: 'title' is leeg"):
        assert error in result.output, error
    assert "regel 1" not in result.output and "regel 5" not in result.output
    assert "Niets geïmporteerd" in result.output
    with app.app_context():
        assert db.session.scalars(select(Practice)).all() == []


def test_skip_invalid_imports_the_valid_lines(app, runner, tmp_path):
    _taxonomy(app)
    path = _write(tmp_path, [GOOD, {"title": "Zonder tekst"},
                             {**GOOD, "title": "Tweede", "status": "published"}])
    result = runner.invoke(args=["library", "import", path, "--skip-invalid"])
    assert result.exit_code == 0, result.output
    assert "regel 2: 'summary' ontbreekt" in result.output and "regel 2: 'body' ontbreekt" in result.output
    assert "2 praktijk(en) geïmporteerd, 1 regel(s) overgeslagen." in result.output
    with app.app_context():
        practices = {p.title: p for p in db.session.scalars(select(Practice))}
        assert set(practices) == {"Huiswerkklas", "Tweede"}
        assert practices["Huiswerkklas"].status == "draft"  # the default
        assert practices["Tweede"].published_at is not None
        assert [v.number for v in practices["Tweede"].versions] == [1]
        assert sorted(outbox_ids()) == sorted(p.id for p in practices.values())


def test_themes_spearheads_and_organisations_are_found_by_slug_name_or_code(app, runner, tmp_path):
    _taxonomy(app)
    path = _write(tmp_path, [{**GOOD, "themes": ["onderwijs", "Werk"], "spearhead": "Toerusting",
                              "organisation": ["gm0344"], "year": 2006, "kind": "methode",
                              "target_groups": "ouders, leerlingen", "contact_email": "a@utrecht.test"}])
    assert runner.invoke(args=["library", "import", path]).exit_code == 0
    with app.app_context():
        practice = db.session.scalar(select(Practice))
        assert sorted(t.slug for t in practice.themes) == ["onderwijs", "werk"]
        assert practice.spearhead.slug == "toerusting"
        assert [o.name for o in practice.organisations] == ["Gemeente Utrecht"]
        assert (practice.year, practice.kind) == (2006, "methode")
        assert practice.target_groups == ["ouders", "leerlingen"]


def test_export_then_import_reproduces_the_practices(app, runner, tmp_path):
    _taxonomy(app)
    with app.app_context():
        from servicecentrum.organisations.models import Organisation
        from servicecentrum.taxonomy.models import Spearhead, Theme

        themes = db.session.scalars(select(Theme).order_by(Theme.slug)).all()
        utrecht = db.session.scalar(select(Organisation))
        make_practice(title="Eén", themes=themes, organisations=[utrecht], year=2005,
                      spearhead=db.session.scalar(select(Spearhead)), contact_name="Sanne",
                      contact_email="sanne@utrecht.test", target_groups=["ouders"])
        make_practice(title="Twee", status="draft", kind="instrument", body="Regel 1\n\nRegel \"2\" — ü")
        make_practice(title="Drie", status="archived", target_groups=[])
    export = runner.invoke(args=["library", "export"])
    assert export.exit_code == 0
    lines = export.output.strip().splitlines()
    assert [json.loads(line)["title"] for line in lines] == ["Eén", "Twee", "Drie"]
    path = tmp_path / "export.jsonl"
    assert runner.invoke(args=["library", "export", str(path)]).exit_code == 0
    with app.app_context():
        before = [json.loads(line) for line in lines]
        db.session.execute(db.delete(PracticeVersion))
        db.session.execute(db.delete(Practice))
        db.session.commit()
    result = runner.invoke(args=["library", "import", str(path)])
    assert result.exit_code == 0, result.output
    again = runner.invoke(args=["library", "export"]).output.strip().splitlines()
    assert [json.loads(line) for line in again] == before


def test_import_can_credit_a_member_as_author(app, runner, tmp_path):
    with app.app_context():
        author = factories.make_user(email="sanne@utrecht.test")
        author_id = author.id
    path = _write(tmp_path, [GOOD])
    assert runner.invoke(args=["library", "import", path, "--author", "Sanne@Utrecht.test"]).exit_code == 0
    with app.app_context():
        assert db.session.scalar(select(Practice)).author_id == author_id
    unknown = runner.invoke(args=["library", "import", path, "--author", "niemand@x.test"])
    assert unknown.exit_code != 0 and "Geen lid met e-mailadres" in unknown.output
