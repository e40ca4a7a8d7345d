"""What one rate-limit check costs as the number of live counters grows, per cache backend.

    EARLYHELP_ENV=test .venv/bin/python -m bench.ratelimit [--sizes 1000,10000,40000]

For each backend the cache is filled with N other live counters, then `ratelimit.hit` is
timed on fresh keys (the first hit of an address: `add`) and on a repeated key (`incr`),
median of 300 each, in a throwaway SQLite database: the file cache (the old production
default, for comparison), Django's own database cache, earlyhelp's database cache
(earlyhelp/lib/dbcache.py, the fallback without Redis) and Redis (when `redis-server` is
installed; one is started on a free loopback port). Figures go in docs/benchmarks.md
("Rate limits").
"""

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HITS = 300
TABLE = "bench_cache"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,40000")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="earlyhelp-bench-") as folder:
        redis_server, redis_url = _start_redis(Path(folder))
        try:
            backends = _setup_django(Path(folder), redis_url)
            print(f"Rate-limit check, ms per hit (median of {HITS}); N = other live counters")
            for name in backends:
                for size in sizes:
                    fresh, repeat = measure(name, size)
                    print(f"  {name:<28} N={size:>6}: first hit {fresh:6.2f} ms, ", end="")
                    print(f"later hit {repeat:6.2f} ms")
        finally:
            if redis_server is not None:
                redis_server.terminate()
                redis_server.wait(timeout=10)


def _start_redis(folder: Path) -> tuple[subprocess.Popen[bytes] | None, str]:
    binary = shutil.which("redis-server")
    if binary is None:
        return None, ""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    return server, f"redis://127.0.0.1:{port}/0"


def _setup_django(folder: Path, redis_url: str) -> list[str]:
    os.environ.setdefault("EARLYHELP_ENV", "test")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "earlyhelp.settings")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    import django
    from django.conf import settings

    caches: dict[str, dict[str, object]] = {
        "file cache (old default)": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(folder / "file-cache"),
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        },
        "Django's database cache": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": TABLE + "_django",
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        },
        "earlyhelp's database cache": {
            "BACKEND": "earlyhelp.lib.dbcache.DatabaseCache",
            "LOCATION": TABLE,
        },
    }
    if redis_url:
        caches["Redis"] = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
        }
    django.setup()
    settings.CACHES.update(caches)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return list(caches)


def fill(name: str, size: int) -> None:
    from django.core.cache import caches

    cache = caches[name]
    cache.clear()
    # The file cache lists its folder on every write (its cull): filling it that way takes
    # N² time, so the filler is written without; the timed hits below cull as usual.
    cull = cache.__dict__.pop("_cull", None)
    cache._cull = lambda *args: None  # type: ignore[attr-defined]
    batch = 1000
    try:
        for start in range(0, size, batch):
            filler = {f"filler-{n}": n for n in range(start, min(size, start + batch))}
            cache.set_many(filler, 600)
    finally:
        del cache._cull  # type: ignore[attr-defined]
        if cull is not None:
            cache._cull = cull  # type: ignore[attr-defined]


def measure(name: str, size: int) -> tuple[float, float]:
    from earlyhelp.lib import ratelimit

    ratelimit.ALIAS = name
    fill(name, size)
    fresh = _median(lambda n: ratelimit.hit(f"fresh-{size}-{n}", limit=10**6, window=600))
    repeat = _median(lambda n: ratelimit.hit(f"same-{size}", limit=10**6, window=600))
    return fresh, repeat


def _median(step: Callable[[int], object]) -> float:
    times = []
    for n in range(HITS):
        start = time.perf_counter()
        step(n)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


if __name__ == "__main__":
    main()
