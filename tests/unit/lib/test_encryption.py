import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from earlyhelp.lib.encryption import decrypt, encrypt, reencrypt


def test_text_round_trips_and_is_not_stored_in_clear() -> None:
    stored = encrypt("Told me dad hit him with a belt")
    assert "belt" not in stored
    assert decrypt(stored) == "Told me dad hit him with a belt"


def test_a_rotated_value_reads_under_the_new_key_alone() -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    with override_settings(FIELD_ENCRYPTION_KEYS=[old]):
        stored = encrypt("bruise on left arm")
    with override_settings(FIELD_ENCRYPTION_KEYS=[new, old]):
        rotated = reencrypt(stored)
    with override_settings(FIELD_ENCRYPTION_KEYS=[new]):
        assert decrypt(rotated) == "bruise on left arm"
        with pytest.raises(ImproperlyConfigured):
            decrypt(stored)


def test_a_bad_key_is_a_configuration_error() -> None:
    with (
        override_settings(FIELD_ENCRYPTION_KEYS=["not-a-key"]),
        pytest.raises(ImproperlyConfigured),
    ):
        encrypt("x")
