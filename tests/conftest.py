"""Shared fixtures: the test universe of fictional people, schools and services."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import caches
from django.test import override_settings

from tests.early_help_universe import Children, build_children
from tests.snapshots import Snapshot
from tests.universe import Universe, build_universe

_universe = Snapshot(build_universe)


@pytest.fixture(scope="session")
def _universe_snapshot(django_db_setup: None, django_db_blocker: Any) -> Snapshot:
    """The universe built once a session (tests/snapshots.py says when it is built again)."""
    with django_db_blocker.unblock():
        _universe.take()
    return _universe


@pytest.fixture
def universe(_universe_snapshot: Snapshot, db: None) -> Universe:
    universe: Universe = _universe_snapshot.get()
    return universe


@pytest.fixture
def children(universe: Universe) -> Children:
    """Ava and Ben Stone at Northfield Primary, Cai Rowe at Southbank Academy."""
    return build_children(universe)


@pytest.fixture
def taxonomies(transactional_db: None) -> None:
    """For tests with real transactions: the flush after each one empties the taxonomy
    tables that a data migration filled, so load them again."""
    from earlyhelp.directory.taxonomy_sync import ensure_taxonomies

    ensure_taxonomies()


@pytest.fixture(scope="session", autouse=True)
def _own_demo_secret(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Each pytest process makes its own demo secret (earlyhelp/demo/secret.py) instead of
    sharing var/demo-secret-test: `make test` runs the SQLite and PostgreSQL passes at once,
    and one must never read the file while the other is still writing it."""
    with override_settings(DEMO_SECRET_FILE=tmp_path_factory.mktemp("demo") / "demo-secret"):
        yield


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    """Rate-limit and lockout counters (earlyhelp/lib/ratelimit.py) start at zero each test."""
    caches["ratelimit"].clear()
    yield


@pytest.fixture(autouse=True)
def _own_media_root(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each test has its own default storage (audit anchors, earlyhelp/audit/anchors.py)."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _empty_served_offers() -> None:
    """The Offer pages and PDFs an app process keeps in memory (earlyhelp/offers/served.py)
    start empty each test, as the database does."""
    from earlyhelp.offers.rendering import known
    from earlyhelp.offers.served import memory

    memory.clear()
    known.clear()
