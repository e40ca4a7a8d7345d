"""Key helpers that settings can import before Django is set up."""

import base64
import hashlib

from cryptography.fernet import Fernet


def derive_key(secret: str) -> str:
    """A Fernet key derived from a secret (used outside production only)."""
    digest = hashlib.sha256(("earlyhelp-field-encryption:" + secret).encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()


def new_key() -> str:
    return Fernet.generate_key().decode()
