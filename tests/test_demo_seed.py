"""`flask demo seed` creates the demo world and is idempotent."""

from sqlalchemy import select, text

from servicecentrum.auth.models import User
from servicecentrum.auth.passwords import verify_password
from servicecentrum.extensions import db
from servicecentrum.organisations.models import Organisation
from servicecentrum.taxonomy.models import Programme, Spearhead

PASSWORD = "demo-wachtwoord-2026"


def _snapshot() -> dict:
    tables = {}
    for table in db.metadata.sorted_tables:
        rows = db.session.execute(text(f'SELECT * FROM "{table.name}"')).all()
        tables[table.name] = sorted(tuple(str(v) for v in row) for row in rows)
    return tables


def test_seed_twice_leaves_the_same_rows(app, runner):
    first = runner.invoke(args=["demo", "seed", "--password", PASSWORD])
    assert first.exit_code == 0, first.output
    with app.app_context():
        before = _snapshot()
    second = runner.invoke(args=["demo", "seed", "--password", PASSWORD])
    assert second.exit_code == 0, second.output
    with app.app_context():
        assert _snapshot() == before


def test_seed_creates_the_demo_accounts_organisations_and_taxonomy(app, runner):
    assert runner.invoke(args=["demo", "seed", "--password", PASSWORD]).exit_code == 0
    with app.app_context():
        roles = {u.email: (u.role, u.status) for u in db.session.scalars(select(User))}
        assert roles["beheerder@demo.test"] == ("admin", "active")
        assert roles["adviseur@demo.test"] == ("adviser", "active")
        assert roles["ambtenaar@demo.test"] == ("officer", "active")
        assert sum(1 for role, _ in roles.values() if role == "officer") >= 4
        officer = db.session.scalar(select(User).where(User.email == "ambtenaar@demo.test"))
        assert verify_password(officer.password_hash, PASSWORD)
        assert officer.organisation is not None

        organisations = list(db.session.scalars(select(Organisation)))
        assert len(organisations) >= 10
        assert any(o.is_g30 for o in organisations) and any(not o.is_g30 for o in organisations)
        assert {o.kind for o in organisations} >= {"gemeente", "onderwijs", "welzijn", "zorg"}

        programmes = {p.name for p in db.session.scalars(select(Programme))}
        assert programmes == {
            "Servicecentrum Integratiebeleid", "Jeugd en Veiligheid",
            "Religie en Identiteitsontwikkeling", "Sociale Cohesie", "Onderwijs en Inburgering",
            "Immigratie en Juridisch Burgerschap",
        }
        spearheads = {s.slug for s in db.session.scalars(select(Spearhead))}
        assert spearheads == {"toerusting", "toenadering", "toegankelijkheid"}


def test_seed_with_a_new_password_updates_the_demo_logins(app, runner):
    runner.invoke(args=["demo", "seed", "--password", PASSWORD])
    runner.invoke(args=["demo", "seed", "--password", "een-ander-wachtwoord"])
    with app.app_context():
        admin = db.session.scalar(select(User).where(User.email == "beheerder@demo.test"))
        assert verify_password(admin.password_hash, "een-ander-wachtwoord")


def test_demo_logins_work_through_the_login_form(app, runner, post_form):
    runner.invoke(args=["demo", "seed", "--password", PASSWORD])
    officer = app.test_client()
    response = post_form(officer, "/inloggen", {"email": "ambtenaar@demo.test", "password": PASSWORD},
                         page="/inloggen")
    assert response.headers["Location"] == "/overzicht"
    # Staff must set up two-step verification at their first login.
    for email in ("adviseur@demo.test", "beheerder@demo.test"):
        staff = app.test_client()
        response = post_form(staff, "/inloggen", {"email": email, "password": PASSWORD}, page="/inloggen")
        assert response.headers["Location"] == "/account/tweestapsverificatie/instellen"


def test_bootstrap_seeds_once_and_prints_the_logins(app, runner, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    result = runner.invoke(args=["demo", "bootstrap"])
    assert result.exit_code == 0, result.output
    assert "Demo data loaded." in result.output
    assert PASSWORD in result.output and "beheerder@demo.test" in result.output
    again = runner.invoke(args=["demo", "bootstrap"])
    assert "Demo data loaded." not in again.output
    assert PASSWORD in again.output
