"""The database refuses impossible accounts, schools and pupils (tests/constraints.py)."""

from datetime import date

import pytest

from earlyhelp.accounts.models import Membership, RecoveryCode
from earlyhelp.accounts.roles import Role
from earlyhelp.accounts.second_factor import generate_recovery_codes
from earlyhelp.schools.models import KeyPersonRole, School
from tests.constraints import copy_of, refused
from tests.early_help_universe import add_pupil

pytestmark = pytest.mark.django_db


def test_a_recovery_code_is_stored_once_per_device(universe):
    generate_recovery_codes(by=universe.dee)
    code = RecoveryCode.objects.filter(device__user=universe.dee).first()
    assert code is not None
    refused("recovery_code_unique", **copy_of(code))


def test_a_school_role_is_held_at_a_school_and_nowhere_else(universe):
    refused(
        "membership_school_role_at_school",
        user=universe.tom,
        role=Role.STAFF,
        school=None,
        local_authority=universe.county,
    )


def test_a_person_holds_a_role_at_a_school_once(universe):
    membership = Membership.objects.get(user=universe.dee, school=universe.northfield)
    refused("membership_unique_school_role", **copy_of(membership))


def test_a_person_holds_a_role_at_a_local_authority_once(universe):
    membership = Membership.objects.get(user=universe.lara, local_authority=universe.county)
    refused("membership_unique_la_role", **copy_of(membership))


def test_two_schools_cannot_share_a_urn(universe):
    School.objects.filter(pk=universe.northfield.pk).update(urn="100001")
    refused(
        "school_unique_urn",
        **copy_of(School.objects.get(pk=universe.northfield.pk), slug="northfield-twin"),
    )


def test_a_key_person_has_each_role_once(universe):
    role = KeyPersonRole.objects.filter(person__school=universe.northfield).first()
    assert role is not None
    refused("key_person_role_unique", **copy_of(role))


def test_a_upn_is_on_a_schools_roll_once(universe):
    ava = add_pupil(universe.northfield, "Ava", "Stone", 1)
    refused("pupil_unique_upn_per_school", **copy_of(ava, legal_first_name="Eva"))


def test_a_pupil_leaves_after_being_admitted(universe):
    ava = add_pupil(universe.northfield, "Ava", "Stone", 1)
    ava.delete()
    refused(
        "pupil_left_after_admitted",
        **copy_of(ava, admitted_on=date(2025, 9, 1), left_on=date(2025, 8, 31)),
    )
