"""A database and instance folder of its own for bench/pages.py, at the demo size or the generate size.

Both sizes start as an operator would: `db upgrade`, `demo bootstrap` (demo password from
DEMO_PASSWORD), `search sync`; the large size adds `demo generate` (its defaults) and
`search reindex`. Then the bench's own fixtures: a known TOTP secret for the adviser (staff
need a second factor) and a question with exactly 200 answers.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
FLASK = [str(Path(sys.executable).parent / "flask"), "--app", "wsgi"]
SECRET_KEY = "bench-pages-not-secret"
PASSWORD = "bench-wachtwoord-2026"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
OFFICER, ADVISER = "ambtenaar@demo.test", "adviseur@demo.test"
ANSWERS = 200
PREPARED_MARKER = "bench-pages-prepared"
ANSWER_TEXTS = (
    "Bij ons werkt een vaste contactpersoon per wijk goed. Ouders weten dan bij wie ze terecht "
    "kunnen, en de school hoort signalen eerder.",
    "Wij zijn begonnen met een taalcafé in de bibliotheek. **Tip:** laat vrijwilligers en "
    "nieuwkomers samen het programma maken, dan blijven mensen komen.",
    "Twee dingen hielpen ons:\n\n- een korte lijn met het wijkteam\n- elk kwartaal een gesprek "
    "met sleutelfiguren uit de buurt\n\nDe rest volgde vanzelf.",
    "In onze gemeente koppelen we inburgering aan werk: na drie maanden volgt een "
    "werkervaringsplek bij een werkgever in de regio. De uitval is sindsdien duidelijk lager.",
)


@dataclass
class Setup:
    """One prepared database: where it lives, the environment to run the app with, and what it took."""

    database: str  # "sqlite" | "postgresql"
    size: str  # "demo" | "large"
    instance: Path
    env: dict
    question_id: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # step -> seconds, for the report
    server_url: str = ""  # PostgreSQL: the server, to drop the database afterwards
    database_name: str = ""
    keep: bool = False

    @property
    def label(self) -> str:
        return f"{'SQLite' if self.database == 'sqlite' else 'PostgreSQL'}, {self.size} size"


def environment(instance: Path, database_url: str, search_backend: str) -> dict:
    """The process environment for the app: ours only, nothing inherited that would point elsewhere."""
    from servicecentrum.config import ENV_PREFIX, ENVIRONMENT_SETTINGS

    env = {key: value for key, value in os.environ.items()
           if not key.startswith(ENV_PREFIX) and key not in ENVIRONMENT_SETTINGS}
    env.update(SECRET_KEY=SECRET_KEY, SERVICECENTRUM_INSTANCE_PATH=str(instance), DATABASE_URL=database_url,
               SEARCH_BACKEND=search_backend, DEMO_PASSWORD=PASSWORD,
               SESSION_COOKIE_SECURE="false")  # plain http on 127.0.0.1, as `make run` does
    return env


def postgres_server(url: str) -> str:
    """The server part of a PostgreSQL URL in libpq's form (any database name in it is dropped)."""
    parts = urlsplit(url.replace("postgresql+psycopg://", "postgresql://", 1))
    return urlunsplit((parts.scheme, parts.netloc, "", parts.query, ""))


def _postgres_database(server_url: str, name: str, fresh: bool) -> tuple[str, bool]:
    """Create the database when missing (or anew when ``fresh``); return its URL and whether it is new."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True, connect_timeout=5) as conn:
        if fresh:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(server_url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, "")), not exists


def _flask(setup: Setup, step: str, *args: str) -> None:
    """Run one `flask --app wsgi` command against the bench database; remember how long it took."""
    start = time.perf_counter()
    done = subprocess.run([*FLASK, *args], cwd=ROOT, env=setup.env, capture_output=True, text=True)
    setup.seconds[step] = setup.seconds.get(step, 0) + time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"flask {' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    last = (done.stdout.strip().splitlines() or [""])[-1]
    print(f"  flask {' '.join(args):28} {setup.seconds[step]:7.1f} s  {last[:90]}", flush=True)


def prepare(database: str, size: str, server_url: str, reuse_dir: Path | None) -> Setup:
    """Make (or, with ``reuse_dir``, find) the bench database of this kind and size."""
    keep = reuse_dir is not None
    if keep:
        instance = reuse_dir / f"{database}-{size}"
        instance.mkdir(parents=True, exist_ok=True)
    else:
        instance = Path(tempfile.mkdtemp(prefix=f"bench-pages-{database}-{size}-"))
    setup = Setup(database, size, instance, env={}, keep=keep)
    try:
        _fill(setup, server_url)
    except BaseException:
        cleanup(setup)
        raise
    return setup


def _fill(setup: Setup, server_url: str) -> None:
    database, size, instance = setup.database, setup.size, setup.instance
    marker = instance / PREPARED_MARKER
    if database == "sqlite":
        url, backend = f"sqlite:///{instance / 'bench.db'}", "whoosh"
    else:
        setup.server_url, setup.database_name = postgres_server(server_url), f"bench_pages_{size}"
        url, created = _postgres_database(setup.server_url, setup.database_name, fresh=not setup.keep)
        backend = "postgres"
        if created:
            marker.unlink(missing_ok=True)
    setup.env = environment(instance, url, backend)
    print(f"\n{setup.label}: {url} (instance {instance})", flush=True)
    _flask(setup, "upgrade", "db", "upgrade")
    _flask(setup, "bootstrap", "demo", "bootstrap")
    if size == "large" and not marker.exists():
        _flask(setup, "generate", "demo", "generate")
        _flask(setup, "reindex", "search", "reindex")
    elif size == "large":
        print(f"  reusing the generated data (delete {instance} to generate anew)")
    marker.write_text(size + "\n")
    setup.question_id, added = _fixtures(setup)
    print(f"  fixtures: adviser TOTP set; question {setup.question_id} has {ANSWERS} answers "
          f"({added} added)", flush=True)
    _flask(setup, "sync", "search", "sync")
    _flask(setup, "rollup", "reports", "rollup")  # the nightly roll-up the report reads closed days from
    if database == "postgresql":
        with app_for(setup) as app:
            from servicecentrum.extensions import db

            with app.app_context(), db.engine.connect() as conn:
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")


def cleanup(setup: Setup) -> None:
    """Remove what a run without --reuse made: the instance folder and the PostgreSQL database."""
    if setup.keep:
        return
    shutil.rmtree(setup.instance, ignore_errors=True)
    if setup.database_name:
        import psycopg

        try:
            with psycopg.connect(setup.server_url, autocommit=True, connect_timeout=5) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{setup.database_name}" WITH (FORCE)')
        except psycopg.OperationalError as error:  # the server is gone: nothing to drop there
            print(f"  could not drop {setup.database_name}: {error}")


@contextmanager
def app_for(setup: Setup):
    """The app in this process, configured from the bench environment exactly as gunicorn's is."""
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(setup.env)
    try:
        from servicecentrum import create_app
        from servicecentrum.extensions import db

        app = create_app()
        # No background flush of buffered tallies in this process: it would write between the
        # statements that bench/pages_queries.py counts.
        app.config["TALLY_FLUSH_SECONDS"] = 0
        try:
            yield app
        finally:
            with app.app_context():
                db.session.remove()
                db.engine.dispose()
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _fixtures(setup: Setup) -> tuple[int, int]:
    """Give the adviser a known TOTP secret; make sure one question has 200 answers. Idempotent."""
    from sqlalchemy import select, update

    from servicecentrum.auth.models import User
    from servicecentrum.database import utcnow
    from servicecentrum.extensions import db
    from servicecentrum.forum import services as forum
    from servicecentrum.forum.models import Question

    with app_for(setup) as app, app.test_request_context():
        db.session.execute(update(User).where(User.email == ADVISER).values(
            mfa_secret=TOTP_SECRET, mfa_enabled_at=utcnow(), mfa_last_timecode=None))
        db.session.commit()
        visible = Question.is_hidden.is_(False)
        question = db.session.scalar(select(Question).where(visible, Question.answer_count == ANSWERS)
                                     .order_by(Question.id).limit(1))
        if question is None:
            question = db.session.scalar(
                select(Question).where(visible, Question.is_locked.is_(False),
                                       Question.answer_count < ANSWERS)
                .order_by(Question.answer_count.desc(), Question.id).limit(1))
        authors = db.session.scalars(select(User).where(User.status == "active",
                                                        User.role.in_(("officer", "adviser")))
                                     .order_by(User.id).limit(25)).all()
        missing = ANSWERS - question.answer_count
        for n in range(missing):
            forum.post_answer(authors[n % len(authors)], question, ANSWER_TEXTS[n % len(ANSWER_TEXTS)])
        return question.id, missing
