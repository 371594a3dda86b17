"""Password rules: 12 to 128 characters, not common, not personal, used exactly as typed."""

import pytest

from servicecentrum.auth import services
from servicecentrum.auth.password_policy import password_problems
from servicecentrum.extensions import db
from tests import factories

NAME = "Sanne Jansen"
EMAIL = "s.vandenberg@utrecht.test"


@pytest.fixture
def request_ctx(app):
    """A request context: the messages are translated for the visitor's language."""
    with app.test_request_context():
        yield app


@pytest.fixture
def problems(request_ctx):
    """The Dutch messages for a password chosen by Sanne Jansen."""
    return lambda password: password_problems(password, NAME, EMAIL)


def test_eleven_characters_are_refused_and_twelve_accepted(problems):
    assert problems("fiets in de") == ["Kies een wachtwoord van minstens 12 tekens."]
    assert problems("fiets in de!") == []


def test_spaces_count_as_characters(problems):
    assert problems(" fiets in de ") == []


def test_128_characters_are_accepted_and_129_refused(problems):
    sentence = "de kat krabt de krullen van de trap "
    long_password = (sentence * 4)[:128]
    assert problems(long_password) == []
    assert problems(long_password + "x") == ["Een wachtwoord is hoogstens 128 tekens."]


def test_no_composition_rules(problems):
    assert problems("alleen kleine letters hier") == []
    assert problems("987654321098") == []


@pytest.mark.parametrize("password", [
    "Wachtwoord2024!", "welkomwelkom12", "qwertyuiop12", "WELKOMWELKOM", "Welkom2024!!!",
    "2024Wachtwoord", "!!Servicecentrum1", "123456789012", "aaaaaaaaaaaa", "abcabcabcabc",
    "hallohallohallo", "Feyenoord1908",
])
def test_common_and_repetitive_passwords_are_refused(problems, password):
    assert len(problems(password)) == 1
    assert "te bekend" in problems(password)[0]


@pytest.mark.parametrize("password", [
    "sanne is de baas", "JANSEN-zegt-hallo", "vandenberg2024!", "ik ben s.vandenberg",
])
def test_the_members_own_name_or_address_is_refused(problems, password):
    assert problems(password) == ["Gebruik uw naam of e-mailadres niet in uw wachtwoord."]


def test_the_email_address_itself_is_refused(request_ctx):
    assert password_problems("ab@cd.test.nl", "", "ab@cd.test.nl") != []


def test_a_good_sentence_passes(problems):
    assert problems("paarse olifant op de fiets") == []


def _login(client, post_form, password):
    return post_form(client, "/inloggen", {"email": "sanne@utrecht.test", "password": password},
                     page="/inloggen")


def test_a_password_with_spaces_around_it_works_only_exactly_as_typed(app, post_form):
    with app.app_context():
        user = factories.make_user(email="sanne@utrecht.test")
        services.set_password(user, "  zonnige dag aan zee  ")
        db.session.commit()
    assert _login(app.test_client(), post_form, "zonnige dag aan zee").status_code == 422
    assert _login(app.test_client(), post_form, " zonnige dag aan zee ").status_code == 422
    assert _login(app.test_client(), post_form, "  zonnige dag aan zee  ").status_code == 302


def test_a_password_without_spaces_does_not_accept_added_spaces(app, post_form):
    with app.app_context():
        factories.make_user(email="sanne@utrecht.test")
    assert _login(app.test_client(), post_form, " " + factories.PASSWORD).status_code == 422
    assert _login(app.test_client(), post_form, factories.PASSWORD + " ").status_code == 422
    assert _login(app.test_client(), post_form, factories.PASSWORD.upper()).status_code == 422
    assert _login(app.test_client(), post_form, factories.PASSWORD).status_code == 302


def test_passwords_are_stored_as_argon2id_hashes(app_ctx):
    user = factories.make_user()
    services.set_password(user, "paarse olifant op de fiets")
    assert user.password_hash.startswith("$argon2id$")
    assert "paarse" not in user.password_hash


def test_an_old_hash_is_upgraded_at_the_next_login(app_ctx):
    from argon2 import PasswordHasher

    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    user = factories.make_user(email="sanne@utrecht.test", password_hash=weak.hash(factories.PASSWORD))
    old_hash = user.password_hash
    assert services.authenticate("sanne@utrecht.test", factories.PASSWORD) == user
    assert user.password_hash != old_hash
    assert services.authenticate("sanne@utrecht.test", factories.PASSWORD) == user
