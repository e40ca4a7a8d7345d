"""The administrators' commands for a lost phone and a leaver."""

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from earlyhelp.accounts.models import User
from tests.signin import sign_in


def test_reset_second_factor_removes_the_app_and_ends_sessions(client: Client, universe):
    sign_in(client, universe.tom)
    call_command("reset_second_factor", "tom")
    assert not TOTPDevice.objects.filter(user=universe.tom).exists()
    assert client.get("/staff/")["Location"].startswith("/staff/sign-in/")


def test_deactivate_user_switches_the_account_off(client: Client, universe):
    sign_in(client, universe.tom)
    call_command("deactivate_user", "tom")
    assert not User.objects.get(username="tom").is_active
    assert client.get("/staff/")["Location"].startswith("/staff/sign-in/")


def test_an_unknown_username_is_an_error(db):
    with pytest.raises(CommandError, match="No account with the username 'zed'"):
        call_command("reset_second_factor", "zed")
