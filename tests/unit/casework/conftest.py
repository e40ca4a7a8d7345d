import pytest

from tests.early_help_universe import Children, build_children
from tests.universe import Universe


@pytest.fixture
def children(universe: Universe) -> Children:
    return build_children(universe)
