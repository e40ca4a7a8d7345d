"""Shared fixtures: the test universe of fictional people, schools and services."""

import pytest

from tests.universe import Universe, build_universe


@pytest.fixture
def universe(db: None) -> Universe:
    return build_universe()
