"""Demo logins come with an authenticator app already set up, so that `make demo` can be
tried without a phone: `earlyhelp demo-code USERNAME` prints the code the app would show.

The keys are derived from the username and the installation's demo secret
(`demo/secret.py`): they protect only fictional demo accounts, and the demo commands refuse to
run in production.
"""

import hashlib
import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from earlyhelp.accounts.models import User
from earlyhelp.accounts.second_factor import confirm_totp_device, start_totp_setup
from earlyhelp.demo.secret import demo_password


def demo_key(username: str) -> str:
    """The demo account's authenticator-app key (hex, as django-otp stores it)."""
    seed = f"earlyhelp demo authenticator:{demo_password()}:{username}".encode()
    return hashlib.sha256(seed).hexdigest()[:40]  # 20 bytes, as django-otp makes keys


def demo_code(username: str, *, at: float | None = None, used_up_to: int = -1) -> str:
    """The code the demo account's app shows at `at` (now by default), or the next one if
    this time step was used already (django-otp accepts one step ahead, never one twice)."""
    totp = TOTP(bytes.fromhex(demo_key(username)))
    totp.time = time.time() if at is None else at
    if totp.t() <= used_up_to:
        totp.time += totp.step * (used_up_to + 1 - totp.t())
    return f"{totp.token():06d}"


def current_demo_code(username: str) -> str:
    """The code to type now for a demo login, skipping a step its app already used."""
    device = TOTPDevice.objects.filter(
        user__username=username, key=demo_key(username), confirmed=True
    ).first()
    if device is None:
        raise LookupError(f"{username!r} is not a demo login with the demo authenticator.")
    return demo_code(username, used_up_to=device.last_t)


def add_demo_authenticator(user: User) -> TOTPDevice:
    """Set up the app as a person would: start, then confirm with the current code."""
    device = start_totp_setup(by=user, key=demo_key(user.username))
    confirm_totp_device(by=user, device=device, token=demo_code(user.username))
    return device
