"""Fixed-window counters for rate limits and lockouts, kept in the "ratelimit" cache.

    from earlyhelp.lib import ratelimit
    if not ratelimit.hit(f"search:{address}", limit=120, window=60):
        ...  # over the limit: answer 429

`hit` counts one event and says whether the caller is still within `limit` events per
`window` seconds. The window starts at the first event. Keys are hashed, so any text (a
username, an address) is safe to pass. The cache alias "ratelimit" is shared by every app
server (settings.py): Redis when REDIS_URL is set, else the database cache
(earlyhelp/lib/dbcache.py, whose `incr` locks its row); both count exactly and keep a
window's expiry. A check reads and writes one key: its cost does not grow with the number
of counters.
"""

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

View = Callable[..., HttpResponse]

ALIAS = "ratelimit"


def _cache() -> BaseCache:
    return caches[ALIAS]


def _key(key: str) -> str:
    return "rl:" + hashlib.sha256(key.encode()).hexdigest()


def hit(key: str, *, limit: int, window: int) -> bool:
    """Count one event under `key`; True while there have been at most `limit` in the window."""
    return count(key, window=window) <= limit


def count(key: str, *, window: int) -> int:
    """Count one event under `key` and return how many there have been in the window."""
    cache, cache_key = _cache(), _key(key)
    if cache.add(cache_key, 1, timeout=window):
        return 1
    try:
        return cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=window)
        return 1


def peek(key: str) -> int:
    """How many events have been counted under `key` in the current window (none counted)."""
    value = _cache().get(_key(key))
    return int(value) if value else 0


def block(key: str, *, seconds: int) -> None:
    """Mark `key` as blocked for `seconds` from now (a lockout), whatever its count."""
    _cache().set(_key("block:" + key), 1, timeout=seconds)


def is_blocked(key: str) -> bool:
    return bool(_cache().get(_key("block:" + key)))


def reset(key: str) -> None:
    """Forget the count and any block for `key` (e.g. after a successful sign-in)."""
    _cache().delete_many([_key(key), _key("block:" + key)])


def client_address(request: HttpRequest) -> str:
    """The address the request came from, as the server saw it.

    REMOTE_ADDR only: a header the client can set itself (X-Forwarded-For) must never
    decide who is limited. Behind a reverse proxy, have the proxy or the WSGI server put
    the client's address there (docs/security.md).
    """
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def limit_by_address(name: str, *, limit: Callable[[], int], window: int) -> Callable[[View], View]:
    """Decorate a public view: past `limit()` requests per `window` seconds from one
    address, answer 429 with a GOV.UK page saying when to try again. A limit of 0 is off.

        path("", limit_by_address("search", limit=lambda: 300, window=60)(views.search))
    """

    def decorate(view: View) -> View:
        @wraps(view)
        def limited(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            allowed = limit()
            key = f"{name}:{client_address(request)}"
            if allowed and not hit(key, limit=allowed, window=window):
                return too_many_requests(request, retry_after=window)
            return view(request, *args, **kwargs)

        return limited

    return decorate


def too_many_requests(request: HttpRequest, *, retry_after: int) -> HttpResponse:
    response = render(
        request,
        "ratelimit/429.html",
        {"retry_minutes": max(1, retry_after // 60)},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response
