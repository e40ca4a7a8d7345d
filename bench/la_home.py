"""How the local authority's home scales with the number of schools.

    EARLYHELP_ENV=test .venv/bin/python -m bench.la_home [--schools 20] [--services 40]

Builds, in a throwaway SQLite database, one county of N schools, each with a published
Offer of M services (bench.offer_page's builder), and prints the time of
`la_home.summarise` for the county: the first read (every school's Offer health check run,
after one warm-up check, as the process loads the checks' data lists once), later reads
(the checks' counts from the cache, median), and the health checks alone. Attendance is
measured with no marks loaded (bench.attendance times the engine itself). Figures go in
docs/benchmarks.md ("LA home").
"""

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bench.offer_page import _setup_django, build_offer

ROUNDS = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=20)
    parser.add_argument("--services", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="earlyhelp-bench-") as folder:
        _setup_django(Path(folder))
        for n in range(args.schools):
            build_offer(f"Bench School {n}", args.services)
        first, later, health = measure()
        print(
            f"LA home, {args.schools} schools of {args.services} services, SQLite: "
            f"first read {first * 1000:.0f} ms, later reads {later * 1000:.0f} ms "
            f"(median of {ROUNDS}); the health checks alone {health * 1000:.0f} ms "
            f"({health / args.schools * 1000:.1f} ms a school)"
        )


def measure() -> tuple[float, float, float]:
    from django.core.cache import cache
    from django.utils import timezone

    from earlyhelp.core.la_home import summarise
    from earlyhelp.offers.health import check_offer
    from earlyhelp.schools.models import LocalAuthority

    la = LocalAuthority.objects.get(name="Benchshire")
    today = timezone.localdate()
    offers = [s.offer for s in la.schools.select_related("offer")]
    check_offer(offers[0], today=today)  # the process loads the checks' data lists once
    cache.clear()
    start = time.perf_counter()
    summarise(la, today)
    first = time.perf_counter() - start
    wholes, healths = [], []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        summarise(la, today)
        wholes.append(time.perf_counter() - start)
        start = time.perf_counter()
        for offer in offers:
            check_offer(offer, today=today)
        healths.append(time.perf_counter() - start)
    return first, statistics.median(wholes), statistics.median(healths)


if __name__ == "__main__":
    main()
