"""Passwords are stored as salted Argon2id hashes and checked against them."""

import pytest

from alme_portal.accounts.services.passwords import hash_password, needs_rehash, verify_password


def test_hash_is_argon2id_and_never_the_password():
    hashed = hash_password("Lovers-Paris-26!")
    assert hashed.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert "Lovers-Paris-26!" not in hashed


def test_the_right_password_verifies_and_a_wrong_one_does_not():
    hashed = hash_password("Lovers-Paris-26!")
    assert verify_password(hashed, "Lovers-Paris-26!") is True
    assert verify_password(hashed, "lovers-paris-26!") is False
    assert verify_password(hashed, "Lovers-Paris-26") is False
    assert verify_password(hashed, "") is False


def test_same_password_gets_a_different_salt_each_time():
    password = "Atelier-Ink-2026"
    first, second = hash_password(password), hash_password(password)
    assert first != second
    assert verify_password(first, password) and verify_password(second, password)


def test_long_unicode_password_round_trips_without_truncation():
    password = "Crème brûlée à l'Almé ✨ " * 3
    hashed = hash_password(password)
    assert verify_password(hashed, password)
    assert not verify_password(hashed, password[:-1])


@pytest.mark.parametrize("stored", ["", "not-a-hash", "$argon2id$v=19$broken"])
def test_a_malformed_stored_hash_verifies_nothing(stored):
    assert verify_password(stored, "anything") is False


def test_weaker_parameters_ask_for_a_rehash():
    from argon2 import PasswordHasher

    weak = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash("Lovers-Paris-26!")
    assert needs_rehash(weak) is True
    assert needs_rehash(hash_password("Lovers-Paris-26!")) is False
