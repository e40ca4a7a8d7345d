"""Signed-in clients for the Offer editor's personas (see tests/universe.py)."""

import pytest
from django.test import Client

from earlyhelp.accounts.actions import grant_role
from earlyhelp.accounts.models import User
from earlyhelp.accounts.roles import Role
from tests.signin import sign_in
from tests.universe import Universe, make_user


def _client_for(user: User) -> Client:
    client = Client()
    sign_in(client, user)
    return client


@pytest.fixture
def ed(universe: Universe) -> Client:
    """Ed edits and publishes Northfield Primary's Offer."""
    return _client_for(universe.ed)


@pytest.fixture
def tom(universe: Universe) -> Client:
    """Tom teaches at Northfield Primary: staff area, but no Offer editing."""
    return _client_for(universe.tom)


@pytest.fixture
def sam(universe: Universe) -> Client:
    """Sam is the DSL at Southbank Academy: an editor, but of another school."""
    return _client_for(universe.sam)


@pytest.fixture
def dan(universe: Universe) -> Client:
    """Dan is a deputy DSL at Northfield Primary: may edit the Offer, not publish it."""
    dan = make_user("dan", "Dan", "Hart")
    grant_role(by=None, user=dan, role=Role.DEPUTY_DSL, school=universe.northfield)
    return _client_for(dan)
