"""Shared fixtures: the test universe of fictional people, schools and services."""

from collections.abc import Iterator

import pytest
from django.core.cache import caches

from tests.universe import Universe, build_universe


@pytest.fixture
def universe(db: None) -> Universe:
    return build_universe()


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    """Rate-limit and lockout counters (earlyhelp/lib/ratelimit.py) start at zero each test."""
    caches["ratelimit"].clear()
    yield
