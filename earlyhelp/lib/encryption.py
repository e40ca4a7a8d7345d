"""Encryption at rest for narrative free text (concern accounts, assessment columns).

Values are Fernet tokens (AES-128-CBC + HMAC-SHA256) under a list of keys from the
environment, `FIELD_ENCRYPTION_KEYS`: the first key encrypts, every key decrypts, so a new
key is added in front and `earlyhelp rotate-field-keys` re-encrypts old rows (docs/security.md).
Encrypted columns cannot be searched or filtered by the database: that is the point.
"""

from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

PREFIX = "fernet:"


@cache
def _keyring(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty.")
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "Each FIELD_ENCRYPTION_KEYS entry must be a Fernet key (32 bytes, url-safe "
            "base64). Make one with: earlyhelp rotate-field-keys --new-key"
        ) from error


def keyring() -> MultiFernet:
    return _keyring(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(text: str) -> str:
    return PREFIX + keyring().encrypt(text.encode()).decode()


def decrypt(stored: str) -> str:
    if not stored.startswith(PREFIX):
        raise ValueError("This value was not stored encrypted.")
    try:
        return keyring().decrypt(stored[len(PREFIX) :].encode()).decode()
    except InvalidToken as error:
        raise ImproperlyConfigured(
            "An encrypted value could not be read with any key in FIELD_ENCRYPTION_KEYS."
        ) from error


def reencrypt(stored: str) -> str:
    """The same value under the current first key (for key rotation)."""
    token = stored[len(PREFIX) :].encode()
    return PREFIX + keyring().rotate(token).decode()


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """A TextField stored encrypted. Python code sees plain text; the database never does."""

    description = "Text encrypted at rest"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None or value == "":
            return value
        return decrypt(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(str(value))

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name not in {"isnull", "exact"}:
            raise TypeError(f"Encrypted text cannot be searched with {lookup_name!r}.")
        return super().get_lookup(lookup_name)


def encrypted_fields() -> list[tuple[type[models.Model], list[str]]]:
    """Every model with encrypted columns, and those columns' names."""
    from django.apps import apps

    found = []
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            found.append((model, names))
    return found
