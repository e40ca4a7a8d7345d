"""Sign a test client in the way the staff area requires: password and second factor.

    from tests.signin import sign_in
    sign_in(client, universe.ed)   # then client.get("/staff/...") works

The user gets a real TOTP device through the accounts actions if they have none (universe
personas already have one, with the key `tests.universe.totp_key(username)`), and the
session is marked verified through django-otp's own `login`, exactly as the challenge
page does. `totp_code(user)` gives the code an authenticator app would show now, for tests
that type it into the challenge form or a browser.
"""

import time

from django.http import HttpRequest
from django.test import Client
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from earlyhelp.accounts import sessions
from earlyhelp.accounts.models import User
from earlyhelp.accounts.second_factor import confirm_totp_device, start_totp_setup


def sign_in(client: Client, user: User) -> None:
    """Signed in with a verified second factor (no audit event for the sign-in itself)."""
    device = totp_device(user)
    client.force_login(user)
    session = client.session
    request = HttpRequest()
    request.session = session
    request.user = user
    otp_login(request, device)
    sessions.start(request)
    session.save()


def sign_in_without_second_factor(client: Client, user: User) -> None:
    """Past the password only: every staff page should send this client to the challenge."""
    client.force_login(user)


def totp_device(user: User) -> TOTPDevice:
    """The user's confirmed authenticator-app device, set up through the actions if needed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = start_totp_setup(by=user)
        assert confirm_totp_device(by=user, device=device, token=totp_code(device)) is not None
    return device


def totp_code(device: TOTPDevice) -> str:
    """The code the app shows now, or the next one if the current one was used already
    (django-otp accepts a code one step ahead and never the same step twice)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.time += device.step * (device.last_t + 1 - totp.t())
    return f"{totp.token():0{device.digits}d}"
