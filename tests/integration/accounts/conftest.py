"""Helpers for the sign-in tests: a fresh colleague with no second factor yet."""

import pytest

from earlyhelp.accounts.actions import create_staff_user, grant_role
from earlyhelp.accounts.models import User
from earlyhelp.accounts.roles import Role
from tests.universe import PASSWORD, Universe


@pytest.fixture
def nia(universe: Universe) -> User:
    """Nia has just joined Northfield Primary as a teacher: password, no second factor."""
    nia = create_staff_user(
        by=None,
        username="nia",
        first_name="Nia",
        last_name="Park",
        email="nia@example.org",
        password=PASSWORD,
    )
    grant_role(by=None, user=nia, role=Role.STAFF, school=universe.northfield)
    return nia
