"""Setting up and using second factors, recovery codes, resets and switched-off accounts."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from earlyhelp.accounts.models import RecoveryCode, User
from earlyhelp.accounts.second_factor import (
    deactivate_user,
    generate_recovery_codes,
    reset_second_factor,
)
from earlyhelp.audit.models import AuditEvent
from earlyhelp.lib.errors import ActionError
from tests.integration.accounts.support import last_event
from tests.signin import sign_in, sign_in_without_second_factor, totp_code
from tests.universe import Universe

SETUP = reverse("accounts:two-factor-setup")
CHALLENGE = reverse("accounts:two-factor-challenge")
CODES = reverse("accounts:recovery-codes")


def page(response) -> str:
    return str(response.content.decode())


def set_up_app(client: Client, user: User) -> list[str]:
    """Nia scans nothing: she types the key shown as text into her app, then its code."""
    text = page(client.get(SETUP))
    assert "<svg" in text and "QR code for your authenticator app" in text
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    shown = re.search(r'id="totp-secret"[^>]*>([A-Z2-7 ]+)<', text)[1]  # type: ignore[index]
    assert len(shown.replace(" ", "")) == 32
    response = client.post(SETUP, {"code": totp_code(device), "next": "/staff/"})
    assert response["Location"].startswith(CODES)
    return list(re.findall(r"<code>([A-Z0-9-]{14})</code>", page(client.get(response["Location"]))))


def test_a_new_colleague_must_set_up_an_app_before_anything_else(client, nia):
    sign_in_without_second_factor(client, nia)
    assert client.get("/staff/")["Location"].startswith(SETUP)
    assert client.get(CHALLENGE)["Location"].startswith(SETUP)
    codes = set_up_app(client, nia)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/staff/").status_code == 200
    assert "two_factor.device_added" in AuditEvent.objects.values_list("action", flat=True)


def test_recovery_codes_are_shown_once_and_stored_hashed(client, nia):
    sign_in_without_second_factor(client, nia)
    codes = set_up_app(client, nia)
    assert "cannot be shown again" in page(client.get(CODES))
    stored = set(RecoveryCode.objects.filter(device__user=nia).values_list("code_hash", flat=True))
    assert not stored & set(codes) and len(stored) == 10


def test_a_recovery_code_signs_in_once(universe: Universe):
    codes = generate_recovery_codes(by=universe.tom)
    first, second = Client(), Client()
    for client in (first, second):
        sign_in_without_second_factor(client, universe.tom)
    assert first.post(CHALLENGE, {"code": codes[0].lower()})["Location"] == "/staff/"
    assert "Enter a correct code" in page(second.post(CHALLENGE, {"code": codes[0]}))
    event = AuditEvent.objects.filter(action="two_factor.recovery_code_used").get()
    assert event.details == {"remaining": 9}


def test_someone_with_an_app_cannot_add_another_before_the_challenge(client, universe):
    sign_in_without_second_factor(client, universe.ed)
    assert client.get(SETUP)["Location"].startswith(CHALLENGE)
    assert not TOTPDevice.objects.filter(user=universe.ed, confirmed=False).exists()


def test_a_dsl_is_asked_for_a_passkey_and_may_carry_on(client, universe):
    sign_in_without_second_factor(client, universe.dee)
    device = TOTPDevice.objects.get(user=universe.dee)
    response = client.post(CHALLENGE, {"code": totp_code(device), "next": "/staff/"})
    assert response["Location"].startswith(reverse("accounts:passkey-prompt"))
    prompt = page(client.get(response["Location"]))
    assert "Add a passkey" in prompt and 'href="/staff/"' in prompt
    assert client.get("/staff/").status_code == 200


def test_a_teacher_is_not_asked_for_a_passkey(client, universe):
    sign_in_without_second_factor(client, universe.tom)
    device = TOTPDevice.objects.get(user=universe.tom)
    assert client.post(CHALLENGE, {"code": totp_code(device)})["Location"] == "/staff/"


def test_the_last_sign_in_method_cannot_be_removed(client, universe):
    sign_in(client, universe.ed)
    device = TOTPDevice.objects.get(user=universe.ed)
    url = reverse("accounts:sign-in-method-remove", args=["app", device.pk])
    client.post(url)
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    assert "Add another way to sign in" in page(client.get(reverse("accounts:sign-in-methods")))


def test_resetting_the_second_factor_ends_every_session(universe):
    phone, laptop = Client(), Client()
    sign_in(phone, universe.tom)
    sign_in(laptop, universe.tom)
    reset_second_factor(by=None, user=universe.tom)
    for client in (phone, laptop):
        assert client.get("/staff/")["Location"].startswith(reverse("accounts:sign-in"))
    assert not TOTPDevice.objects.filter(user=universe.tom).exists()
    assert last_event().action == "two_factor.reset"


def test_only_someone_allowed_may_reset_a_colleagues_second_factor(universe):
    with pytest.raises(ActionError):
        reset_second_factor(by=universe.ed, user=universe.tom)
    universe.lara.is_superuser = True
    reset_second_factor(by=universe.lara, user=universe.tom)
    assert not TOTPDevice.objects.filter(user=universe.tom).exists()


def test_switching_an_account_off_ends_its_sessions(client, universe):
    sign_in(client, universe.ed)
    deactivate_user(by=None, user=universe.ed)
    assert client.get("/staff/")["Location"].startswith(reverse("accounts:sign-in"))
    assert last_event().action == "user.deactivated"
