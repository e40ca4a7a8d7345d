"""Rate limits and lockouts on the database cache, the shared store when no Redis is set:
counters seen by every app server on the database, and a check that costs the same however
many counters there are (no count of the table on each write, earlyhelp/lib/dbcache.py)."""

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from earlyhelp.accounts import lockout
from earlyhelp.lib import ratelimit
from earlyhelp.lib.dbcache import DatabaseCache

TABLE = "earlyhelp_cache"


@pytest.fixture
def database_cache(settings: Any, db: None) -> Iterator[DatabaseCache]:
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {
            "BACKEND": "earlyhelp.lib.dbcache.DatabaseCache",
            "LOCATION": TABLE,
            "KEY_PREFIX": "ratelimit",
        },
    }
    call_command("createcachetable", verbosity=0)
    cache = caches["ratelimit"]
    assert isinstance(cache, DatabaseCache)
    yield cache


def rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {TABLE}")
        return int(cursor.fetchone()[0])


def test_migrate_makes_the_cache_table_when_a_cache_uses_the_database(
    settings: Any, db: None
) -> None:
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {"BACKEND": "earlyhelp.lib.dbcache.DatabaseCache", "LOCATION": TABLE},
    }
    assert TABLE not in connection.introspection.table_names()
    call_command("migrate", verbosity=0)
    assert TABLE in connection.introspection.table_names()


def test_counts_refuse_past_the_limit_and_reset(database_cache: DatabaseCache) -> None:
    answers = [ratelimit.hit("search:192.0.2.1", limit=3, window=60) for _ in range(5)]
    assert answers == [True, True, True, False, False]
    assert ratelimit.peek("search:192.0.2.1") == 5
    ratelimit.reset("search:192.0.2.1")
    assert ratelimit.peek("search:192.0.2.1") == 0


def test_a_lockout_holds_for_fifteen_minutes(database_cache: DatabaseCache) -> None:
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for _ in range(4):
            assert not lockout.record_failure("ed", "192.0.2.1")
        assert lockout.record_failure("ed", "192.0.2.1")
        assert lockout.is_locked("ed", "192.0.2.1")
        clock.shift(timedelta(minutes=14))
        assert lockout.is_locked("ed", "192.0.2.1")
        clock.shift(timedelta(minutes=2))
        assert not lockout.is_locked("ed", "192.0.2.1")


def test_a_window_starts_again_once_it_has_expired(database_cache: DatabaseCache) -> None:
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for _ in range(3):
            ratelimit.hit("k", limit=3, window=60)
        assert not ratelimit.hit("k", limit=3, window=60)
        clock.shift(timedelta(seconds=61))
        assert ratelimit.hit("k", limit=3, window=60)
        assert ratelimit.peek("k") == 1


def test_a_check_never_counts_the_table(database_cache: DatabaseCache) -> None:
    database_cache.set_many({f"other-{n}": n for n in range(300)}, timeout=600)
    with CaptureQueriesContext(connection) as few:
        ratelimit.hit("search:192.0.2.9", limit=10, window=60)
        ratelimit.hit("search:192.0.2.9", limit=10, window=60)
    database_cache.set_many({f"more-{n}": n for n in range(700)}, timeout=600)
    with CaptureQueriesContext(connection) as many:
        ratelimit.hit("search:192.0.2.10", limit=10, window=60)
        ratelimit.hit("search:192.0.2.10", limit=10, window=60)
    sql = [query["sql"].upper() for query in [*few.captured_queries, *many.captured_queries]]
    assert not any("COUNT(" in statement for statement in sql)
    assert len(few.captured_queries) == len(many.captured_queries)


def test_expired_rows_are_deleted(database_cache: DatabaseCache) -> None:
    with time_machine.travel(timezone.now(), tick=False) as clock:
        database_cache.set_many({f"old-{n}": n for n in range(20)}, timeout=60)
        database_cache.set("kept", 1, timeout=3600)
        clock.shift(timedelta(minutes=5))
        assert database_cache.delete_expired() == 20
    assert rows() == 1 and database_cache.get("kept") == 1


def test_add_takes_over_an_expired_key_but_not_a_live_one(database_cache: DatabaseCache) -> None:
    with time_machine.travel(timezone.now(), tick=False) as clock:
        assert database_cache.add("k", "first", timeout=60)
        assert not database_cache.add("k", "second", timeout=60)
        clock.shift(timedelta(minutes=2))
        assert database_cache.add("k", "third", timeout=60)
        assert database_cache.get("k") == "third"
        assert database_cache.touch("k", timeout=600)
        clock.shift(timedelta(minutes=5))
        assert database_cache.get("k") == "third"
        assert not database_cache.touch("missing", timeout=60)
