"""Signed-in clients for the Offer editor's personas (see tests/universe.py)."""

import pytest
from django.test import Client

from earlyhelp.accounts.actions import grant_role
from earlyhelp.accounts.roles import Role
from tests.persona_clients import client_for, ed, sam, tom
from tests.universe import Universe, make_user

__all__ = ["dan", "ed", "sam", "tom"]


@pytest.fixture
def dan(universe: Universe) -> Client:
    """Dan is a deputy DSL at Northfield Primary: may edit the Offer, not publish it."""
    dan = make_user("dan", "Dan", "Hart")
    grant_role(by=None, user=dan, role=Role.DEPUTY_DSL, school=universe.northfield)
    return client_for(dan)
