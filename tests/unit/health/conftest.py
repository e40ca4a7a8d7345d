"""Fixtures for the health check's tests (helpers are in support.py)."""

import pytest

from earlyhelp.schools.models import School
from tests.unit.health.support import add_deputy
from tests.universe import Universe


@pytest.fixture
def northfield(universe: Universe) -> School:
    """Northfield Primary with a deputy DSL too: an Offer the check finds nothing wrong with."""
    add_deputy(universe.northfield)
    return universe.northfield
