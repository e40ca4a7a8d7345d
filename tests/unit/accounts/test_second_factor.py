"""Second factors at the model level: hashed codes, and the session hash."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from earlyhelp.accounts.models.devices import hash_recovery_code
from earlyhelp.accounts.second_factor import totp_secret_base32


def test_recovery_codes_match_however_they_are_typed():
    assert hash_recovery_code("abcd-efgh-jkmn") == hash_recovery_code("ABCD EFGH JKMN")
    assert hash_recovery_code("ABCD-EFGH-JKMN") != hash_recovery_code("ABCD-EFGH-JKMP")


def test_the_secret_is_shown_in_groups_of_four_letters():
    device = TOTPDevice(key="00" * 20)
    assert totp_secret_base32(device) == "AAAA AAAA AAAA AAAA AAAA AAAA AAAA AAAA"


@pytest.mark.django_db
def test_a_new_security_stamp_changes_the_session_hash(universe):
    before = universe.ed.get_session_auth_hash()
    universe.ed.bump_security_stamp()
    assert universe.ed.get_session_auth_hash() != before
