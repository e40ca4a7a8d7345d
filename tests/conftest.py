"""Shared fixtures: the test universe of fictional people, schools and services."""

from collections.abc import Iterator
from typing import Any

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


@pytest.fixture(autouse=True)
def _own_media_root(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each test has its own default storage (audit anchors, earlyhelp/audit/anchors.py)."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
