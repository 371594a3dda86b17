"""Search fixtures: the backends to test, an app per backend, and only the test document types."""

import pytest

from servicecentrum.search.registry import REGISTRY
from tests.conftest import TEST_DATABASE_URL, app_for

from .doctypes import Notes, use_test_types

# Whoosh works on any database; the PostgreSQL backend needs PostgreSQL. CI runs the suite
# on both databases, so both backends are tested there.
BACKENDS = ["whoosh"] + (["postgres"] if (TEST_DATABASE_URL or "").startswith("postgres") else [])


def pytest_generate_tests(metafunc):
    if "backend_name" in metafunc.fixturenames:
        metafunc.parametrize("backend_name", BACKENDS)


@pytest.fixture(autouse=True)
def test_types():
    """Register only the test document types; put the real registry back afterwards."""
    saved = dict(REGISTRY)
    notes = Notes()
    use_test_types(notes)
    yield notes
    REGISTRY.clear()
    REGISTRY.update(saved)


@pytest.fixture
def search_app(tmp_path, database_url, backend_name):
    """An app that searches with the backend under test."""
    with app_for(tmp_path, database_url, SEARCH_BACKEND=backend_name) as application:
        yield application


@pytest.fixture
def runner_for():
    """Return a CLI runner for an app: `runner_for(app).invoke(args=[...])`."""
    return lambda application: application.test_cli_runner()
