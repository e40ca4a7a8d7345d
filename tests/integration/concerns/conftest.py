import pytest

from tests.concerns_universe import Roll, add_roll
from tests.universe import Universe


@pytest.fixture
def roll(universe: Universe) -> Roll:
    return add_roll(universe)
