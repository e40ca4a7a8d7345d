"""The demo's one secret, made on the first `load_demo` and kept beside the database.

Every demo login shares one password, printed by `make demo`, and each has an authenticator
app whose key comes from the same secret (`demo/second_factor.py`). The secret is random for
each installation and lives in `settings.DEMO_SECRET_FILE` (under `var/`, never in the
repository); `make demo-reset` deletes it with the database.
"""

import os
import secrets
from pathlib import Path

from django.conf import settings


def demo_password() -> str:
    """The demo logins' password: read from the secret file, made on first use."""
    path = Path(settings.DEMO_SECRET_FILE)
    if not path.exists():
        _write_new(path)
    return path.read_text(encoding="utf-8").strip()


def _write_new(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(f"demo-{secrets.token_urlsafe(12)}\n")
