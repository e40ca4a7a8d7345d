"""Signed-in Ed, and Northfield's Offer with one error and one warning to report."""

import pytest

from earlyhelp.directory.data import ServiceData
from earlyhelp.directory.models import Scope
from earlyhelp.schools.models import School
from tests.persona_clients import ed
from tests.unit.health.support import add_deputy, phones_of, show_service
from tests.universe import Universe

__all__ = ["ed"]


@pytest.fixture
def clean(universe: Universe) -> School:
    """Northfield Primary with a deputy DSL: nothing to report."""
    add_deputy(universe.northfield)
    return universe.northfield


@pytest.fixture
def troubled(universe: Universe) -> School:
    """Northfield Primary with no deputy DSL (a warning) and a retired address (an error)."""
    show_service(
        universe.northfield,
        ServiceData(
            name="Testshire Referrals",
            organization_name="Testshire Council",
            email="referrals@testshire.gcsx.gov.uk",
            phones=phones_of("+448456012345"),
        ),
        scope=Scope.LOCAL,
    )
    return universe.northfield
