"""Fixtures for the county directory editors' workspace: Dora edits Testshire's directory;
Otto edits another county's."""

import pytest
from django.test import Client

from earlyhelp.accounts.actions import grant_role
from earlyhelp.accounts.models import User
from earlyhelp.accounts.roles import Role
from earlyhelp.schools.actions import create_local_authority
from tests.persona_clients import client_for, ed
from tests.universe import Universe, make_user

__all__ = ["ed"]


@pytest.fixture
def dora_user(universe: Universe) -> User:
    user = make_user("dora", "Dora", "Reed")
    grant_role(by=None, user=user, role=Role.DIRECTORY_EDITOR, local_authority=universe.county)
    return user


@pytest.fixture
def dora(dora_user: User) -> Client:
    """Dora keeps Testshire's directory."""
    return client_for(dora_user)


@pytest.fixture
def otto(universe: Universe) -> Client:
    """Otto keeps another county's directory."""
    other = create_local_authority(
        by=None,
        name="Otherdale",
        front_door_name="Otherdale Front Door",
        front_door_phone="+441134960011",
        out_of_hours_phone="+441134960012",
    )
    user = make_user("otto", "Otto", "Vale")
    grant_role(by=None, user=user, role=Role.DIRECTORY_EDITOR, local_authority=other)
    return client_for(user)
