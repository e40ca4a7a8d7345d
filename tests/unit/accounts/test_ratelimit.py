"""The shared rate-limit counters and the sign-in lockout built on them."""

from datetime import timedelta

import time_machine
from django.test import RequestFactory
from django.utils import timezone

from earlyhelp.accounts import lockout
from earlyhelp.lib import ratelimit


def test_hit_allows_up_to_the_limit_then_refuses():
    answers = [ratelimit.hit("search:192.0.2.1", limit=3, window=60) for _ in range(5)]
    assert answers == [True, True, True, False, False]
    assert ratelimit.hit("search:192.0.2.2", limit=3, window=60)


def test_reset_forgets_the_count_and_the_block():
    for _ in range(4):
        ratelimit.hit("k", limit=3, window=60)
    ratelimit.block("k", seconds=60)
    ratelimit.reset("k")
    assert ratelimit.peek("k") == 0 and not ratelimit.is_blocked("k")


def test_a_lock_lasts_fifteen_minutes_and_only_for_that_pair():
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for _ in range(4):
            assert not lockout.record_failure("Ed", "192.0.2.1")
        assert lockout.record_failure("ed", "192.0.2.1")  # the fifth
        assert lockout.is_locked(" ED ", "192.0.2.1")
        assert not lockout.is_locked("ed", "198.51.100.7")
        assert not lockout.is_locked("tom", "192.0.2.1")
        clock.shift(timedelta(minutes=14))
        assert lockout.is_locked("ed", "192.0.2.1")
        clock.shift(timedelta(minutes=2))
        assert not lockout.is_locked("ed", "192.0.2.1")


def test_the_address_is_what_the_server_saw_not_a_header():
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="10.0.0.1")
    assert ratelimit.client_address(request) == "192.0.2.1"
