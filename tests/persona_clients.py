"""Test clients signed in (with the second factor) as the universe's personas.

Import the fixtures into a folder's conftest.py: `from tests.persona_clients import ed, sam, tom`.
"""

import pytest
from django.test import Client

from earlyhelp.accounts.models import User
from tests.signin import sign_in
from tests.universe import Universe


def client_for(user: User) -> Client:
    client = Client()
    sign_in(client, user)
    return client


@pytest.fixture
def ed(universe: Universe) -> Client:
    """Ed edits and publishes Northfield Primary's Offer."""
    return client_for(universe.ed)


@pytest.fixture
def tom(universe: Universe) -> Client:
    """Tom teaches at Northfield Primary: staff area, but no Offer editing."""
    return client_for(universe.tom)


@pytest.fixture
def sam(universe: Universe) -> Client:
    """Sam is the DSL at Southbank Academy: an editor, but of another school."""
    return client_for(universe.sam)
